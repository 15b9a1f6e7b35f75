package kube_policies.policies_test.capabilities_restricted

import data.kube_policies.policies.capabilities_restricted
import data.kube_policies.test.fixtures

must_drop := "must set securityContext.capabilities.drop=[\"ALL\"]."

test_valid_drop_all_and_add_net_bind_service if {
	count(capabilities_restricted.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities", {"drop": ["NET_RAW", "ALL"], "add": ["NET_BIND_SERVICE"]})]))
}

test_invalid_missing_drop_all_in_every_list if {
	every list in fixtures.container_lists {
		every capabilities in [null, {}, {"drop": ["NET_RAW"]}, {"drop": null}, {"drop": "ALL"}, {"drop": ["all"]}] {
			capabilities_restricted.violation == {fixtures.container_finding("capabilities_restricted", "Pod", fixtures.names[list], must_drop)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "capabilities", capabilities)]))
		}
	}
}

test_invalid_bare_container if {
	capabilities_restricted.violation == {fixtures.container_finding("capabilities_restricted", "Pod", "app", must_drop)} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_adds_beyond_net_bind_service if {
	capabilities_restricted.violation == {fixtures.container_finding("capabilities_restricted", "Pod", "debug", "must not add capabilities \"CHOWN\", \"SYS_PTRACE\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("ephemeralContainers", "capabilities/add", ["SYS_PTRACE", "NET_BIND_SERVICE", "CHOWN"])]))
}

test_invalid_both_findings_for_one_container if {
	capabilities_restricted.violation == {
		fixtures.container_finding("capabilities_restricted", "Pod", "app", must_drop),
		fixtures.container_finding("capabilities_restricted", "Pod", "app", "must not add capabilities \"NET_ADMIN\"."),
	} with input as fixtures.pod({"containers": [{"name": "app", "securityContext": {"capabilities": {"add": ["NET_ADMIN"]}}}]})
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		capabilities_restricted.violation == {fixtures.container_finding("capabilities_restricted", kind, "app", must_drop)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_exempt if {
	count(capabilities_restricted.violation) == 0 with input as fixtures.pod(fixtures.windows_spec({"containers": [{"name": "app", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}}]}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(capabilities_restricted.violation) == 1 with input as fixtures.update(r)
	count(capabilities_restricted.violation) == 0 with input as fixtures.delete(r)
}
