# PSS baseline "Host Probes / Lifecycle Hooks" (v1.34+): probes and lifecycle handlers must not
# name a host, which would let the kubelet reach arbitrary hosts on the pod's behalf.
package kube_policies.policies.host_probes

import data.kube_policies.lib.workload

metadata := {
	"id": "host_probes",
	"title": "Host in probes and lifecycle hooks",
	"pss": "baseline",
	"remediation": "Remove the host field from httpGet and tcpSocket in livenessProbe, readinessProbe, startupProbe and lifecycle postStart/preStop.",
}

# Paths (from the container) to every handler that may name a host.
handlers := {[probe, action] |
	some probe in ["livenessProbe", "readinessProbe", "startupProbe"]
	some action in ["httpGet", "tcpSocket"]
} | {["lifecycle", hook, action] |
	some hook in ["postStart", "preStop"]
	some action in ["httpGet", "tcpSocket"]
}

violation contains workload.container_violation(metadata.id, container, sprintf("must not set a host in probes or lifecycle hooks (%s).", [concat(", ", sort(hosts))])) if {
	some container in workload.containers
	hosts := {sprintf("%s=%s", [concat(".", array.concat(handler, ["host"])), json.marshal(host)]) |
		some handler in handlers
		host := object.get(container.container, array.concat(handler, ["host"]), "")
		not host in {"", null}
	}
	count(hosts) > 0
}
