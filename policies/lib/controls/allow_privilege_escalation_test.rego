package kube_policies.policies_test.allow_privilege_escalation

import data.kube_policies.policies.allow_privilege_escalation
import data.kube_policies.test.fixtures

problem := "must set securityContext.allowPrivilegeEscalation=false."

test_valid_false_everywhere if {
	count(allow_privilege_escalation.violation) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

# Restricted needs an explicit false: unset and null allow escalation.
test_invalid_true_unset_or_null_in_every_container_list if {
	every list in fixtures.container_lists {
		every value in [true, null, "false"] {
			allow_privilege_escalation.violation == {fixtures.container_finding("allow_privilege_escalation", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "allowPrivilegeEscalation", value)]))
		}
	}
}

test_invalid_bare_container if {
	allow_privilege_escalation.violation == {fixtures.container_finding("allow_privilege_escalation", "Pod", "app", problem)} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		allow_privilege_escalation.violation == {fixtures.container_finding("allow_privilege_escalation", kind, "app", problem)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

# Linux only: Windows pods are exempt; other OS names are not.
test_edge_windows_pods_are_exempt if {
	count(allow_privilege_escalation.violation) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
	count(allow_privilege_escalation.violation) == 1 with input as fixtures.pod(object.union(fixtures.bare_spec, {"os": {"name": "linux"}}))
	count(allow_privilege_escalation.violation) == 1 with input as fixtures.pod(object.union(fixtures.bare_spec, {"os": {"name": "Windows"}}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(allow_privilege_escalation.violation) == 1 with input as fixtures.update(r)
	count(allow_privilege_escalation.violation) == 0 with input as fixtures.delete(r)
}

test_edge_null_or_malformed_security_context if {
	every context in [null, "x", []] {
		count(allow_privilege_escalation.violation) == 1 with input as fixtures.pod({"containers": [{"name": "app", "securityContext": context}]})
	}
}
