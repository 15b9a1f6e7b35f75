# Mutation for run_as_non_root: sets runAsNonRoot=true in every container not already running as
# non-root through its own or the pod's setting. A pod-level runAsNonRoot=false is removed rather
# than flipped: unset means the same at runtime, so containers exempted by an allowlist keep their
# behaviour while every other container gets its own true. Pods in their own user namespace
# (hostUsers: false) are left alone, as the PSS does not check them.
package kube_policies.mutations.run_as_non_root

import data.kube_policies.lib.patches
import data.kube_policies.lib.workload

metadata := {
	"id": "run_as_non_root",
	"title": "Require running as non-root",
	"pss": "none",
	"remediation": "Set securityContext.runAsNonRoot=true and build the image with a non-root USER.",
}

edits contains patches.container_edit(metadata.id, container, ["runAsNonRoot"], true) if {
	not workload.user_namespaced
	some container in workload.containers
	not effective(container) == true
}

edits contains patches.pod_removal(metadata.id, ["runAsNonRoot"]) if {
	not workload.user_namespaced
	workload.pod_security_context.runAsNonRoot == false
}

effective(container) := container.security_context.runAsNonRoot if {
	container.security_context.runAsNonRoot != null
} else := workload.pod_security_context.runAsNonRoot

patch contains object.remove(op, ["policy"]) if some op in patches.ops(edits)
