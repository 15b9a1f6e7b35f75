# PSS baseline "Sysctls": only the safe sysctls, namespaced and isolated from other pods, may be set.
package kube_policies.policies.sysctls

import data.kube_policies.lib.workload

metadata := {
	"id": "sysctls",
	"title": "Unsafe sysctls",
	"pss": "baseline",
	"remediation": "Set only safe sysctls in securityContext.sysctls (see the Pod Security Standards); ask the cluster operators for node-level tuning instead.",
}

# The safe set as the latest Pod Security Admission decides it: the Pod Security Standards page's
# list (with its 1.27 and 1.29 additions) plus net.ipv4.tcp_rmem and net.ipv4.tcp_wmem, which PSA
# admits since 1.32.
allowed := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
}

violation contains workload.pod_violation(metadata.id, sprintf("must not set sysctls %s.", [workload.quoted(forbidden)])) if {
	sysctls := workload.pod_security_context.sysctls
	is_array(sysctls)
	forbidden := {name_of(sysctl) | some sysctl in sysctls; not allowed_sysctl(sysctl)}
	count(forbidden) > 0
}

allowed_sysctl(sysctl) if sysctl.name in allowed

name_of(sysctl) := object.get(sysctl, "name", null) if is_object(sysctl) else := sysctl
