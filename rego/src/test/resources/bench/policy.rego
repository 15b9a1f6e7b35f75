# A realistic guardrail policy for the benchmark: pod-security checks over every container list.
package bench

pod_spec := input.request.object.spec if input.request.kind.kind == "Pod"

pod_spec := input.request.object.spec.template.spec if {
	input.request.kind.kind in {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"}
}

containers contains c if {
	some list in ["containers", "initContainers", "ephemeralContainers"]
	some c in pod_spec[list]
}

resource := sprintf("%s/%s/%s", [
	input.request.kind.kind,
	object.get(input.request, "namespace", ""),
	object.get(input.request.object.metadata, "name", ""),
])

safe_sysctls := {"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range"}

allowed_capabilities := {"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
	"SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"}

deny contains sprintf("host_namespaces: Resource %s uses host namespaces", [resource]) if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	pod_spec[field] == true
}

deny contains sprintf("privileged: Resource %s (container=%s) is privileged", [resource, c.name]) if {
	some c in containers
	c.securityContext.privileged == true
}

deny contains sprintf("capabilities: Resource %s (container=%s) adds %s", [resource, c.name, cap]) if {
	some c in containers
	some cap in c.securityContext.capabilities.add
	not cap in allowed_capabilities
}

deny contains sprintf("host_path: Resource %s mounts host path %s", [resource, v.hostPath.path]) if {
	some v in pod_spec.volumes
	v.hostPath
}

deny contains sprintf("host_ports: Resource %s (container=%s) uses host port %d", [resource, c.name, p.hostPort]) if {
	some c in containers
	some p in c.ports
	p.hostPort != 0
}

deny contains sprintf("sysctls: Resource %s sets unsafe sysctl %s", [resource, s.name]) if {
	some s in pod_spec.securityContext.sysctls
	not s.name in safe_sysctls
}

deny contains sprintf("readonly_root_fs: Resource %s (container=%s) has a writable root filesystem", [resource, c.name]) if {
	some c in containers
	not c.securityContext.readOnlyRootFilesystem == true
}

deny contains sprintf("run_as_non_root: Resource %s (container=%s) may run as root", [resource, c.name]) if {
	some c in containers
	not c.securityContext.runAsNonRoot == true
	not pod_spec.securityContext.runAsNonRoot == true
}

deny contains sprintf("privilege_escalation: Resource %s (container=%s) allows privilege escalation", [resource, c.name]) if {
	some c in containers
	not c.securityContext.allowPrivilegeEscalation == false
}

deny contains sprintf("image_tag: Resource %s (container=%s) uses image %s", [resource, c.name, c.image]) if {
	some c in containers
	not contains(c.image, "@sha256:")
	endswith(c.image, ":latest")
}

deny contains sprintf("seccomp: Resource %s (container=%s) has no RuntimeDefault seccomp profile", [resource, c.name]) if {
	some c in containers
	not object.get(c, ["securityContext", "seccompProfile", "type"], "") in {"RuntimeDefault", "Localhost"}
	not object.get(pod_spec, ["securityContext", "seccompProfile", "type"], "") in {"RuntimeDefault", "Localhost"}
}

allowed if count(deny) == 0
