# The stage table (policies/stages.yaml, loaded as data.environments by `kube-policies test policies/`
# and by PoliciesRegoTest) names every control in every environment with a valid mode.
package stages_test

import data.kube_policies.mutations
import data.kube_policies.policies

environments := data.environments

validating_modes := {"off", "monitor", "warn", "deny"}

mutating_modes := {"off", "dryrun", "patch"}

test_three_environments if {
	object.keys(environments) == {"dev", "staging", "prod"}
}

test_every_control_and_mutation_is_staged_everywhere if {
	every _, stages in environments {
		object.keys(stages) == object.keys(policies) | object.keys(mutations)
	}
}

test_validating_modes_only_for_validating_controls if {
	every _, stages in environments {
		every id, stage in stages {
			stage.validating in validating_modes
			object.keys(stage) - {"validating", "mutating"} == set()
		}
	}
}

test_mutating_modes_exactly_for_mutations if {
	every _, stages in environments {
		{id | some id, stage in stages; stage.mutating} == object.keys(mutations)
		every id, _ in mutations {
			stages[id].mutating in mutating_modes
		}
	}
}

test_prod_denies_the_seed_and_baseline_controls_and_patches if {
	enforced := {id | some id, control in policies; control.metadata.pss in {"none", "baseline"}}
	count(enforced) == 18
	every id in enforced {
		environments.prod[id].validating == "deny"
	}
	every id, _ in mutations {
		environments.prod[id].mutating == "patch"
	}
}

test_dev_and_staging_block_nothing if {
	every env in ["dev", "staging"] {
		every id, stage in environments[env] {
			stage.validating != "deny"
			object.get(stage, "mutating", "off") != "patch"
		}
	}
}
