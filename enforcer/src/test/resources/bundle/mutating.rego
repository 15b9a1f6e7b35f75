package mutating

patch contains {"policy": "readonly_root_fs", "op": "add", "path": path, "value": {"readOnlyRootFilesystem": true}, "container": c.name} if {
	some i, c in input.request.object.spec.containers
	not c.securityContext
	path := sprintf("/spec/containers/%d/securityContext", [i])
}

dryrun contains {"policy": "seccomp_default", "op": "add", "path": "/spec/securityContext", "value": {"seccompProfile": {"type": "RuntimeDefault"}}} if {
	not input.request.object.spec.securityContext
}
