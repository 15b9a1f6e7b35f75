# PSS restricted "/proc Mount Type": the default /proc masks must stay, even for pods in their own
# user namespace. Replaces proc_mount at the Restricted level.
package kube_policies.policies.proc_mount_restricted

import data.kube_policies.lib.proc_mounts

metadata := {
	"id": "proc_mount_restricted",
	"title": "/proc mount type (restricted)",
	"pss": "restricted",
	"remediation": "Remove securityContext.procMount from every container, or set it to Default.",
	"overrides": ["proc_mount"],
}

violation contains proc_mounts.violation(metadata.id, container) if {
	some container in proc_mounts.unmasked
}
