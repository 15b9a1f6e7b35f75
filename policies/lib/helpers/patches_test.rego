package kube_policies.lib_test.patches

import data.kube_policies.lib.patches
import data.kube_policies.lib.workload
import data.kube_policies.test.fixtures

container(r, list) := c if {
	some c in workload.containers with input as r
	c.list == list
}

test_edits_of_several_controls_to_a_missing_security_context_combine if {
	r := fixtures.review("Deployment", fixtures.bare_spec)
	app := container(r, "containers")
	edits := {
		patches.container_edit("b_policy", app, ["readOnlyRootFilesystem"], true),
		patches.container_edit("a_policy", app, ["capabilities", "drop"], ["ALL"]),
		patches.container_edit("c_policy", app, ["seccompProfile"], {"type": "RuntimeDefault"}),
	} with input as r
	patches.ops(edits) == {{
		"op": "add",
		"path": "/spec/template/spec/containers/0/securityContext",
		"value": {"readOnlyRootFilesystem": true, "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}},
		"policy": "a_policy,b_policy,c_policy",
		"container": "app",
	}}
}

test_null_security_context_is_replaced_whole if {
	r := fixtures.pod({"containers": [{"name": "app", "securityContext": null}]})
	edits := {patches.container_edit("p", container(r, "containers"), ["runAsNonRoot"], true)} with input as r
	patches.ops(edits) == {{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"runAsNonRoot": true}, "policy": "p", "container": "app"}}
}

test_existing_security_context_gets_one_operation_per_field if {
	r := fixtures.pod({"initContainers": [{"name": "init", "securityContext": {"capabilities": {"add": ["CHOWN"]}}}]})
	init := container(r, "initContainers")
	edits := {
		patches.container_edit("a", init, ["allowPrivilegeEscalation"], false),
		patches.container_edit("b", init, ["capabilities", "drop"], ["ALL"]),
	} with input as r
	patches.ops(edits) == {
		{"op": "add", "path": "/spec/initContainers/0/securityContext/allowPrivilegeEscalation", "value": false, "policy": "a", "container": "init"},
		{"op": "add", "path": "/spec/initContainers/0/securityContext/capabilities/drop", "value": ["ALL"], "policy": "b", "container": "init"},
	}
}

test_missing_nested_object_is_added_whole if {
	every capabilities in [null, "x"] {
		r := fixtures.pod({"ephemeralContainers": [{"name": "debug", "securityContext": {"capabilities": capabilities}}]})
		edits := {patches.container_edit("p", container(r, "ephemeralContainers"), ["capabilities", "drop"], ["ALL"])} with input as r
		patches.ops(edits) == {{"op": "add", "path": "/spec/ephemeralContainers/0/securityContext/capabilities", "value": {"drop": ["ALL"]}, "policy": "p", "container": "debug"}}
	}
}

test_pod_level_removals if {
	r := fixtures.review("PodTemplate", {"securityContext": {"runAsNonRoot": false, "seccompProfile": {"type": "Unconfined"}}, "containers": [{"name": "app"}]})
	edits := {
		patches.pod_removal("a", ["runAsNonRoot"]),
		patches.pod_removal("b", ["seccompProfile"]),
	} with input as r
	patches.ops(edits) == {
		{"op": "remove", "path": "/template/spec/securityContext/runAsNonRoot", "policy": "a", "container": ""},
		{"op": "remove", "path": "/template/spec/securityContext/seccompProfile", "policy": "b", "container": ""},
	}
}

test_false_and_null_values_are_set_not_removed if {
	r := fixtures.pod({"containers": [{"name": "app", "securityContext": {}}]})
	app := container(r, "containers")
	edits := {patches.container_edit("a", app, ["allowPrivilegeEscalation"], false), patches.container_edit("b", app, ["procMount"], null)} with input as r
	patches.ops(edits) == {
		{"op": "add", "path": "/spec/containers/0/securityContext/allowPrivilegeEscalation", "value": false, "policy": "a", "container": "app"},
		{"op": "add", "path": "/spec/containers/0/securityContext/procMount", "value": null, "policy": "b", "container": "app"},
	}
}

test_no_edits_no_operations if {
	patches.ops(set()) == set()
}
