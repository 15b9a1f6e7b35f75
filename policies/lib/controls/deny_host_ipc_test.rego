package kube_policies.policies_test.deny_host_ipc

import data.kube_policies.policies.deny_host_ipc
import data.kube_policies.test.fixtures

test_valid_unset_false_or_null if {
	every value in [false, null] {
		count(deny_host_ipc.violation) == 0 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostIPC": value}))
	}
}

test_invalid_host_ipc if {
	deny_host_ipc.violation == {fixtures.pod_finding("deny_host_ipc", "Pod", "cannot be created with hostIPC enabled.")} with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostIPC": true}))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		deny_host_ipc.violation == {fixtures.pod_finding("deny_host_ipc", kind, "cannot be created with hostIPC enabled.")} with input as fixtures.review(kind, object.union(fixtures.bare_spec, {"hostIPC": true}))
	}
}

test_edge_other_namespaces_do_not_count if {
	count(deny_host_ipc.violation) == 0 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostPID": true, "hostNetwork": true}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(object.union(fixtures.bare_spec, {"hostIPC": true}))
	count(deny_host_ipc.violation) == 1 with input as fixtures.update(r)
	count(deny_host_ipc.violation) == 0 with input as fixtures.delete(r)
}

test_edge_non_boolean_value if {
	count(deny_host_ipc.violation) == 0 with input as fixtures.pod(object.union(fixtures.bare_spec, {"hostIPC": 1}))
}
