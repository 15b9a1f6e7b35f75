# What the two /proc mount type controls share: containers that unmask /proc.
package kube_policies.lib.proc_mounts

import data.kube_policies.lib.workload

# Containers whose procMount is set to anything but Default (null counts as unset).
unmasked contains container if {
	some container in workload.containers
	proc_mount := container.security_context.procMount
	not proc_mount in {null, "Default"}
}

violation(id, container) := workload.container_violation(id, container, sprintf("must not set securityContext.procMount to %s.", [json.marshal(container.security_context.procMount)]))
