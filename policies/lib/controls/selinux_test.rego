package kube_policies.policies_test.selinux

import data.kube_policies.policies.selinux
import data.kube_policies.test.fixtures

test_valid_allowed_types_and_levels if {
	every type in ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t", null] {
		count(selinux.violation) == 0 with input as fixtures.pod(fixtures.spec_with([
			fixtures.set_pod("seLinuxOptions", {"type": type, "level": "s0:c123,c456"}),
			fixtures.set_container("containers", "seLinuxOptions", {"type": type, "user": "", "role": null}),
		]))
	}
}

test_valid_unset_or_null if {
	every options in [null, {}] {
		count(selinux.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seLinuxOptions", options)]))
	}
}

test_invalid_type_at_pod_level if {
	selinux.violation == {fixtures.pod_finding("selinux", "Pod", "must not set securityContext.seLinuxOptions.type to \"spc_t\".")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seLinuxOptions", {"type": "spc_t"})]))
}

test_invalid_user_and_role_in_every_container_list if {
	every list in fixtures.container_lists {
		selinux.violation == {
			fixtures.container_finding("selinux", "Pod", fixtures.names[list], "must not set securityContext.seLinuxOptions.user."),
			fixtures.container_finding("selinux", "Pod", fixtures.names[list], "must not set securityContext.seLinuxOptions.role."),
		} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "seLinuxOptions", {"user": "system_u", "role": "system_r", "type": "container_t"})]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		selinux.violation == {fixtures.container_finding("selinux", kind, "app", "must not set securityContext.seLinuxOptions.type to \"unconfined_t\".")} with input as fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "seLinuxOptions", {"type": "unconfined_t"})]))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_pod("seLinuxOptions", {"role": "sysadm_r"})]))
	count(selinux.violation) == 1 with input as fixtures.update(r)
	count(selinux.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_options if {
	count(selinux.violation) == 0 with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seLinuxOptions", "spc_t")]))
	selinux.violation == {fixtures.pod_finding("selinux", "Pod", "must not set securityContext.seLinuxOptions.type to 1.")} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("seLinuxOptions", {"type": 1})]))
}
