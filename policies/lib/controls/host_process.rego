# PSS baseline "HostProcess": Windows HostProcess containers have privileged access to the node.
package kube_policies.policies.host_process

import data.kube_policies.lib.workload

metadata := {
	"id": "host_process",
	"title": "HostProcess containers",
	"pss": "baseline",
	"remediation": "Remove securityContext.windowsOptions.hostProcess from the pod and its containers, or set it to false.",
}

violation contains workload.pod_violation(metadata.id, "must not set securityContext.windowsOptions.hostProcess=true.") if {
	workload.pod_security_context.windowsOptions.hostProcess == true
}

violation contains workload.container_violation(metadata.id, container, "must not set securityContext.windowsOptions.hostProcess=true.") if {
	some container in workload.containers
	container.security_context.windowsOptions.hostProcess == true
}
