package kube_policies.policies_test.apparmor

import data.kube_policies.policies.apparmor
import data.kube_policies.test.fixtures

annotation(container) := concat("", ["container.apparmor.security.beta.kubernetes.io/", container])

test_valid_allowed_profile_types if {
	every profile in [{"type": "RuntimeDefault"}, {"type": "Localhost", "localhostProfile": "k8s-nginx"}, null] {
		count(apparmor.violation) == 0 with input as fixtures.pod(fixtures.spec_with([
			fixtures.set_pod("appArmorProfile", profile),
			fixtures.set_container("containers", "appArmorProfile", profile),
		]))
	}
}

test_valid_allowed_annotations if {
	annotations := {
		annotation("app"): "runtime/default",
		annotation("init"): "localhost/k8s-nginx",
		annotation("debug"): "",
		"seccomp.security.alpha.kubernetes.io/pod": "unconfined",
		"apparmor.security.beta.kubernetes.io/unrelated": "unconfined",
	}
	count(apparmor.violation) == 0 with input as fixtures.annotated_review("Pod", annotations, fixtures.compliant_spec)
}

test_invalid_pod_level_type if {
	apparmor.violation == {fixtures.pod_finding("apparmor", "Pod", "must not set securityContext.appArmorProfile.type to \"Unconfined\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("appArmorProfile", {"type": "Unconfined"})]))
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		apparmor.violation == {fixtures.container_finding("apparmor", "Pod", fixtures.names[list], "must not set securityContext.appArmorProfile.type to \"Unconfined\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "appArmorProfile", {"type": "Unconfined"})]))
	}
}

# A profile that is present must name a type; {} is not "unset".
test_invalid_profile_without_type if {
	apparmor.violation == {fixtures.container_finding("apparmor", "Pod", "app", "must not set securityContext.appArmorProfile.type to \"\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "appArmorProfile", {})]))
}

test_invalid_annotation_names_its_container if {
	apparmor.violation == {
		fixtures.container_finding("apparmor", "Pod", "app", sprintf("must not set annotation %s to \"unconfined\".", [annotation("app")])),
		fixtures.container_finding("apparmor", "Pod", "init", sprintf("must not set annotation %s to \"docker-default\".", [annotation("init")])),
	} with input as fixtures.annotated_review("Pod", {annotation("app"): "unconfined", annotation("init"): "docker-default"}, fixtures.compliant_spec)
}

# For workloads the annotations that matter are the pod template's.
test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		apparmor.violation == {
			fixtures.container_finding("apparmor", kind, "app", sprintf("must not set annotation %s to \"unconfined\".", [annotation("app")])),
			fixtures.pod_finding("apparmor", kind, "must not set securityContext.appArmorProfile.type to \"Unconfined\"."),
		} with input as fixtures.annotated_review(kind, {annotation("app"): "unconfined"}, fixtures.spec_with([fixtures.set_pod("appArmorProfile", {"type": "Unconfined"})]))
	}
}

test_edge_workload_annotations_outside_the_template_do_not_count if {
	r := json.patch(fixtures.review("Deployment", fixtures.compliant_spec), [{"op": "add", "path": "/request/object/metadata/annotations", "value": {annotation("app"): "unconfined"}}])
	count(apparmor.violation) == 0 with input as r
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "appArmorProfile", {"type": "Unconfined"})]))
	count(apparmor.violation) == 1 with input as fixtures.update(r)
	count(apparmor.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_profiles_and_annotations if {
	apparmor.violation == {
		fixtures.pod_finding("apparmor", "Pod", "must not set securityContext.appArmorProfile.type to \"Unconfined\"."),
		fixtures.container_finding("apparmor", "Pod", "app", "must not set securityContext.appArmorProfile.type to 1."),
		fixtures.container_finding("apparmor", "Pod", "x", sprintf("must not set annotation %s to true.", [annotation("x")])),
	} with input as fixtures.annotated_review("Pod", {annotation("x"): true}, fixtures.spec_with([
		fixtures.set_pod("appArmorProfile", "Unconfined"),
		fixtures.set_container("containers", "appArmorProfile", {"type": 1}),
	]))
	count(apparmor.violation) == 0 with input as json.patch(fixtures.pod(fixtures.compliant_spec), [{"op": "add", "path": "/request/object/metadata/annotations", "value": "x"}])
}
