package kube_policies.lib_test.workload

import data.kube_policies.lib.workload
import data.kube_policies.test.fixtures

pointers := {
	"Pod": "/spec",
	"Deployment": "/spec/template/spec",
	"ReplicaSet": "/spec/template/spec",
	"StatefulSet": "/spec/template/spec",
	"DaemonSet": "/spec/template/spec",
	"Job": "/spec/template/spec",
	"ReplicationController": "/spec/template/spec",
	"CronJob": "/spec/jobTemplate/spec/template/spec",
	"PodTemplate": "/template/spec",
}

test_pod_spec_of_every_kind if {
	every kind in fixtures.kinds {
		workload.pod_spec == fixtures.compliant_spec with input as fixtures.review(kind, fixtures.compliant_spec)
		workload.spec_pointer == pointers[kind] with input as fixtures.review(kind, fixtures.compliant_spec)
	}
	object.keys(pointers) == {kind | some kind in fixtures.kinds}
}

test_pod_metadata_is_the_pods_own_or_the_templates if {
	annotations := {"a": "b"}
	every kind in fixtures.kinds {
		workload.pod_annotations == annotations with input as fixtures.annotated_review(kind, annotations, fixtures.compliant_spec)
	}
	workload.pod_metadata.name == "app" with input as fixtures.pod(fixtures.compliant_spec)
	workload.pod_metadata == {"labels": {"app": "app"}, "annotations": annotations} with input as fixtures.annotated_review("Job", annotations, fixtures.compliant_spec)
}

test_missing_metadata_annotations_and_security_context_are_empty if {
	r := json.patch(fixtures.review("Deployment", fixtures.bare_spec), [{"op": "remove", "path": "/request/object/spec/template/metadata"}])
	workload.pod_metadata == {} with input as r
	workload.pod_annotations == {} with input as r
	workload.pod_security_context == {} with input as r
	workload.pod_security_context == {} with input as fixtures.pod({"securityContext": null})
	workload.pod_annotations == {} with input as json.patch(fixtures.pod(fixtures.bare_spec), [{"op": "add", "path": "/request/object/metadata/annotations", "value": null}])
}

test_containers_of_all_three_lists if {
	containers := {[c.list, c.index, c.name, c.path] | some c in workload.containers} with input as fixtures.review("CronJob", fixtures.compliant_spec)
	containers == {
		["initContainers", 0, "init", "/spec/jobTemplate/spec/template/spec/initContainers/0"],
		["containers", 0, "app", "/spec/jobTemplate/spec/template/spec/containers/0"],
		["ephemeralContainers", 0, "debug", "/spec/jobTemplate/spec/template/spec/ephemeralContainers/0"],
	}
}

test_container_security_context_is_an_object_or_empty if {
	spec := {"containers": [
		{"name": "a", "securityContext": {"privileged": true}},
		{"name": "b", "securityContext": null},
		{"name": "c"},
		{"name": "d", "securityContext": "x"},
		{"name": 7},
		"not a container",
	]}
	contexts := {[c.index, c.name, c.security_context] | some c in workload.containers} with input as fixtures.pod(spec)
	contexts == {[0, "a", {"privileged": true}], [1, "b", {}], [2, "c", {}], [3, "d", {}], [4, "", {}]}
}

test_update_is_judged_on_the_new_object if {
	r := json.patch(fixtures.update(fixtures.pod(fixtures.compliant_spec)), [{"op": "replace", "path": "/request/oldObject/spec", "value": fixtures.bare_spec}])
	workload.pod_spec == fixtures.compliant_spec with input as r
}

test_delete_and_non_pod_kinds_have_no_pod_spec if {
	not workload.pod_spec with input as fixtures.delete(fixtures.pod(fixtures.compliant_spec))
	not workload.pod_spec with input as json.patch(fixtures.pod(fixtures.compliant_spec), [{"op": "replace", "path": "/request/kind/kind", "value": "ConfigMap"}])
	count(workload.containers) == 0 with input as fixtures.delete(fixtures.pod(fixtures.compliant_spec))
}

test_malformed_input_has_no_containers if {
	every malformed in fixtures.malformed_inputs {
		count(workload.containers) == 0 with input as malformed
		workload.pod_security_context == {} with input as malformed
	}
}

test_kind_comes_from_the_request_then_the_object if {
	workload.kind == "Deployment" with input as fixtures.review("Deployment", fixtures.bare_spec)
	workload.kind == "Job" with input as json.patch(fixtures.review("Job", fixtures.bare_spec), [{"op": "remove", "path": "/request/kind"}])
	not workload.kind with input as json.patch(fixtures.review("Job", fixtures.bare_spec), [{"op": "remove", "path": "/request/kind"}, {"op": "remove", "path": "/request/object/kind"}])
}

test_namespace_and_name_fallbacks if {
	workload.resource_id == "Pod/team-a/app" with input as fixtures.pod(fixtures.bare_spec)
	no_request_names := json.patch(fixtures.pod(fixtures.bare_spec), [
		{"op": "remove", "path": "/request/namespace"},
		{"op": "remove", "path": "/request/name"},
		{"op": "replace", "path": "/request/object/metadata", "value": {"namespace": "ns", "generateName": "web-"}},
	])
	workload.resource_id == "Pod/ns/web-" with input as no_request_names
	only_request_name := json.patch(fixtures.pod(fixtures.bare_spec), [
		{"op": "replace", "path": "/request/namespace", "value": ""},
		{"op": "replace", "path": "/request/object/metadata", "value": {}},
	])
	workload.resource_id == "Pod//app" with input as only_request_name
	nothing := json.patch(only_request_name, [{"op": "remove", "path": "/request/name"}])
	workload.resource_id == "Pod//" with input as nothing
}

test_windows_and_user_namespaces if {
	workload.windows with input as fixtures.pod(fixtures.windows_spec(fixtures.bare_spec))
	not workload.windows with input as fixtures.pod(object.union(fixtures.bare_spec, {"os": {"name": "linux"}}))
	not workload.windows with input as fixtures.pod(fixtures.bare_spec)
	workload.user_namespaced with input as fixtures.pod(object.union(fixtures.bare_spec, {"hostUsers": false}))
	not workload.user_namespaced with input as fixtures.pod(object.union(fixtures.bare_spec, {"hostUsers": true}))
	not workload.user_namespaced with input as fixtures.pod(fixtures.bare_spec)
}

test_findings_follow_the_message_format if {
	workload.pod_violation("x", "is wrong.") == {"message": "x: Resource Pod/team-a/app is wrong.", "container": ""} with input as fixtures.pod(fixtures.bare_spec)
	workload.container_violation("x", {"name": "c"}, "is wrong.") == {"message": "x: Resource Pod/team-a/app (container=c) is wrong.", "container": "c"} with input as fixtures.pod(fixtures.bare_spec)
}

test_quoted_sorts_and_json_quotes if {
	workload.quoted({"b", "a", 1, null}) == "\"a\", \"b\", 1, null"
	workload.quoted([]) == ""
}
