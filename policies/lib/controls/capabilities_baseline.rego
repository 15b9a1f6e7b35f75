# PSS baseline "Capabilities": containers may add only capabilities from the default set.
package kube_policies.policies.capabilities_baseline

import data.kube_policies.lib.workload

metadata := {
	"id": "capabilities_baseline",
	"title": "Capabilities beyond the default set",
	"pss": "baseline",
	"remediation": "Add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID or SYS_CHROOT in securityContext.capabilities.add.",
}

allowed := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

violation contains workload.container_violation(metadata.id, container, sprintf("must not add capabilities %s.", [workload.quoted(forbidden)])) if {
	some container in workload.containers
	added := container.security_context.capabilities.add
	is_array(added)
	forbidden := {capability | some capability in added; not capability in allowed}
	count(forbidden) > 0
}
