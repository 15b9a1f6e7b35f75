package kube_policies.policies_test.drop_all_capabilities

import data.kube_policies.policies.drop_all_capabilities
import data.kube_policies.test.fixtures

problem := "must drop ALL capabilities (securityContext.capabilities.drop)."

test_valid_drops_all if {
	count(drop_all_capabilities.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities", {"drop": ["NET_RAW", "ALL"], "add": ["SYS_TIME"]})]))
}

test_invalid_missing_drop_all_in_every_list if {
	every list in fixtures.container_lists {
		every capabilities in [null, {}, {"drop": ["NET_RAW"]}, {"drop": null}, {"drop": "ALL"}] {
			drop_all_capabilities.violation == {fixtures.container_finding("drop_all_capabilities", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "capabilities", capabilities)]))
		}
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		drop_all_capabilities.violation == {fixtures.container_finding("drop_all_capabilities", kind, "app", problem)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_exempt if {
	count(drop_all_capabilities.violation) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(drop_all_capabilities.violation) == 1 with input as fixtures.update(r)
	count(drop_all_capabilities.violation) == 0 with input as fixtures.delete(r)
}
