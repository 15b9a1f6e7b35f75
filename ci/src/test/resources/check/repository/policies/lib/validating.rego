package validating

import data.kube_policies.lib.workload

findings(mode) := {{"policy": id, "message": v.message} |
	some id, stage in data.kube_policies.config.stages
	stage.validating == mode
	some v in data.kube_policies.policies[id].violation
	not workload.allowlisted(id, v.container)
}

deny := findings("deny")

warn := findings("warn")

monitor := findings("monitor")
