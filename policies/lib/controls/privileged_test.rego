package kube_policies.policies_test.privileged

import data.kube_policies.policies.privileged
import data.kube_policies.test.fixtures

problem := "must not set securityContext.privileged=true."

test_valid_unset_false_or_null if {
	every value in [false, null] {
		count(privileged.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "privileged", value)]))
	}
	count(privileged.violation) == 0 with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		privileged.violation == {fixtures.container_finding("privileged", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "privileged", true)]))
	}
}

test_invalid_every_container_reported if {
	privileged.violation == {
		fixtures.container_finding("privileged", "Pod", "init", problem),
		fixtures.container_finding("privileged", "Pod", "app", problem),
		fixtures.container_finding("privileged", "Pod", "debug", problem),
	} with input as fixtures.pod(fixtures.spec_with([
		fixtures.set_container("initContainers", "privileged", true),
		fixtures.set_container("containers", "privileged", true),
		fixtures.set_container("ephemeralContainers", "privileged", true),
	]))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		privileged.violation == {fixtures.container_finding("privileged", kind, "app", problem)} with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "privileged", true)]))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "privileged", true)]))
	count(privileged.violation) == 1 with input as fixtures.update(r)
	count(privileged.violation) == 0 with input as fixtures.delete(r)
}

test_edge_null_or_malformed_security_context if {
	every context in [null, "privileged", [], {"privileged": "true"}] {
		count(privileged.violation) == 0 with input as fixtures.pod({"containers": [{"name": "app", "securityContext": context}]})
	}
}

test_edge_unnamed_container_is_reported_with_an_empty_name if {
	privileged.violation == {fixtures.container_finding("privileged", "Pod", "", problem)} with input as fixtures.pod({"containers": [{"securityContext": {"privileged": true}}]})
}
