# PSS baseline "Host Ports": containers must not bind ports on the node.
package kube_policies.policies.host_ports

import data.kube_policies.lib.workload

metadata := {
	"id": "host_ports",
	"title": "Host ports",
	"pss": "baseline",
	"remediation": "Remove hostPort from the container ports (or set it to 0); expose the pod through a Service instead.",
}

violation contains workload.container_violation(metadata.id, container, sprintf("must not use hostPorts %s.", [workload.quoted(host_ports)])) if {
	some container in workload.containers
	ports := container.container.ports
	is_array(ports)
	host_ports := {port.hostPort | some port in ports; port.hostPort != null; port.hostPort != 0}
	count(host_ports) > 0
}
