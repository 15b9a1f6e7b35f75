package kube_policies.policies_test.deny_privilege_escalation

import data.kube_policies.policies.deny_privilege_escalation
import data.kube_policies.test.fixtures

problem := "allows privilege escalation; set securityContext.allowPrivilegeEscalation=false."

test_valid_false_everywhere if {
	count(deny_privilege_escalation.violation) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

# allowPrivilegeEscalation defaults to true, so unset and null are findings too.
test_invalid_true_unset_or_null_in_every_list if {
	every list in fixtures.container_lists {
		every value in [true, null] {
			deny_privilege_escalation.violation == {fixtures.container_finding("deny_privilege_escalation", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "allowPrivilegeEscalation", value)]))
		}
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		deny_privilege_escalation.violation == {fixtures.container_finding("deny_privilege_escalation", kind, "app", problem)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_exempt if {
	count(deny_privilege_escalation.violation) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(deny_privilege_escalation.violation) == 1 with input as fixtures.update(r)
	count(deny_privilege_escalation.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_security_context if {
	every context in [null, "x", 1] {
		count(deny_privilege_escalation.violation) == 1 with input as fixtures.pod({"containers": [{"name": "app", "securityContext": context}]})
	}
}
