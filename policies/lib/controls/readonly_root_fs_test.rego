package kube_policies.policies_test.readonly_root_fs

import data.kube_policies.policies.readonly_root_fs
import data.kube_policies.test.fixtures

problem := "must set securityContext.readOnlyRootFilesystem=true."

test_valid_read_only_everywhere if {
	count(readonly_root_fs.violation) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

test_invalid_false_unset_or_null_in_every_list if {
	every list in fixtures.container_lists {
		every value in [false, null, "true"] {
			readonly_root_fs.violation == {fixtures.container_finding("readonly_root_fs", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "readOnlyRootFilesystem", value)]))
		}
	}
}

test_invalid_missing_security_context if {
	every context in [null, {}] {
		readonly_root_fs.violation == {fixtures.container_finding("readonly_root_fs", "Pod", "app", problem)} with input as fixtures.pod({"containers": [{"name": "app", "securityContext": context}]})
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		readonly_root_fs.violation == {fixtures.container_finding("readonly_root_fs", kind, "app", problem)} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_exempt if {
	count(readonly_root_fs.violation) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(readonly_root_fs.violation) == 1 with input as fixtures.update(r)
	count(readonly_root_fs.violation) == 0 with input as fixtures.delete(r)
}
