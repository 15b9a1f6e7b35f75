# PSS restricted "Capabilities": containers must drop ALL and may add back only NET_BIND_SERVICE.
# Linux only: pods with spec.os.name=windows are exempt. Replaces capabilities_baseline at the
# Restricted level.
package kube_policies.policies.capabilities_restricted

import data.kube_policies.lib.workload

metadata := {
	"id": "capabilities_restricted",
	"title": "Capabilities (drop ALL)",
	"pss": "restricted",
	"remediation": "Set securityContext.capabilities.drop=[\"ALL\"] in every container and add back at most NET_BIND_SERVICE.",
	"overrides": ["capabilities_baseline"],
}

violation contains workload.container_violation(metadata.id, container, "must set securityContext.capabilities.drop=[\"ALL\"].") if {
	not workload.windows
	some container in workload.containers
	not drops_all(container.security_context)
}

violation contains workload.container_violation(metadata.id, container, sprintf("must not add capabilities %s.", [workload.quoted(forbidden)])) if {
	not workload.windows
	some container in workload.containers
	added := container.security_context.capabilities.add
	is_array(added)
	forbidden := {capability | some capability in added; capability != "NET_BIND_SERVICE"}
	count(forbidden) > 0
}

drops_all(context) if {
	dropped := context.capabilities.drop
	is_array(dropped)
	"ALL" in dropped
}
