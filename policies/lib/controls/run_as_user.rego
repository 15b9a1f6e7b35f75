# PSS restricted "Running as Non-root user": runAsUser must not be 0 at pod or container level.
# Not checked for pods in their own user namespace (hostUsers: false).
package kube_policies.policies.run_as_user

import data.kube_policies.lib.workload

metadata := {
	"id": "run_as_user",
	"title": "Running as non-root user",
	"pss": "restricted",
	"remediation": "Set securityContext.runAsUser to a non-zero UID (or leave it unset) at pod and container level.",
}

violation contains workload.pod_violation(metadata.id, "must not set securityContext.runAsUser=0.") if {
	not workload.user_namespaced
	workload.pod_security_context.runAsUser == 0
}

violation contains workload.container_violation(metadata.id, container, "must not set securityContext.runAsUser=0.") if {
	not workload.user_namespaced
	some container in workload.containers
	container.security_context.runAsUser == 0
}
