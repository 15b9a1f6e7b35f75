# PSS restricted "Running as Non-root": runAsNonRoot=true at pod level or in every container, and
# false nowhere. Not checked for pods in their own user namespace (hostUsers: false).
package kube_policies.policies.run_as_non_root

import data.kube_policies.lib.workload

metadata := {
	"id": "run_as_non_root",
	"title": "Running as non-root",
	"pss": "restricted",
	"remediation": "Set securityContext.runAsNonRoot=true at pod level (or in every container), and never false.",
}

violation contains workload.pod_violation(metadata.id, "must not set securityContext.runAsNonRoot=false.") if {
	not workload.user_namespaced
	workload.pod_security_context.runAsNonRoot == false
}

violation contains workload.container_violation(metadata.id, container, "must not set securityContext.runAsNonRoot=false.") if {
	not workload.user_namespaced
	some container in workload.containers
	explicit(container.security_context)
	not container.security_context.runAsNonRoot == true
}

violation contains workload.container_violation(metadata.id, container, "must set securityContext.runAsNonRoot=true (or the pod must).") if {
	not workload.user_namespaced
	not workload.pod_security_context.runAsNonRoot == true
	some container in workload.containers
	not explicit(container.security_context)
}

explicit(context) if context.runAsNonRoot != null
