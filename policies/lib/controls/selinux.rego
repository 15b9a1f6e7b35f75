# PSS baseline "SELinux": the SELinux type is limited to the container types, and a custom SELinux
# user or role is forbidden, at pod and container level.
package kube_policies.policies.selinux

import data.kube_policies.lib.workload

metadata := {
	"id": "selinux",
	"title": "SELinux options",
	"pss": "baseline",
	"remediation": "Leave seLinuxOptions.user and seLinuxOptions.role unset, and set seLinuxOptions.type only to container_t, container_init_t, container_kvm_t or container_engine_t.",
}

# container_engine_t is allowed since Kubernetes 1.31.
allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

violation contains workload.pod_violation(metadata.id, problem) if {
	some problem in problems(workload.pod_security_context)
}

violation contains workload.container_violation(metadata.id, container, problem) if {
	some container in workload.containers
	some problem in problems(container.security_context)
}

problems(context) := {problem |
	options := context.seLinuxOptions
	is_object(options)
	some problem in option_problems(options)
}

option_problems(options) := {sprintf("must not set securityContext.seLinuxOptions.type to %s.", [json.marshal(selinux_type)]) |
	selinux_type := set_value(options, "type")
	not selinux_type in allowed_types
} | {sprintf("must not set securityContext.seLinuxOptions.%s.", [field]) |
	some field in ["user", "role"]
	set_value(options, field) != ""
}

# null and a missing field both mean unset, as in the API.
set_value(options, field) := value if {
	value := options[field]
	value != null
} else := ""
