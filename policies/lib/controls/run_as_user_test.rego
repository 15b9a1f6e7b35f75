package kube_policies.policies_test.run_as_user

import data.kube_policies.policies.run_as_user
import data.kube_policies.test.fixtures

problem := "must not set securityContext.runAsUser=0."

test_valid_non_zero_unset_or_null if {
	every value in [1000, 1, null] {
		count(run_as_user.violation) == 0 with input as fixtures.pod(fixtures.spec_with([
			fixtures.set_pod("runAsUser", value),
			fixtures.set_container("containers", "runAsUser", value),
		]))
	}
	count(run_as_user.violation) == 0 with input as fixtures.pod(fixtures.bare_spec)
}

# The pod-level 0 is a finding even when every container overrides it.
test_invalid_pod_level_zero if {
	run_as_user.violation == {fixtures.pod_finding("run_as_user", "Pod", problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("runAsUser", 0)]))
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		run_as_user.violation == {fixtures.container_finding("run_as_user", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "runAsUser", 0)]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		run_as_user.violation == {fixtures.container_finding("run_as_user", kind, "app", problem)} with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "runAsUser", 0)]))
	}
}

test_edge_user_namespace_relaxation if {
	spec := fixtures.spec_with([fixtures.set_pod("runAsUser", 0), fixtures.set_container("containers", "runAsUser", 0)])
	count(run_as_user.violation) == 0 with input as fixtures.pod(object.union(spec, {"hostUsers": false}))
	count(run_as_user.violation) == 2 with input as fixtures.pod(object.union(spec, {"hostUsers": true}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_pod("runAsUser", 0)]))
	count(run_as_user.violation) == 1 with input as fixtures.update(r)
	count(run_as_user.violation) == 0 with input as fixtures.delete(r)
}

test_edge_zero_as_a_string_is_not_zero if {
	count(run_as_user.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("runAsUser", "0")]))
}
