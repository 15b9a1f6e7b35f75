package kube_policies.policies_test.restricted_volumes

import data.kube_policies.policies.restricted_volumes
import data.kube_policies.test.fixtures

with_volumes(volumes) := object.union(fixtures.compliant_spec, {"volumes": volumes})

test_valid_every_allowed_type if {
	count(restricted_volumes.violation) == 0 with input as fixtures.pod(with_volumes([
		{"name": "a", "configMap": {"name": "cm"}},
		{"name": "b", "csi": {"driver": "secrets-store.csi.k8s.io"}},
		{"name": "c", "downwardAPI": {"items": []}},
		{"name": "d", "emptyDir": {}},
		{"name": "e", "ephemeral": {"volumeClaimTemplate": {}}},
		{"name": "f", "persistentVolumeClaim": {"claimName": "data"}},
		{"name": "g", "projected": {"sources": []}},
		{"name": "h", "secret": {"secretName": "s"}},
		{"name": "i", "image": {"reference": "registry.example.com/data:1.0"}},
	]))
}

# The API server defaults a volume without a source to emptyDir; null sources are unset.
test_valid_volume_without_source if {
	count(restricted_volumes.violation) == 0 with input as fixtures.pod(with_volumes([{"name": "a"}, {"name": "b", "hostPath": null}]))
}

test_valid_no_volumes if {
	every volumes in [null, []] {
		count(restricted_volumes.violation) == 0 with input as fixtures.pod(with_volumes(volumes))
	}
}

test_invalid_each_disallowed_type if {
	every source in [
		"hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs",
		"rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte",
		"azureDisk", "portworxVolume", "scaleIO", "storageos", "photonPersistentDisk",
	] {
		restricted_volumes.violation == {fixtures.pod_finding("restricted_volumes", "Pod", sprintf("must not use volume \"v\" of type \"%s\".", [source]))} with input as fixtures.pod(with_volumes([{"name": "v", source: {}}]))
	}
}

test_invalid_one_finding_per_volume if {
	count(restricted_volumes.violation) == 2 with input as fixtures.pod(with_volumes([
		{"name": "a", "nfs": {"server": "x", "path": "/"}},
		{"name": "b", "emptyDir": {}},
		{"name": "c", "hostPath": {"path": "/"}},
	]))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		restricted_volumes.violation == {fixtures.pod_finding("restricted_volumes", kind, "must not use volume \"root\" of type \"hostPath\".")} with input as fixtures.review(kind, with_volumes([{"name": "root", "hostPath": {"path": "/"}}]))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(with_volumes([{"name": "repo", "gitRepo": {"repository": "x"}}]))
	count(restricted_volumes.violation) == 1 with input as fixtures.update(r)
	count(restricted_volumes.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_volumes if {
	count(restricted_volumes.violation) == 0 with input as fixtures.pod(with_volumes(["nfs", 1, null, {"name": null}]))
	count(restricted_volumes.violation) == 0 with input as fixtures.pod(with_volumes({"nfs": {}}))
	restricted_volumes.violation == {fixtures.pod_finding("restricted_volumes", "Pod", "must not use volume \"\" of type \"nfs\", \"unknownSource\".")} with input as fixtures.pod(with_volumes([{"nfs": {}, "unknownSource": "x"}]))
}
