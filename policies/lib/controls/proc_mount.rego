# PSS baseline "/proc Mount Type": the default /proc masks must stay. Pods in their own user
# namespace (hostUsers: false) may use any procMount under Baseline (see proc_mount_restricted).
package kube_policies.policies.proc_mount

import data.kube_policies.lib.proc_mounts
import data.kube_policies.lib.workload

metadata := {
	"id": "proc_mount",
	"title": "/proc mount type",
	"pss": "baseline",
	"remediation": "Remove securityContext.procMount from every container, or set it to Default.",
}

violation contains proc_mounts.violation(metadata.id, container) if {
	not workload.user_namespaced
	some container in proc_mounts.unmasked
}
