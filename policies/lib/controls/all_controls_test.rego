# Properties every validating control shares: metadata, the PSS catalogue, compliant and malformed
# input, DELETE and non-pod kinds, and the seed's pod violating all policies.
package kube_policies.policies_test.all_controls

import data.kube_policies.policies
import data.kube_policies.test.fixtures

baseline := {
	"host_process", "host_namespaces", "privileged", "capabilities_baseline", "host_path_volumes",
	"host_ports", "host_probes", "apparmor", "selinux", "proc_mount", "seccomp_baseline", "sysctls",
}

restricted := {
	"restricted_volumes", "allow_privilege_escalation", "run_as_non_root", "run_as_user",
	"seccomp_restricted", "capabilities_restricted", "proc_mount_restricted",
}

seed := {
	"readonly_root_fs", "deny_privilege_escalation", "ensure_no_run_as_root",
	"drop_all_capabilities", "deny_host_network", "deny_host_ipc",
}

test_catalogue_has_every_pss_control_and_the_seed_controls if {
	{id | some id, control in policies; control.metadata.pss == "baseline"} == baseline
	{id | some id, control in policies; control.metadata.pss == "restricted"} == restricted
	{id | some id, control in policies; control.metadata.pss == "none"} == seed
}

test_metadata_is_complete if {
	every id, control in policies {
		control.metadata.id == id
		regex.match(`^[a-z][a-z0-9_]*$`, id)
		control.metadata.title != ""
		endswith(control.metadata.remediation, ".")
		object.keys(control.metadata) - {"id", "title", "pss", "remediation", "overrides"} == set()
	}
}

# A Restricted control that replaces a Baseline one (as Pod Security Admission does) names it.
test_overrides_name_baseline_controls if {
	overrides := {[id, overridden] | some id, control in policies; some overridden in control.metadata.overrides}
	overrides == {
		["restricted_volumes", "host_path_volumes"],
		["seccomp_restricted", "seccomp_baseline"],
		["capabilities_restricted", "capabilities_baseline"],
		["proc_mount_restricted", "proc_mount"],
	}
	every pair in overrides {
		policies[pair[0]].metadata.pss == "restricted"
		policies[pair[1]].metadata.pss == "baseline"
	}
}

test_valid_compliant_pod_passes_every_control_in_every_kind if {
	every kind in fixtures.kinds {
		findings := {[id, v] | some id; some v in policies[id].violation} with input as fixtures.review(kind, fixtures.compliant_spec)
		findings == set()
	}
}

test_valid_compliant_update_passes_every_control if {
	findings := {[id, v] | some id; some v in policies[id].violation} with input as fixtures.update(fixtures.pod(fixtures.compliant_spec))
	findings == set()
}

test_invalid_violating_pod_fails_every_control_in_every_kind if {
	every kind in fixtures.kinds {
		failing := {id | some id; count(policies[id].violation) > 0} with input as fixtures.violating_review(kind)
		failing == baseline | restricted | seed
	}
}

test_invalid_violating_update_fails_every_control if {
	failing := {id | some id; count(policies[id].violation) > 0} with input as fixtures.update(fixtures.violating_review("Pod"))
	failing == baseline | restricted | seed
}

test_invalid_findings_name_the_resource_and_a_real_container if {
	findings := {[id, v] | some id; some v in policies[id].violation} with input as fixtures.violating_review("Deployment")
	every finding in findings {
		startswith(finding[1].message, sprintf("%s: Resource Deployment/team-a/app ", [finding[0]]))
		finding[1].container in {"", "init", "app", "debug"}
		endswith(finding[1].message, ".")
	}
}

test_edge_delete_is_never_judged if {
	every kind in fixtures.kinds {
		findings := {[id, v] | some id; some v in policies[id].violation} with input as fixtures.delete(fixtures.violating_review(kind))
		findings == set()
	}
}

test_edge_kinds_without_a_pod_spec_are_never_judged if {
	every kind in ["ConfigMap", "Service", "Namespace", "CustomThing"] {
		r := json.patch(fixtures.violating_review("Pod"), [
			{"op": "replace", "path": "/request/kind/kind", "value": kind},
			{"op": "replace", "path": "/request/object/kind", "value": kind},
		])
		findings := {[id, v] | some id; some v in policies[id].violation} with input as r
		findings == set()
	}
}

test_edge_kind_falls_back_to_the_object if {
	r := json.patch(fixtures.violating_review("Pod"), [{"op": "remove", "path": "/request/kind"}])
	failing := {id | some id; count(policies[id].violation) > 0} with input as r
	failing == baseline | restricted | seed
}

test_malformed_input_finds_nothing if {
	every malformed in fixtures.malformed_inputs {
		findings := {[id, v] | some id; some v in policies[id].violation} with input as malformed
		findings == set()
	}
}
