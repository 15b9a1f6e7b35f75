# PSS baseline "HostPath Volumes": hostPath volumes expose the node's file system.
package kube_policies.policies.host_path_volumes

import data.kube_policies.lib.workload

metadata := {
	"id": "host_path_volumes",
	"title": "HostPath volumes",
	"pss": "baseline",
	"remediation": "Replace hostPath volumes with emptyDir, configMap, secret, projected or persistentVolumeClaim volumes.",
}

violation contains workload.pod_violation(metadata.id, sprintf("must not use hostPath volume %s.", [json.marshal(object.get(volume, "name", ""))])) if {
	volumes := workload.pod_spec.volumes
	is_array(volumes)
	some volume in volumes
	volume.hostPath != null
}
