# PSS restricted "Seccomp": the profile must be RuntimeDefault or Localhost, set at pod level or in
# every container; Unconfined and the absence of a profile are both findings. Linux only: pods with
# spec.os.name=windows are exempt. Replaces seccomp_baseline at the Restricted level.
package kube_policies.policies.seccomp_restricted

import data.kube_policies.lib.workload

metadata := {
	"id": "seccomp_restricted",
	"title": "Seccomp profile required",
	"pss": "restricted",
	"remediation": "Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost) at pod level, or in every container.",
	"overrides": ["seccomp_baseline"],
}

allowed_types := {"RuntimeDefault", "Localhost"}

violation contains workload.pod_violation(metadata.id, sprintf("must not set securityContext.seccompProfile.type to %s.", [json.marshal(profile_type(workload.pod_security_context))])) if {
	not workload.windows
	explicit(workload.pod_security_context)
	not valid(workload.pod_security_context)
}

violation contains workload.container_violation(metadata.id, container, sprintf("must not set securityContext.seccompProfile.type to %s.", [json.marshal(profile_type(container.security_context))])) if {
	not workload.windows
	some container in workload.containers
	explicit(container.security_context)
	not valid(container.security_context)
}

violation contains workload.container_violation(metadata.id, container, "must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (or the pod must).") if {
	not workload.windows
	not valid(workload.pod_security_context)
	some container in workload.containers
	not explicit(container.security_context)
}

# A profile that is present (even {}) is set; null counts as unset, as in the API.
explicit(context) if context.seccompProfile != null

valid(context) if profile_type(context) in allowed_types

profile_type(context) := object.get(context.seccompProfile, "type", "") if is_object(context.seccompProfile) else := context.seccompProfile
