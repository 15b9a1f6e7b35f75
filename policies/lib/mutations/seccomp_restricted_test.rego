package kube_policies.mutations_test.seccomp_restricted

import data.kube_policies.mutations.seccomp_restricted
import data.kube_policies.test.fixtures

runtime_default := {"type": "RuntimeDefault"}

test_valid_allowed_profiles if {
	count(seccomp_restricted.patch) == 0 with input as fixtures.pod({"securityContext": {"seccompProfile": runtime_default}, "containers": [{"name": "app"}]})
	count(seccomp_restricted.patch) == 0 with input as fixtures.pod({"containers": [{"name": "app", "securityContext": {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}}]})
	count(seccomp_restricted.patch) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

test_invalid_missing_security_context if {
	seccomp_restricted.patch == {{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"seccompProfile": runtime_default}, "container": "app"}} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_container_profile_replaced_in_every_list if {
	every list in fixtures.container_lists {
		every profile in [{"type": "Unconfined"}, {}, null] {
			seccomp_restricted.patch == {{"op": "add", "path": sprintf("/spec/%s/0/securityContext/seccompProfile", [list]), "value": runtime_default, "container": fixtures.names[list]}} with input as fixtures.pod(json.patch(fixtures.spec_with([fixtures.set_container(list, "seccompProfile", profile)]), [{"op": "remove", "path": "/securityContext"}]))
		}
	}
}

# A disallowed pod-level profile is removed; containers relying on it get their own RuntimeDefault.
test_invalid_pod_level_unconfined_is_removed if {
	spec := {"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [
		{"name": "app", "securityContext": {}},
		{"name": "ok", "securityContext": {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}},
	]}
	seccomp_restricted.patch == {
		{"op": "remove", "path": "/spec/securityContext/seccompProfile", "container": ""},
		{"op": "add", "path": "/spec/containers/0/securityContext/seccompProfile", "value": runtime_default, "container": "app"},
	} with input as fixtures.pod(spec)
}

test_invalid_every_kind if {
	every kind in fixtures.kinds {
		count(seccomp_restricted.patch) == 1 with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_left_alone if {
	count(seccomp_restricted.patch) == 0 with input as fixtures.pod(fixtures.windows_spec({"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [{"name": "app"}]}))
}

test_edge_update_patched_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(seccomp_restricted.patch) == 1 with input as fixtures.update(r)
	count(seccomp_restricted.patch) == 0 with input as fixtures.delete(r)
}
