package kube_policies.policies_test.sysctls

import data.kube_policies.policies.sysctls
import data.kube_policies.test.fixtures

with_sysctls(names) := fixtures.spec_with([fixtures.set_pod("sysctls", [{"name": name, "value": "1"} | some name in names])])

test_valid_every_safe_sysctl if {
	count(sysctls.violation) == 0 with input as fixtures.pod(with_sysctls([
		"kernel.shm_rmid_forced",
		"net.ipv4.ip_local_port_range",
		"net.ipv4.ip_unprivileged_port_start",
		"net.ipv4.tcp_syncookies",
		"net.ipv4.ping_group_range",
		"net.ipv4.ip_local_reserved_ports",
		"net.ipv4.tcp_keepalive_time",
		"net.ipv4.tcp_fin_timeout",
		"net.ipv4.tcp_keepalive_intvl",
		"net.ipv4.tcp_keepalive_probes",
	]))
}

test_valid_unset_null_or_empty if {
	every value in [null, []] {
		count(sysctls.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("sysctls", value)]))
	}
}

test_invalid_unsafe_sysctls_in_one_finding if {
	sysctls.violation == {fixtures.pod_finding("sysctls", "Pod", "must not set sysctls \"kernel.msgmax\", \"net.core.somaxconn\".")} with input as fixtures.pod(with_sysctls(["net.core.somaxconn", "kernel.shm_rmid_forced", "kernel.msgmax"]))
}

# Admitted by Pod Security Admission since 1.32.
test_valid_tcp_buffer_sysctls if {
	every name in ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"] {
		count(sysctls.violation) == 0 with input as fixtures.pod(with_sysctls([name]))
	}
}

# Prefixes or patterns of safe names are not safe names.
test_invalid_sysctls_outside_the_documented_list if {
	every name in ["kernel.shm_rmid_forced.x", "net.ipv4.*", "kernel.shm*", "net.ipv4.tcp_mem"] {
		count(sysctls.violation) == 1 with input as fixtures.pod(with_sysctls([name]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		sysctls.violation == {fixtures.pod_finding("sysctls", kind, "must not set sysctls \"vm.swappiness\".")} with input as fixtures.review(kind, with_sysctls(["vm.swappiness"]))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(with_sysctls(["kernel.sem"]))
	count(sysctls.violation) == 1 with input as fixtures.update(r)
	count(sysctls.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_entries if {
	sysctls.violation == {fixtures.pod_finding("sysctls", "Pod", "must not set sysctls \"kernel.sem\", 1, null.")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("sysctls", ["kernel.sem", 1, {"value": "1"}])]))
	count(sysctls.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("sysctls", {"name": "kernel.sem"})]))
}
