package kube_policies.policies_test.proc_mount

import data.kube_policies.policies.proc_mount
import data.kube_policies.test.fixtures

problem := "must not set securityContext.procMount to \"Unmasked\"."

test_valid_default_unset_or_null if {
	every value in ["Default", null] {
		count(proc_mount.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "procMount", value)]))
	}
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		proc_mount.violation == {fixtures.container_finding("proc_mount", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "procMount", "Unmasked")]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		proc_mount.violation == {fixtures.container_finding("proc_mount", kind, "app", problem)} with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "procMount", "Unmasked")]))
	}
}

# Baseline relaxes /proc mounts for pods in their own user namespace; hostUsers true or unset does not.
test_edge_user_namespace_relaxation if {
	spec := fixtures.spec_with([fixtures.set_container("containers", "procMount", "Unmasked")])
	count(proc_mount.violation) == 0 with input as fixtures.pod(object.union(spec, {"hostUsers": false}))
	count(proc_mount.violation) == 1 with input as fixtures.pod(object.union(spec, {"hostUsers": true}))
	count(proc_mount.violation) == 1 with input as fixtures.pod(object.union(spec, {"hostUsers": null}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "procMount", "Unmasked")]))
	count(proc_mount.violation) == 1 with input as fixtures.update(r)
	count(proc_mount.violation) == 0 with input as fixtures.delete(r)
}

test_edge_unknown_values_are_not_default if {
	proc_mount.violation == {fixtures.container_finding("proc_mount", "Pod", "app", "must not set securityContext.procMount to \"default\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "procMount", "default")]))
}
