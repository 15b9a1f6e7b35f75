# Validating entrypoint: every finding of a validating control lands in the set its stage names
# (data.kube_policies.config.stages[id].validating: off | monitor | warn | deny; a control missing
# from the table is off), unless an active exception covers it.
package validating

import data.kube_policies.lib.exceptions

deny contains finding if some finding in findings("deny")

warn contains finding if some finding in findings("warn")

monitor contains finding if some finding in findings("monitor")

findings(mode) := {{"policy": id, "message": violation.message} |
	some id, stage in data.kube_policies.config.stages
	stage.validating == mode
	some violation in data.kube_policies.policies[id].violation
	not exceptions.exempt(id, violation.container)
}
