# Seed control: pods must not share the node's IPC namespace.
package kube_policies.policies.deny_host_ipc

import data.kube_policies.lib.workload

metadata := {
	"id": "deny_host_ipc",
	"title": "Deny host IPC",
	"pss": "none",
	"remediation": "Remove spec.hostIPC or set it to false.",
}

violation contains workload.pod_violation(metadata.id, "cannot be created with hostIPC enabled.") if {
	workload.pod_spec.hostIPC == true
}
