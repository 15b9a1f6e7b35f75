package kube_policies.policies.run_as_non_root

import data.kube_policies.lib.workload

metadata := {"id": "run_as_non_root", "title": "Running as non-root", "pss": "restricted", "remediation": "Set runAsNonRoot: true."}

violation contains {"message": msg, "container": ""} if {
	workload.pod_spec
	not workload.pod_spec.securityContext.runAsNonRoot == true
	msg := sprintf("run_as_non_root: Resource %s must set securityContext.runAsNonRoot", [workload.resource])
}
