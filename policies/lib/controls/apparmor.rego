# PSS baseline "AppArmor": the default AppArmor profile must not be overridden or disabled, through
# the appArmorProfile fields or the legacy container.apparmor.security.beta.kubernetes.io annotations.
package kube_policies.policies.apparmor

import data.kube_policies.lib.workload

metadata := {
	"id": "apparmor",
	"title": "AppArmor profile",
	"pss": "baseline",
	"remediation": "Set appArmorProfile.type to RuntimeDefault or Localhost (or leave it unset), and the legacy annotations to runtime/default or localhost/<profile>.",
}

allowed_types := {"RuntimeDefault", "Localhost"}

annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

violation contains workload.pod_violation(metadata.id, sprintf("must not set securityContext.appArmorProfile.type to %s.", [json.marshal(profile_type)])) if {
	profile_type := disallowed_type(workload.pod_security_context)
}

violation contains workload.container_violation(metadata.id, container, sprintf("must not set securityContext.appArmorProfile.type to %s.", [json.marshal(profile_type)])) if {
	some container in workload.containers
	profile_type := disallowed_type(container.security_context)
}

# The annotation names its container after the prefix.
violation contains workload.container_violation(metadata.id, {"name": trim_prefix(key, annotation_prefix)}, sprintf("must not set annotation %s to %s.", [key, json.marshal(value)])) if {
	some key, value in workload.pod_annotations
	startswith(key, annotation_prefix)
	not allowed_annotation(value)
}

# A set profile (even {}) must name an allowed type; null counts as unset.
disallowed_type(context) := profile_type if {
	profile := context.appArmorProfile
	profile != null
	profile_type := type_of(profile)
	not profile_type in allowed_types
}

type_of(profile) := object.get(profile, "type", "") if is_object(profile) else := profile

allowed_annotation(value) if value in {"", "runtime/default"}

allowed_annotation(value) if {
	is_string(value)
	startswith(value, "localhost/")
}
