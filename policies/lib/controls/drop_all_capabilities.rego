# Seed control: every container drops ALL capabilities. Linux only: pods with spec.os.name=windows
# are exempt.
package kube_policies.policies.drop_all_capabilities

import data.kube_policies.lib.workload

metadata := {
	"id": "drop_all_capabilities",
	"title": "Drop all capabilities",
	"pss": "none",
	"remediation": "Set securityContext.capabilities.drop=[\"ALL\"] in every container and add back only what it needs.",
}

violation contains workload.container_violation(metadata.id, container, "must drop ALL capabilities (securityContext.capabilities.drop).") if {
	not workload.windows
	some container in workload.containers
	dropped := object.get(container.security_context, ["capabilities", "drop"], [])
	not "ALL" in array_or_empty(dropped)
}

array_or_empty(value) := value if is_array(value) else := []
