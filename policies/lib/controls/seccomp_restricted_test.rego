package kube_policies.policies_test.seccomp_restricted

import data.kube_policies.policies.seccomp_restricted
import data.kube_policies.test.fixtures

must := "must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (or the pod must)."

must_not(profile_type) := sprintf("must not set securityContext.seccompProfile.type to %s.", [json.marshal(profile_type)])

test_valid_pod_level_covers_unset_containers if {
	every profile_type in ["RuntimeDefault", "Localhost"] {
		count(seccomp_restricted.violation) == 0 with input as fixtures.pod({"securityContext": {"seccompProfile": {"type": profile_type}}, "containers": [{"name": "app"}, {"name": "b", "securityContext": {"seccompProfile": null}}]})
	}
}

test_valid_every_container_set_without_pod_level if {
	count(seccomp_restricted.violation) == 0 with input as fixtures.pod(json.patch(fixtures.compliant_spec, [{"op": "remove", "path": "/securityContext/seccompProfile"}]))
}

test_invalid_pod_level_unconfined_even_when_containers_are_set if {
	seccomp_restricted.violation == {fixtures.pod_finding("seccomp_restricted", "Pod", must_not("Unconfined"))} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seccompProfile", {"type": "Unconfined"})]))
}

test_invalid_container_level_in_every_list if {
	every list in fixtures.container_lists {
		seccomp_restricted.violation == {fixtures.container_finding("seccomp_restricted", "Pod", fixtures.names[list], must_not("Unconfined"))} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "seccompProfile", {"type": "Unconfined"})]))
	}
}

# A profile that is present must name an allowed type; {} is set, without a type.
test_invalid_profile_without_type if {
	seccomp_restricted.violation == {fixtures.container_finding("seccomp_restricted", "Pod", "app", must_not(""))} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "seccompProfile", {})]))
}

test_invalid_absent_everywhere if {
	seccomp_restricted.violation == {
		fixtures.container_finding("seccomp_restricted", "Pod", "init", must),
		fixtures.container_finding("seccomp_restricted", "Pod", "app", must),
	} with input as fixtures.pod({"initContainers": [{"name": "init"}], "containers": [{"name": "app", "securityContext": {}}]})
}

test_invalid_unset_containers_with_a_bad_pod_level if {
	seccomp_restricted.violation == {
		fixtures.pod_finding("seccomp_restricted", "Pod", must_not("Unconfined")),
		fixtures.container_finding("seccomp_restricted", "Pod", "app", must),
	} with input as fixtures.pod({"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [{"name": "app"}]})
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		seccomp_restricted.violation == {fixtures.container_finding("seccomp_restricted", kind, "app", must)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_exempt if {
	count(seccomp_restricted.violation) == 0 with input as fixtures.pod(fixtures.windows_spec({"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [{"name": "app"}]}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(seccomp_restricted.violation) == 1 with input as fixtures.update(r)
	count(seccomp_restricted.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_profiles if {
	seccomp_restricted.violation == {
		fixtures.pod_finding("seccomp_restricted", "Pod", must_not("RuntimeDefault ")),
		fixtures.container_finding("seccomp_restricted", "Pod", "app", must_not("runtime/default")),
	} with input as fixtures.pod({"securityContext": {"seccompProfile": "RuntimeDefault "}, "containers": [{"name": "app", "securityContext": {"seccompProfile": {"type": "runtime/default"}}}]})
}
