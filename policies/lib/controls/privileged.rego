# PSS baseline "Privileged Containers": privileged containers disable most security mechanisms.
package kube_policies.policies.privileged

import data.kube_policies.lib.workload

metadata := {
	"id": "privileged",
	"title": "Privileged containers",
	"pss": "baseline",
	"remediation": "Remove securityContext.privileged from every container, or set it to false.",
}

violation contains workload.container_violation(metadata.id, container, "must not set securityContext.privileged=true.") if {
	some container in workload.containers
	container.security_context.privileged == true
}
