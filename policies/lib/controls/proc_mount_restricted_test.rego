package kube_policies.policies_test.proc_mount_restricted

import data.kube_policies.policies.proc_mount_restricted
import data.kube_policies.test.fixtures

problem := "must not set securityContext.procMount to \"Unmasked\"."

test_valid_default_unset_or_null if {
	every value in ["Default", null] {
		count(proc_mount_restricted.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "procMount", value)]))
	}
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		proc_mount_restricted.violation == {fixtures.container_finding("proc_mount_restricted", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "procMount", "Unmasked")]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		count(proc_mount_restricted.violation) == 1 with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "procMount", "Unmasked")]))
	}
}

# Restricted keeps the default /proc mount even in a user namespace.
test_edge_user_namespace_is_not_relaxed if {
	count(proc_mount_restricted.violation) == 1 with input as fixtures.pod(object.union(fixtures.spec_with([fixtures.set_container("containers", "procMount", "Unmasked")]), {"hostUsers": false}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "procMount", "Unmasked")]))
	count(proc_mount_restricted.violation) == 1 with input as fixtures.update(r)
	count(proc_mount_restricted.violation) == 0 with input as fixtures.delete(r)
}
