package kube_policies.mutations_test.drop_all_capabilities

import data.kube_policies.mutations.drop_all_capabilities
import data.kube_policies.test.fixtures

test_valid_already_drops_all if {
	count(drop_all_capabilities.patch) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

test_invalid_missing_security_context if {
	drop_all_capabilities.patch == {{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"capabilities": {"drop": ["ALL"]}}, "container": "app"}} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_missing_capabilities_in_every_list if {
	every list in fixtures.container_lists {
		every capabilities in [null, "x"] {
			drop_all_capabilities.patch == {{"op": "add", "path": sprintf("/spec/%s/0/securityContext/capabilities", [list]), "value": {"drop": ["ALL"]}, "container": fixtures.names[list]}} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "capabilities", capabilities)]))
		}
	}
}

# What the container already drops stays; what it adds is not touched.
test_invalid_existing_drop_list_is_extended if {
	drop_all_capabilities.patch == {{"op": "add", "path": "/spec/containers/0/securityContext/capabilities/drop", "value": ["NET_RAW", "ALL"], "container": "app"}} with input as fixtures.pod({"containers": [{"name": "app", "securityContext": {"capabilities": {"drop": ["NET_RAW"], "add": ["NET_BIND_SERVICE"]}}}]})
	drop_all_capabilities.patch == {{"op": "add", "path": "/spec/containers/0/securityContext/capabilities/drop", "value": ["ALL"], "container": "app"}} with input as fixtures.pod({"containers": [{"name": "app", "securityContext": {"capabilities": {"drop": "NET_RAW"}}}]})
}

test_invalid_every_kind if {
	every kind in fixtures.kinds {
		count(drop_all_capabilities.patch) == 1 with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_left_alone if {
	count(drop_all_capabilities.patch) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_patched_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(drop_all_capabilities.patch) == 1 with input as fixtures.update(r)
	count(drop_all_capabilities.patch) == 0 with input as fixtures.delete(r)
}
