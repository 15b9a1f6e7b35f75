package mutating

import data.kube_policies.lib.workload

operations(mode) := {object.union(op, {"policy": id}) |
	some id, stage in data.kube_policies.config.stages
	stage.mutating == mode
	some op in data.kube_policies.mutations[id].patch
	not workload.allowlisted(id, op.container)
}

patch := operations("patch")

dryrun := operations("dryrun")
