package kube_policies.policies_test.run_as_non_root

import data.kube_policies.policies.run_as_non_root
import data.kube_policies.test.fixtures

must_not := "must not set securityContext.runAsNonRoot=false."

must := "must set securityContext.runAsNonRoot=true (or the pod must)."

test_valid_pod_level_true_covers_unset_containers if {
	count(run_as_non_root.violation) == 0 with input as fixtures.pod({"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "app"}, {"name": "b", "securityContext": {"runAsNonRoot": null}}]})
}

test_valid_every_container_true_without_pod_level if {
	count(run_as_non_root.violation) == 0 with input as fixtures.pod(json.patch(fixtures.compliant_spec, [{"op": "remove", "path": "/securityContext/runAsNonRoot"}]))
}

test_invalid_pod_level_false_even_when_containers_are_true if {
	run_as_non_root.violation == {fixtures.pod_finding("run_as_non_root", "Pod", must_not)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("runAsNonRoot", false)]))
}

test_invalid_container_false_overrides_pod_true_in_every_list if {
	every list in fixtures.container_lists {
		run_as_non_root.violation == {fixtures.container_finding("run_as_non_root", "Pod", fixtures.names[list], must_not)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "runAsNonRoot", false)]))
	}
}

test_invalid_unset_everywhere_in_every_list if {
	spec := {
		"initContainers": [{"name": "init"}],
		"containers": [{"name": "app", "securityContext": {}}],
		"ephemeralContainers": [{"name": "debug", "securityContext": {"runAsNonRoot": null}}],
	}
	run_as_non_root.violation == {
		fixtures.container_finding("run_as_non_root", "Pod", "init", must),
		fixtures.container_finding("run_as_non_root", "Pod", "app", must),
		fixtures.container_finding("run_as_non_root", "Pod", "debug", must),
	} with input as fixtures.pod(spec)
}

test_invalid_pod_false_and_containers_unset if {
	run_as_non_root.violation == {
		fixtures.pod_finding("run_as_non_root", "Pod", must_not),
		fixtures.container_finding("run_as_non_root", "Pod", "app", must),
	} with input as fixtures.pod({"securityContext": {"runAsNonRoot": false}, "containers": [{"name": "app"}]})
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		run_as_non_root.violation == {fixtures.container_finding("run_as_non_root", kind, "app", must)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

# Not checked for pods in their own user namespace; hostUsers true or null is not one.
test_edge_user_namespace_relaxation if {
	spec := {"securityContext": {"runAsNonRoot": false}, "containers": [{"name": "app", "securityContext": {"runAsNonRoot": false}}, {"name": "b"}]}
	count(run_as_non_root.violation) == 0 with input as fixtures.pod(object.union(spec, {"hostUsers": false}))
	count(run_as_non_root.violation) == 3 with input as fixtures.pod(object.union(spec, {"hostUsers": true}))
	count(run_as_non_root.violation) == 3 with input as fixtures.pod(object.union(spec, {"hostUsers": null}))
}

# No Windows exemption: runAsNonRoot is honoured on Windows too.
test_edge_windows_pod_is_checked if {
	count(run_as_non_root.violation) == 1 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(run_as_non_root.violation) == 1 with input as fixtures.update(r)
	count(run_as_non_root.violation) == 0 with input as fixtures.delete(r)
}

test_edge_non_boolean_values if {
	run_as_non_root.violation == {fixtures.container_finding("run_as_non_root", "Pod", "app", must_not)} with input as fixtures.pod({"containers": [{"name": "app", "securityContext": {"runAsNonRoot": "true"}}]})
	run_as_non_root.violation == {fixtures.container_finding("run_as_non_root", "Pod", "app", must)} with input as fixtures.pod({"securityContext": {"runAsNonRoot": "true"}, "containers": [{"name": "app"}]})
}
