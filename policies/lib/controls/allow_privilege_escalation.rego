# PSS restricted "Privilege Escalation": every container must set allowPrivilegeEscalation=false.
# Linux only: pods with spec.os.name=windows are exempt.
package kube_policies.policies.allow_privilege_escalation

import data.kube_policies.lib.workload

metadata := {
	"id": "allow_privilege_escalation",
	"title": "Privilege escalation",
	"pss": "restricted",
	"remediation": "Set securityContext.allowPrivilegeEscalation=false in every container.",
}

violation contains workload.container_violation(metadata.id, container, "must set securityContext.allowPrivilegeEscalation=false.") if {
	not workload.windows
	some container in workload.containers
	not container.security_context.allowPrivilegeEscalation == false
}
