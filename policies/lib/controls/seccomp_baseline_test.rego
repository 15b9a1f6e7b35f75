package kube_policies.policies_test.seccomp_baseline

import data.kube_policies.policies.seccomp_baseline
import data.kube_policies.test.fixtures

problem := "must not set securityContext.seccompProfile.type to \"Unconfined\"."

# Baseline only forbids Unconfined: no profile at all is fine.
test_valid_allowed_or_unset if {
	every profile in [{"type": "RuntimeDefault"}, {"type": "Localhost", "localhostProfile": "p.json"}, null, {}] {
		count(seccomp_baseline.violation) == 0 with input as fixtures.pod(fixtures.spec_with([
			fixtures.set_pod("seccompProfile", profile),
			fixtures.set_container("containers", "seccompProfile", profile),
		]))
	}
	count(seccomp_baseline.violation) == 0 with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_pod_level if {
	seccomp_baseline.violation == {fixtures.pod_finding("seccomp_baseline", "Pod", problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seccompProfile", {"type": "Unconfined"})]))
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		seccomp_baseline.violation == {fixtures.container_finding("seccomp_baseline", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "seccompProfile", {"type": "Unconfined"})]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		seccomp_baseline.violation == {fixtures.pod_finding("seccomp_baseline", kind, problem)} with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_pod("seccompProfile", {"type": "Unconfined"})]))
	}
}

# Only the Restricted seccomp control exempts Windows pods.
test_edge_windows_pod_is_checked if {
	count(seccomp_baseline.violation) == 1 with input as fixtures.pod(fixtures.windows_spec({"securityContext": {"seccompProfile": {"type": "Unconfined"}}, "containers": [{"name": "app"}]}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_pod("seccompProfile", {"type": "Unconfined"})]))
	count(seccomp_baseline.violation) == 1 with input as fixtures.update(r)
	count(seccomp_baseline.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_profile if {
	every profile in ["Unconfined", {"type": "unconfined"}] {
		count(seccomp_baseline.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seccompProfile", profile)]))
	}
}
