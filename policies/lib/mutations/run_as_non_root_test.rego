package kube_policies.mutations_test.run_as_non_root

import data.kube_policies.mutations.run_as_non_root
import data.kube_policies.test.fixtures

test_valid_pod_level_true_covers_unset_containers if {
	count(run_as_non_root.patch) == 0 with input as fixtures.pod({"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "app"}]})
	count(run_as_non_root.patch) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

test_invalid_missing_security_context if {
	run_as_non_root.patch == {{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"runAsNonRoot": true}, "container": "app"}} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_container_false_in_every_list if {
	every list in fixtures.container_lists {
		run_as_non_root.patch == {{"op": "add", "path": sprintf("/spec/%s/0/securityContext/runAsNonRoot", [list]), "value": true, "container": fixtures.names[list]}} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "runAsNonRoot", false)]))
	}
}

# A pod-level false is removed (unset means the same at runtime); containers that relied on it
# get their own true, containers that set true keep it.
test_invalid_pod_level_false_is_removed if {
	spec := {"securityContext": {"runAsNonRoot": false}, "containers": [
		{"name": "app"},
		{"name": "ok", "securityContext": {"runAsNonRoot": true}},
	]}
	run_as_non_root.patch == {
		{"op": "remove", "path": "/spec/securityContext/runAsNonRoot", "container": ""},
		{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"runAsNonRoot": true}, "container": "app"},
	} with input as fixtures.pod(spec)
}

test_invalid_every_kind if {
	every kind in fixtures.kinds {
		count(run_as_non_root.patch) == 1 with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_user_namespaced_pods_are_left_alone if {
	count(run_as_non_root.patch) == 0 with input as fixtures.pod(object.union(fixtures.bare_spec, {"hostUsers": false, "securityContext": {"runAsNonRoot": false}}))
}

# runAsNonRoot is honoured on Windows, so Windows pods are patched too.
test_edge_windows_pods_are_patched if {
	count(run_as_non_root.patch) == 1 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_patched_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(run_as_non_root.patch) == 1 with input as fixtures.update(r)
	count(run_as_non_root.patch) == 0 with input as fixtures.delete(r)
}
