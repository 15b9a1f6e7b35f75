package kube_policies.policies.readonly_root_fs

import data.kube_policies.lib.workload

metadata := {"id": "readonly_root_fs", "title": "Read-only root file system", "pss": "none", "remediation": "Set readOnlyRootFilesystem: true."}

violation contains {"message": msg, "container": c.name} if {
	some [_, c] in workload.containers
	not c.securityContext.readOnlyRootFilesystem == true
	msg := sprintf("readonly_root_fs: Resource %s (container=%s) has a writable root file system", [workload.resource, c.name])
}
