# Seed control: no container may gain more privileges than its parent process (allowPrivilegeEscalation
# defaults to true when unset). Linux only: pods with spec.os.name=windows are exempt.
package kube_policies.policies.deny_privilege_escalation

import data.kube_policies.lib.workload

metadata := {
	"id": "deny_privilege_escalation",
	"title": "Deny privilege escalation",
	"pss": "none",
	"remediation": "Set securityContext.allowPrivilegeEscalation=false in every container (and drop privileged and CAP_SYS_ADMIN, which imply it).",
}

violation contains workload.container_violation(metadata.id, container, "allows privilege escalation; set securityContext.allowPrivilegeEscalation=false.") if {
	not workload.windows
	some container in workload.containers
	not container.security_context.allowPrivilegeEscalation == false
}
