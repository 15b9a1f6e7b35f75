# Seed control: pods must not use the node's network namespace.
package kube_policies.policies.deny_host_network

import data.kube_policies.lib.workload

metadata := {
	"id": "deny_host_network",
	"title": "Deny host network",
	"pss": "none",
	"remediation": "Remove spec.hostNetwork or set it to false; expose the pod through a Service.",
}

violation contains workload.pod_violation(metadata.id, "cannot be created with hostNetwork enabled.") if {
	workload.pod_spec.hostNetwork == true
}
