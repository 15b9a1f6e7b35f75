package kube_policies.policies_test.ensure_no_run_as_root

import data.kube_policies.policies.ensure_no_run_as_root
import data.kube_policies.test.fixtures

problem := "contains a securityContext specifying run as root (runAsUser=0)."

test_valid_non_root_or_unset if {
	count(ensure_no_run_as_root.violation) == 0 with input as fixtures.pod(fixtures.compliant_spec)
	count(ensure_no_run_as_root.violation) == 0 with input as fixtures.pod(fixtures.bare_spec)
}

# The container's own non-zero runAsUser wins over a pod-level 0.
test_valid_container_overrides_pod_root if {
	count(ensure_no_run_as_root.violation) == 0 with input as fixtures.pod({"securityContext": {"runAsUser": 0}, "containers": [{"name": "app", "securityContext": {"runAsUser": 1000}}]})
}

test_invalid_container_root_in_every_list if {
	every list in fixtures.container_lists {
		ensure_no_run_as_root.violation == {fixtures.container_finding("ensure_no_run_as_root", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "runAsUser", 0)]))
	}
}

# A pod-level 0 makes every container that does not override it run as root.
test_invalid_pod_root_inherited if {
	ensure_no_run_as_root.violation == {
		fixtures.container_finding("ensure_no_run_as_root", "Pod", "init", problem),
		fixtures.container_finding("ensure_no_run_as_root", "Pod", "app", problem),
	} with input as fixtures.pod({
		"securityContext": {"runAsUser": 0},
		"initContainers": [{"name": "init"}],
		"containers": [{"name": "app", "securityContext": {"runAsUser": null}}, {"name": "ok", "securityContext": {"runAsUser": 1000}}],
	})
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		ensure_no_run_as_root.violation == {fixtures.container_finding("ensure_no_run_as_root", kind, "app", problem)} with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "runAsUser", 0)]))
	}
}

test_edge_user_namespace_relaxation if {
	spec := fixtures.spec_with([fixtures.set_container("containers", "runAsUser", 0)])
	count(ensure_no_run_as_root.violation) == 0 with input as fixtures.pod(object.union(spec, {"hostUsers": false}))
	count(ensure_no_run_as_root.violation) == 1 with input as fixtures.pod(object.union(spec, {"hostUsers": true}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "runAsUser", 0)]))
	count(ensure_no_run_as_root.violation) == 1 with input as fixtures.update(r)
	count(ensure_no_run_as_root.violation) == 0 with input as fixtures.delete(r)
}
