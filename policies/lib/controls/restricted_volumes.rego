# PSS restricted "Volume Types": only core volume types and those backed by PersistentVolumes.
# Replaces host_path_volumes at the Restricted level.
package kube_policies.policies.restricted_volumes

import data.kube_policies.lib.workload

metadata := {
	"id": "restricted_volumes",
	"title": "Volume types",
	"pss": "restricted",
	"remediation": "Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes; reach other storage through a PersistentVolumeClaim.",
	"overrides": ["host_path_volumes"],
}

# The types the latest Pod Security Admission admits: the Pod Security Standards page's list plus
# image volumes (admitted since 1.33).
allowed := {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"}

# A volume passes when it sets an allowed source. One that sets no source at all is defaulted to
# emptyDir by the API server, so only sources that are set and not allowed are findings.
violation contains workload.pod_violation(metadata.id, sprintf("must not use volume %s of type %s.", [json.marshal(object.get(volume, "name", "")), workload.quoted(sources)])) if {
	volumes := workload.pod_spec.volumes
	is_array(volumes)
	some volume in volumes
	is_object(volume)
	not uses_allowed_source(volume)
	sources := {field | some field, value in volume; field != "name"; value != null}
	count(sources) > 0
}

uses_allowed_source(volume) if {
	some field in allowed
	volume[field] != null
}
