# Mutation for readonly_root_fs: sets readOnlyRootFilesystem=true in every container that lacks it.
# Windows pods are left alone (the API rejects the field there).
package kube_policies.mutations.readonly_root_fs

import data.kube_policies.lib.patches
import data.kube_policies.lib.workload

metadata := {
	"id": "readonly_root_fs",
	"title": "Set a read-only root file system",
	"pss": "none",
	"remediation": "Set securityContext.readOnlyRootFilesystem=true; mount an emptyDir where the container must write.",
}

edits contains patches.container_edit(metadata.id, container, ["readOnlyRootFilesystem"], true) if {
	not workload.windows
	some container in workload.containers
	not container.security_context.readOnlyRootFilesystem == true
}

patch contains object.remove(op, ["policy"]) if some op in patches.ops(edits)
