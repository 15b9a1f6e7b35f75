package kube_policies.policies.privileged

import data.kube_policies.lib.workload

metadata := {"id": "privileged", "title": "Privileged containers", "pss": "baseline", "remediation": "Remove privileged: true."}

violation contains {"message": sprintf("privileged: container %s is privileged", [c.name]), "container": c.name} if {
	some c in workload.containers
	c.securityContext.privileged == true
}
