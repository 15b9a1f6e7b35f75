package kube_policies.mutations_test.deny_privilege_escalation

import data.kube_policies.mutations.deny_privilege_escalation
import data.kube_policies.test.fixtures

test_valid_already_false if {
	count(deny_privilege_escalation.patch) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

test_invalid_missing_security_context if {
	deny_privilege_escalation.patch == {{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"allowPrivilegeEscalation": false}, "container": "app"}} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_true_or_null_in_every_list if {
	every list in fixtures.container_lists {
		every value in [true, null] {
			deny_privilege_escalation.patch == {{"op": "add", "path": sprintf("/spec/%s/0/securityContext/allowPrivilegeEscalation", [list]), "value": false, "container": fixtures.names[list]}} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "allowPrivilegeEscalation", value)]))
		}
	}
}

test_invalid_every_kind if {
	every kind in fixtures.kinds {
		count(deny_privilege_escalation.patch) == 1 with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

# The API server rejects allowPrivilegeEscalation=false with privileged or CAP_SYS_ADMIN.
test_edge_privileged_and_sys_admin_containers_are_left_alone if {
	spec := {"containers": [
		{"name": "privileged", "securityContext": {"privileged": true}},
		{"name": "sys-admin", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}},
		{"name": "cap-sys-admin", "securityContext": {"capabilities": {"add": ["CAP_SYS_ADMIN"]}}},
		{"name": "chown", "securityContext": {"capabilities": {"add": ["CHOWN"]}, "privileged": false}},
	]}
	deny_privilege_escalation.patch == {{"op": "add", "path": "/spec/containers/3/securityContext/allowPrivilegeEscalation", "value": false, "container": "chown"}} with input as fixtures.pod(spec)
}

test_edge_windows_pods_are_left_alone if {
	count(deny_privilege_escalation.patch) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_patched_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(deny_privilege_escalation.patch) == 1 with input as fixtures.update(r)
	count(deny_privilege_escalation.patch) == 0 with input as fixtures.delete(r)
}
