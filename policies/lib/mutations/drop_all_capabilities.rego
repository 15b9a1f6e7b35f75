# Mutation for drop_all_capabilities: adds ALL to capabilities.drop in every container that does not
# drop it yet, keeping what it already drops and adds. Windows pods are left alone.
package kube_policies.mutations.drop_all_capabilities

import data.kube_policies.lib.patches
import data.kube_policies.lib.workload

metadata := {
	"id": "drop_all_capabilities",
	"title": "Drop all capabilities",
	"pss": "none",
	"remediation": "Set securityContext.capabilities.drop=[\"ALL\"] and add back only what the container needs.",
}

edits contains patches.container_edit(metadata.id, container, ["capabilities", "drop"], array.concat(dropped, ["ALL"])) if {
	not workload.windows
	some container in workload.containers
	dropped := dropped_by(container)
	not "ALL" in dropped
}

dropped_by(container) := dropped if {
	dropped := container.security_context.capabilities.drop
	is_array(dropped)
} else := []

patch contains object.remove(op, ["policy"]) if some op in patches.ops(edits)
