package kube_policies.policies_test.capabilities_baseline

import data.kube_policies.policies.capabilities_baseline
import data.kube_policies.test.fixtures

test_valid_default_set if {
	count(capabilities_baseline.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities/add", [
		"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
		"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
	])]))
}

test_valid_unset_null_or_empty if {
	every capabilities in [null, {}, {"add": null}, {"add": []}, {"drop": ["ALL"]}] {
		count(capabilities_baseline.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities", capabilities)]))
	}
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		capabilities_baseline.violation == {fixtures.container_finding("capabilities_baseline", "Pod", fixtures.names[list], "must not add capabilities \"NET_ADMIN\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "capabilities/add", ["NET_ADMIN", "CHOWN"])]))
	}
}

# Names are exact: NET_RAW is outside the default set, and the CAP_ prefix or lower case is not allowed.
test_invalid_lists_every_forbidden_capability_sorted if {
	capabilities_baseline.violation == {fixtures.container_finding("capabilities_baseline", "Pod", "app", "must not add capabilities \"ALL\", \"CAP_CHOWN\", \"NET_RAW\", \"chown\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities/add", ["chown", "NET_RAW", "CAP_CHOWN", "ALL", "CHOWN"])]))
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		count(capabilities_baseline.violation) == 1 with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "capabilities/add", ["SYS_ADMIN"])]))
	}
}

# The Baseline capabilities control has no Windows exemption (only its Restricted counterpart has).
test_edge_windows_pod_is_checked if {
	count(capabilities_baseline.violation) == 1 with input as fixtures.pod(fixtures.windows_spec({"containers": [{"name": "app", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}}]}))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities/add", ["SYS_ADMIN"])]))
	count(capabilities_baseline.violation) == 1 with input as fixtures.update(r)
	count(capabilities_baseline.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_add if {
	every add in ["SYS_ADMIN", {"SYS_ADMIN": true}, 1] {
		count(capabilities_baseline.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities/add", add)]))
	}
	capabilities_baseline.violation == {fixtures.container_finding("capabilities_baseline", "Pod", "app", "must not add capabilities 1, null.")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container("containers", "capabilities/add", [null, 1])]))
}
