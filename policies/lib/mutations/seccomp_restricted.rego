# Mutation for seccomp_restricted: gives every container without an allowed profile of its own or
# from the pod seccompProfile {type: RuntimeDefault}. A disallowed pod-level profile (Unconfined) is
# removed rather than replaced, so containers exempted by an allowlist keep their behaviour while
# every other container gets its own RuntimeDefault. Windows pods are left alone (the API rejects
# the field there).
package kube_policies.mutations.seccomp_restricted

import data.kube_policies.lib.patches
import data.kube_policies.lib.workload

metadata := {
	"id": "seccomp_restricted",
	"title": "Require the RuntimeDefault seccomp profile",
	"pss": "none",
	"remediation": "Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost) at pod level.",
}

allowed_types := {"RuntimeDefault", "Localhost"}

edits contains patches.container_edit(metadata.id, container, ["seccompProfile"], {"type": "RuntimeDefault"}) if {
	not workload.windows
	some container in workload.containers
	not allowed(effective(container))
}

edits contains patches.pod_removal(metadata.id, ["seccompProfile"]) if {
	not workload.windows
	profile := workload.pod_security_context.seccompProfile
	profile != null
	not allowed(profile)
}

effective(container) := container.security_context.seccompProfile if {
	container.security_context.seccompProfile != null
} else := workload.pod_security_context.seccompProfile

allowed(profile) if profile.type in allowed_types

patch contains object.remove(op, ["policy"]) if some op in patches.ops(edits)
