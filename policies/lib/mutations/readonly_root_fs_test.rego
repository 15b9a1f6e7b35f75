package kube_policies.mutations_test.readonly_root_fs

import data.kube_policies.mutations.readonly_root_fs
import data.kube_policies.test.fixtures

test_valid_already_read_only if {
	count(readonly_root_fs.patch) == 0 with input as fixtures.pod(fixtures.compliant_spec)
}

# Inputs: a container without securityContext. Outputs: one add of the whole object.
test_invalid_missing_security_context if {
	readonly_root_fs.patch == {{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"readOnlyRootFilesystem": true}, "container": "app"}} with input as fixtures.pod(fixtures.bare_spec)
}

test_invalid_false_or_null_in_every_list if {
	every list in fixtures.container_lists {
		every value in [false, null] {
			readonly_root_fs.patch == {{"op": "add", "path": sprintf("/spec/%s/0/securityContext/readOnlyRootFilesystem", [list]), "value": true, "container": fixtures.names[list]}} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "readOnlyRootFilesystem", value)]))
		}
	}
}

test_invalid_paths_in_every_kind if {
	prefixes := {
		"Pod": "/spec", "PodTemplate": "/template/spec", "CronJob": "/spec/jobTemplate/spec/template/spec",
		"Deployment": "/spec/template/spec", "ReplicaSet": "/spec/template/spec", "StatefulSet": "/spec/template/spec",
		"DaemonSet": "/spec/template/spec", "Job": "/spec/template/spec", "ReplicationController": "/spec/template/spec",
	}
	every kind in fixtures.kinds {
		readonly_root_fs.patch == {{"op": "add", "path": concat("", [prefixes[kind], "/containers/0/securityContext"]), "value": {"readOnlyRootFilesystem": true}, "container": "app"}} with input as fixtures.review(kind, fixtures.bare_spec)
	}
}

test_edge_windows_pods_are_left_alone if {
	count(readonly_root_fs.patch) == 0 with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
}

test_edge_update_patched_delete_not if {
	r := fixtures.pod(fixtures.bare_spec)
	count(readonly_root_fs.patch) == 1 with input as fixtures.update(r)
	count(readonly_root_fs.patch) == 0 with input as fixtures.delete(r)
}
