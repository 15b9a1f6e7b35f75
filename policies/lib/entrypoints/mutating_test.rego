package mutating_test

import data.kube_policies.test.fixtures
import data.mutating
import data.validating

expired := 1000000000000000000

active := 4102444800000000000

all_patch := {id: {"mutating": "patch"} | some id, _ in data.kube_policies.mutations}

# Inputs: a bare pod (no securityContext anywhere), every mutation in patch mode.
# Outputs: one combined add of the container's securityContext, naming every mutation.
test_bare_pod_gets_one_combined_operation if {
	mutating.patch == {{
		"policy": "deny_privilege_escalation,drop_all_capabilities,readonly_root_fs,run_as_non_root,seccomp_restricted",
		"op": "add",
		"path": "/spec/containers/0/securityContext",
		"value": {
			"allowPrivilegeEscalation": false,
			"capabilities": {"drop": ["ALL"]},
			"readOnlyRootFilesystem": true,
			"runAsNonRoot": true,
			"seccompProfile": {"type": "RuntimeDefault"},
		},
	}} with input as fixtures.pod(fixtures.bare_spec) with data.kube_policies.config as {"stages": all_patch}
	mutating.dryrun == set() with input as fixtures.pod(fixtures.bare_spec) with data.kube_policies.config as {"stages": all_patch}
}

# Only edits in the same mode combine: each set applies on its own.
test_patch_and_dryrun_are_combined_separately if {
	c := {"stages": {
		"readonly_root_fs": {"validating": "deny", "mutating": "patch"},
		"drop_all_capabilities": {"mutating": "dryrun"},
		"deny_privilege_escalation": {"mutating": "off"},
	}}
	mutating.patch == {{"policy": "readonly_root_fs", "op": "add", "path": "/spec/template/spec/containers/0/securityContext", "value": {"readOnlyRootFilesystem": true}}} with input as fixtures.review("StatefulSet", fixtures.bare_spec) with data.kube_policies.config as c
	mutating.dryrun == {{"policy": "drop_all_capabilities", "op": "add", "path": "/spec/template/spec/containers/0/securityContext", "value": {"capabilities": {"drop": ["ALL"]}}}} with input as fixtures.review("StatefulSet", fixtures.bare_spec) with data.kube_policies.config as c
}

test_operations_carry_policy_op_path_and_value_only if {
	ops := mutating.patch with input as fixtures.pod(fixtures.fixable_spec) with data.kube_policies.config as {"stages": all_patch}
	count(ops) > 0
	every op in ops {
		object.keys(op) in {{"policy", "op", "path", "value"}, {"policy", "op", "path"}}
		op.op in {"add", "remove"}
	}
	count({op.path | some op in ops}) == count(ops)
}

test_missing_off_unknown_and_malformed_stages_patch_nothing if {
	every stage_table in [
		{},
		{"readonly_root_fs": {"mutating": "off"}},
		{"readonly_root_fs": {"mutating": "apply"}},
		{"readonly_root_fs": {"validating": "deny"}},
		{"privileged": {"mutating": "patch"}},
		{"readonly_root_fs": "patch"},
	] {
		found := mutating.patch | mutating.dryrun with input as fixtures.pod(fixtures.bare_spec) with data.kube_policies.config as {"stages": stage_table}
		found == set()
	}
	missing := mutating.patch | mutating.dryrun with input as fixtures.pod(fixtures.bare_spec)
	missing == set()
}

# An exempt container keeps its settings for that policy; the others are still patched.
test_container_exception_leaves_that_container_out if {
	spec := {"containers": [{"name": "app"}, {"name": "writer"}]}
	c := {"stages": {"readonly_root_fs": {"mutating": "patch"}, "drop_all_capabilities": {"mutating": "patch"}}, "allowlist": {"readonly_root_fs": {"team-a": {"writer": {"expires_ns": active, "owner": "o", "reason": "writes /var/lib"}}}}}
	mutating.patch == {
		{"policy": "drop_all_capabilities,readonly_root_fs", "op": "add", "path": "/spec/containers/0/securityContext", "value": {"capabilities": {"drop": ["ALL"]}, "readOnlyRootFilesystem": true}},
		{"policy": "drop_all_capabilities", "op": "add", "path": "/spec/containers/1/securityContext", "value": {"capabilities": {"drop": ["ALL"]}}},
	} with input as fixtures.pod(spec) with data.kube_policies.config as c
}

test_wildcard_exception_leaves_out_pod_level_operations_too if {
	spec := {"securityContext": {"runAsNonRoot": false}, "containers": [{"name": "app"}]}
	c := {"stages": {"run_as_non_root": {"mutating": "patch"}}, "allowlist": {"run_as_non_root": {"team-a": {"*": {"expires_ns": active, "owner": "o", "reason": "legacy image"}}}}}
	mutating.patch == set() with input as fixtures.pod(spec) with data.kube_policies.config as c
}

test_expired_or_reasonless_wildcard_exceptions_do_not_apply if {
	every exception in [{"app": {"expires_ns": expired}}, {"*": {"expires_ns": active}}] {
		c := {"stages": {"readonly_root_fs": {"mutating": "dryrun"}}, "allowlist": {"readonly_root_fs": {"team-a": exception}}}
		count(mutating.dryrun) == 1 with input as fixtures.pod(fixtures.bare_spec) with data.kube_policies.config as c
	}
}

test_update_patched_delete_and_non_pod_kinds_not if {
	c := {"stages": all_patch}
	count(mutating.patch) == 1 with input as fixtures.update(fixtures.pod(fixtures.bare_spec)) with data.kube_policies.config as c
	count(mutating.patch) == 0 with input as fixtures.delete(fixtures.pod(fixtures.bare_spec)) with data.kube_policies.config as c
	service := json.patch(fixtures.pod(fixtures.bare_spec), [{"op": "replace", "path": "/request/kind/kind", "value": "Service"}])
	count(mutating.patch) == 0 with input as service with data.kube_policies.config as c
}

test_malformed_input_patches_nothing if {
	every malformed in fixtures.malformed_inputs {
		found := mutating.patch | mutating.dryrun with input as malformed with data.kube_policies.config as {"stages": all_patch}
		found == set()
	}
}

# With the prod stage table, the mutating webhook's patch turns a pod whose findings patches can fix
# into one the validating webhook allows, in every kind.
test_prod_patch_makes_fixable_workloads_allowed if {
	c := {"stages": data.environments.prod}
	every kind in fixtures.kinds {
		r := fixtures.review(kind, fixtures.fixable_spec)
		count(validating.deny) > 0 with input as r with data.kube_policies.config as c
		ops := mutating.patch with input as r with data.kube_policies.config as c
		patched := fixtures.apply(r, ops)
		validating.deny == set() with input as patched with data.kube_policies.config as c
	}
}

# On the pod violating all policies, prod's patch fixes what patches can; the rest is still denied.
test_prod_patch_on_the_violating_pod if {
	c := {"stages": data.environments.prod}
	r := fixtures.violating_review("Pod")
	ops := mutating.patch with input as r with data.kube_policies.config as c
	denied := {finding.policy | some finding in validating.deny} with input as fixtures.apply(r, ops) with data.kube_policies.config as c
	denied == {
		"apparmor", "capabilities_baseline", "deny_host_ipc", "deny_host_network", "ensure_no_run_as_root",
		"host_namespaces", "host_path_volumes", "host_ports", "host_probes", "host_process", "privileged",
		"proc_mount", "selinux", "sysctls",
		# privileged containers cannot be set allowPrivilegeEscalation=false
		"deny_privilege_escalation",
	}
}
