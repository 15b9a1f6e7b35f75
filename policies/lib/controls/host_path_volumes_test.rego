package kube_policies.policies_test.host_path_volumes

import data.kube_policies.policies.host_path_volumes
import data.kube_policies.test.fixtures

with_volumes(volumes) := object.union(fixtures.compliant_spec, {"volumes": volumes})

test_valid_other_volume_types_and_null_host_path if {
	count(host_path_volumes.violation) == 0 with input as fixtures.pod(with_volumes([
		{"name": "a", "emptyDir": {}},
		{"name": "b", "nfs": {"server": "nfs", "path": "/"}},
		{"name": "c", "hostPath": null, "emptyDir": {}},
	]))
}

test_valid_no_volumes if {
	every volumes in [null, []] {
		count(host_path_volumes.violation) == 0 with input as fixtures.pod(with_volumes(volumes))
	}
}

test_invalid_one_finding_per_host_path_volume if {
	host_path_volumes.violation == {
		fixtures.pod_finding("host_path_volumes", "Pod", "must not use hostPath volume \"root\"."),
		fixtures.pod_finding("host_path_volumes", "Pod", "must not use hostPath volume \"sock\"."),
	} with input as fixtures.pod(with_volumes([
		{"name": "root", "hostPath": {"path": "/"}},
		{"name": "cache", "emptyDir": {}},
		{"name": "sock", "hostPath": {"path": "/var/run/docker.sock", "type": "Socket"}},
	]))
}

# Any hostPath value but null counts, even an empty one.
test_invalid_empty_host_path if {
	count(host_path_volumes.violation) == 1 with input as fixtures.pod(with_volumes([{"name": "x", "hostPath": {}}]))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		host_path_volumes.violation == {fixtures.pod_finding("host_path_volumes", kind, "must not use hostPath volume \"root\".")} with input as fixtures.review(kind, with_volumes([{"name": "root", "hostPath": {"path": "/"}}]))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(with_volumes([{"name": "root", "hostPath": {"path": "/"}}]))
	count(host_path_volumes.violation) == 1 with input as fixtures.update(r)
	count(host_path_volumes.violation) == 0 with input as fixtures.delete(r)
}

test_edge_unnamed_and_malformed_volumes if {
	host_path_volumes.violation == {fixtures.pod_finding("host_path_volumes", "Pod", "must not use hostPath volume \"\".")} with input as fixtures.pod(with_volumes([{"hostPath": {"path": "/"}}, "hostPath", 1, null]))
	count(host_path_volumes.violation) == 0 with input as fixtures.pod(with_volumes({"hostPath": {"path": "/"}}))
}
