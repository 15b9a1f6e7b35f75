package kube_policies.policies.privileged

import data.kube_policies.lib.workload

metadata := {"id": "privileged", "title": "Privileged containers", "pss": "baseline", "remediation": "Remove privileged: true."}

violation contains {"message": msg, "container": c.name} if {
	some [_, c] in workload.containers
	c.securityContext.privileged == true
	msg := sprintf("privileged: Resource %s (container=%s) is privileged", [workload.resource, c.name])
}
