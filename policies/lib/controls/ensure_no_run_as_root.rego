# Seed control: no container runs as UID 0, whether its own runAsUser or the pod's says so.
# Like the PSS, pods in their own user namespace (hostUsers: false) are exempt: their root is not
# the node's root.
package kube_policies.policies.ensure_no_run_as_root

import data.kube_policies.lib.workload

metadata := {
	"id": "ensure_no_run_as_root",
	"title": "No container runs as root",
	"pss": "none",
	"remediation": "Set securityContext.runAsUser to a non-zero UID in the container or the pod, and build the image with a non-root USER.",
}

violation contains workload.container_violation(metadata.id, container, "contains a securityContext specifying run as root (runAsUser=0).") if {
	not workload.user_namespaced
	some container in workload.containers
	run_as_user(container) == 0
}

# The container's own runAsUser wins over the pod's.
run_as_user(container) := container.security_context.runAsUser if {
	container.security_context.runAsUser != null
} else := workload.pod_security_context.runAsUser
