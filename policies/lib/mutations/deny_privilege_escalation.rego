# Mutation for deny_privilege_escalation: sets allowPrivilegeEscalation=false in every container that
# does not. Privileged containers and containers adding CAP_SYS_ADMIN are left alone: the API server
# rejects allowPrivilegeEscalation=false with either, and the privileged and capabilities controls
# report them. Windows pods are left alone (the API rejects the field there).
package kube_policies.mutations.deny_privilege_escalation

import data.kube_policies.lib.patches
import data.kube_policies.lib.workload

metadata := {
	"id": "deny_privilege_escalation",
	"title": "Disallow privilege escalation",
	"pss": "none",
	"remediation": "Set securityContext.allowPrivilegeEscalation=false in every container.",
}

edits contains patches.container_edit(metadata.id, container, ["allowPrivilegeEscalation"], false) if {
	not workload.windows
	some container in workload.containers
	not container.security_context.allowPrivilegeEscalation == false
	not container.security_context.privileged == true
	not adds_sys_admin(container)
}

adds_sys_admin(container) if {
	added := container.security_context.capabilities.add
	is_array(added)
	some capability in added
	capability in {"SYS_ADMIN", "CAP_SYS_ADMIN"}
}

patch contains object.remove(op, ["policy"]) if some op in patches.ops(edits)
