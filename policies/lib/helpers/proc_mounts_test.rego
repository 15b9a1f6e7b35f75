package kube_policies.lib_test.proc_mounts

import data.kube_policies.lib.proc_mounts
import data.kube_policies.test.fixtures

test_unmasked_lists_containers_with_a_non_default_proc_mount if {
	unmasked := {container.name | some container in proc_mounts.unmasked} with input as fixtures.pod(fixtures.spec_with([
		fixtures.set_container("initContainers", "procMount", "Unmasked"),
		fixtures.set_container("containers", "procMount", "Default"),
		fixtures.set_container("ephemeralContainers", "procMount", null),
	]))
	unmasked == {"init"}
}

test_violation_quotes_the_proc_mount if {
	container := {"name": "app", "security_context": {"procMount": "Unmasked"}}
	proc_mounts.violation("proc_mount", container) == fixtures.container_finding("proc_mount", "Pod", "app", "must not set securityContext.procMount to \"Unmasked\".") with input as fixtures.pod(fixtures.compliant_spec)
}
