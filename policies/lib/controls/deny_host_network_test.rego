package kube_policies.policies_test.deny_host_network

import data.kube_policies.policies.deny_host_network
import data.kube_policies.test.fixtures

test_valid_unset_false_or_null if {
	every value in [false, null] {
		count(deny_host_network.violation) == 0 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostNetwork": value}))
	}
}

test_invalid_host_network if {
	deny_host_network.violation == {fixtures.pod_finding("deny_host_network", "Pod", "cannot be created with hostNetwork enabled.")} with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostNetwork": true}))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		deny_host_network.violation == {fixtures.pod_finding("deny_host_network", kind, "cannot be created with hostNetwork enabled.")} with input as fixtures.review(kind, object.union(fixtures.bare_spec, {"hostNetwork": true}))
	}
}

test_edge_other_namespaces_do_not_count if {
	count(deny_host_network.violation) == 0 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostPID": true, "hostIPC": true}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(object.union(fixtures.bare_spec, {"hostNetwork": true}))
	count(deny_host_network.violation) == 1 with input as fixtures.update(r)
	count(deny_host_network.violation) == 0 with input as fixtures.delete(r)
}

test_edge_non_boolean_value if {
	count(deny_host_network.violation) == 0 with input as fixtures.pod(object.union(fixtures.bare_spec, {"hostNetwork": "true"}))
}
