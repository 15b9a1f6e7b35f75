package kube_policies.policies_test.host_namespaces

import data.kube_policies.policies.host_namespaces
import data.kube_policies.test.fixtures

test_valid_unset_false_or_null if {
	every value in [false, null] {
		count(host_namespaces.violation) == 0 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostNetwork": value, "hostPID": value, "hostIPC": value}))
	}
}

test_invalid_each_namespace if {
	every field in ["hostNetwork", "hostPID", "hostIPC"] {
		host_namespaces.violation == {fixtures.pod_finding("host_namespaces", "Pod", sprintf("must not set %s=true.", [field]))} with input as fixtures.pod(object.union(fixtures.compliant_spec, {field: true}))
	}
}

test_invalid_all_three_at_once if {
	count(host_namespaces.violation) == 3 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostNetwork": true, "hostPID": true, "hostIPC": true}))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		host_namespaces.violation == {fixtures.pod_finding("host_namespaces", kind, "must not set hostPID=true.")} with input as fixtures.review(kind, object.union(fixtures.compliant_spec, {"hostPID": true}))
	}
}

test_edge_windows_pod_is_checked if {
	count(host_namespaces.violation) == 1 with input as fixtures.pod(fixtures.windows_spec(object.union(fixtures.compliant_spec, {"hostNetwork": true})))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(object.union(fixtures.compliant_spec, {"hostIPC": true}))
	count(host_namespaces.violation) == 1 with input as fixtures.update(r)
	count(host_namespaces.violation) == 0 with input as fixtures.delete(r)
}

test_edge_non_boolean_values_are_not_true if {
	count(host_namespaces.violation) == 0 with input as fixtures.pod(object.union(fixtures.compliant_spec, {"hostNetwork": "true", "hostPID": 1, "hostIPC": [true]}))
}
