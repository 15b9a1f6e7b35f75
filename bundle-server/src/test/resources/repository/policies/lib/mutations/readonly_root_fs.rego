package kube_policies.mutations.readonly_root_fs

metadata := {"id": "readonly_root_fs", "title": "Read-only root file system", "pss": "none", "remediation": "Set readOnlyRootFilesystem: true."}

patch contains {"op": "add", "path": sprintf("/spec/containers/%d/securityContext/readOnlyRootFilesystem", [i]), "value": true, "container": c.name} if {
	some i, c in input.request.object.spec.containers
	not c.securityContext.readOnlyRootFilesystem
}
