package kube_policies.mutations.readonly_root_fs

import data.kube_policies.lib.workload

metadata := {"id": "readonly_root_fs", "title": "Read-only root file system", "pss": "none", "remediation": "Set readOnlyRootFilesystem: true."}

patch contains {"op": "add", "path": sprintf("%s/containers/%d/securityContext", [workload.spec_path, i]), "value": {"readOnlyRootFilesystem": true}, "container": c.name} if {
	some [i, c] in workload.containers
	not c.securityContext
}

patch contains {"op": "add", "path": sprintf("%s/containers/%d/securityContext/readOnlyRootFilesystem", [workload.spec_path, i]), "value": true, "container": c.name} if {
	some [i, c] in workload.containers
	c.securityContext
	not c.securityContext.readOnlyRootFilesystem == true
}
