package kube_policies.policies.privileged_test

import data.kube_policies.policies.privileged

test_privileged_container_violates if {
	count(privileged.violation) == 1 with input as {"request": {"object": {"spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}]}}}}
}
