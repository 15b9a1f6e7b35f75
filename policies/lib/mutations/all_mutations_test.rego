# Properties every mutation control shares: metadata, pairing with its validating control,
# compliant/malformed/DELETE input, and that its patch applies and fixes what it is for.
package kube_policies.mutations_test.all_mutations

import data.kube_policies.lib.patches
import data.kube_policies.mutations
import data.kube_policies.policies
import data.kube_policies.test.fixtures

test_catalogue if {
	object.keys(mutations) == {"readonly_root_fs", "drop_all_capabilities", "deny_privilege_escalation", "run_as_non_root", "seccomp_restricted"}
}

# A mutation shares its id with the validating control it fixes, so one stage entry and one
# allowlist entry govern both.
test_metadata_is_complete_and_pairs_with_a_validating_control if {
	every id, mutation in mutations {
		mutation.metadata.id == id
		mutation.metadata.pss == "none"
		mutation.metadata.title != ""
		endswith(mutation.metadata.remediation, ".")
		object.keys(mutation.metadata) == {"id", "title", "pss", "remediation"}
		policies[id].metadata.id == id
	}
}

test_valid_compliant_pod_needs_no_patch_in_any_kind if {
	every kind in fixtures.kinds {
		patched := {id | some id; count(mutations[id].patch) > 0} with input as fixtures.review(kind, fixtures.compliant_spec)
		patched == set()
	}
}

test_invalid_patch_makes_its_control_pass_in_every_kind if {
	every kind in fixtures.kinds {
		every id, _ in mutations {
			r := fixtures.review(kind, fixtures.fixable_spec)
			count(policies[id].violation) > 0 with input as r
			ops := mutations[id].patch with input as r
			count(policies[id].violation) == 0 with input as fixtures.apply(r, ops)
		}
	}
}

# All mutations at once: one operation per path, and every paired control passes afterwards.
test_invalid_all_patches_combined_apply_and_fix_everything if {
	every kind in fixtures.kinds {
		r := fixtures.review(kind, fixtures.fixable_spec)
		ops := patches.ops({edit | some id; some edit in mutations[id].edits}) with input as r
		count({op.path | some op in ops}) == count(ops)
		patched := fixtures.apply(r, ops)
		failing := {id | some id, _ in mutations; count(policies[id].violation) > 0} with input as patched
		failing == set()
	}
}

# Patching twice changes nothing the second time.
test_edge_patches_are_idempotent if {
	r := fixtures.pod(fixtures.fixable_spec)
	ops := patches.ops({edit | some id; some edit in mutations[id].edits}) with input as r
	once := fixtures.apply(r, ops)
	again := {edit | some id; some edit in mutations[id].edits} with input as once
	again == set()
}

test_edge_delete_is_never_patched if {
	patched := {id | some id; count(mutations[id].patch) > 0} with input as fixtures.delete(fixtures.pod(fixtures.fixable_spec))
	patched == set()
}

test_edge_update_is_patched_on_the_new_object if {
	patched := {id | some id; count(mutations[id].patch) > 0} with input as fixtures.update(fixtures.pod(fixtures.fixable_spec))
	patched == object.keys(mutations)
}

test_malformed_input_is_never_patched if {
	every malformed in fixtures.malformed_inputs {
		ops := {[id, op] | some id; some op in mutations[id].patch} with input as malformed
		ops == set()
	}
}
