# PSS baseline "Seccomp": the seccomp profile must not be explicitly set to Unconfined.
package kube_policies.policies.seccomp_baseline

import data.kube_policies.lib.workload

metadata := {
	"id": "seccomp_baseline",
	"title": "Unconfined seccomp profile",
	"pss": "baseline",
	"remediation": "Set securityContext.seccompProfile.type to RuntimeDefault or Localhost (or leave it unset) at pod and container level.",
}

violation contains workload.pod_violation(metadata.id, "must not set securityContext.seccompProfile.type to \"Unconfined\".") if {
	workload.pod_security_context.seccompProfile.type == "Unconfined"
}

violation contains workload.container_violation(metadata.id, container, "must not set securityContext.seccompProfile.type to \"Unconfined\".") if {
	some container in workload.containers
	container.security_context.seccompProfile.type == "Unconfined"
}
