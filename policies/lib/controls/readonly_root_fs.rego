# Seed control: containers run with a read-only root file system. Linux only (the API rejects
# readOnlyRootFilesystem on Windows pods), so pods with spec.os.name=windows are exempt.
package kube_policies.policies.readonly_root_fs

import data.kube_policies.lib.workload

metadata := {
	"id": "readonly_root_fs",
	"title": "Read-only root file system",
	"pss": "none",
	"remediation": "Set securityContext.readOnlyRootFilesystem=true in every container; mount an emptyDir where the container must write.",
}

violation contains workload.container_violation(metadata.id, container, "must set securityContext.readOnlyRootFilesystem=true.") if {
	not workload.windows
	some container in workload.containers
	not container.security_context.readOnlyRootFilesystem == true
}
