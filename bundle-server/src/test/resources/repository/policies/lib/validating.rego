package validating

deny contains {"policy": id, "message": v.message} if {
	some id, stage in data.kube_policies.config.stages
	stage.validating == "deny"
	some v in data.kube_policies.policies[id].violation
	not data.kube_policies.config.allowlist[id][input.request.namespace][v.container]
}
