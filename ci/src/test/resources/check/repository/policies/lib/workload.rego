# A small stand-in for the real library: enough of the contract for the check command's tests.
package kube_policies.lib.workload

pod_spec := input.request.object.spec if input.request.object.kind == "Pod"

pod_spec := input.request.object.spec.template.spec if input.request.object.kind == "Deployment"

spec_path := "/spec" if input.request.object.kind == "Pod"

spec_path := "/spec/template/spec" if input.request.object.kind == "Deployment"

containers contains [i, c] if some i, c in pod_spec.containers

resource := sprintf("%s/%s/%s", [input.request.object.kind, input.request.namespace, input.request.object.metadata.name])

allowlisted(policy, container) if {
	exception := data.kube_policies.config.allowlist[policy][input.request.namespace][container]
	exception.expires_ns > time.now_ns()
}
