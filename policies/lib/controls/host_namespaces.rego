# PSS baseline "Host Namespaces": sharing the node's network, PID or IPC namespace is disallowed.
package kube_policies.policies.host_namespaces

import data.kube_policies.lib.workload

metadata := {
	"id": "host_namespaces",
	"title": "Host namespaces",
	"pss": "baseline",
	"remediation": "Remove hostNetwork, hostPID and hostIPC from the pod spec, or set them to false.",
}

violation contains workload.pod_violation(metadata.id, sprintf("must not set %s=true.", [field])) if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	workload.pod_spec[field] == true
}
