package kube_policies.policies_test.host_process

import data.kube_policies.policies.host_process
import data.kube_policies.test.fixtures

problem := "must not set securityContext.windowsOptions.hostProcess=true."

test_valid_unset_false_or_null if {
	every value in [false, null, {}] {
		count(host_process.violation) == 0 with input as fixtures.pod(fixtures.spec_with([
			fixtures.set_pod("windowsOptions", {"hostProcess": false}),
			fixtures.set_container("containers", "windowsOptions", value),
		]))
	}
}

test_invalid_pod_level if {
	host_process.violation == {fixtures.pod_finding("host_process", "Pod", problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_pod("windowsOptions", {"hostProcess": true})]))
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		host_process.violation == {fixtures.container_finding("host_process", "Pod", fixtures.names[list], problem)} with input as fixtures.pod(fixtures.spec_with([fixtures.set_container(list, "windowsOptions", {"hostProcess": true})]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		host_process.violation == {fixtures.pod_finding("host_process", kind, problem)} with input as fixtures.review(kind, fixtures.windows_spec(fixtures.spec_with([fixtures.set_pod("windowsOptions", {"hostProcess": true})])))
	}
}

# HostProcess is a Windows feature: Windows pods get no exemption from this control.
test_edge_windows_pod_is_checked if {
	count(host_process.violation) == 1 with input as fixtures.pod(fixtures.windows_spec(fixtures.spec_with([fixtures.set_container("containers", "windowsOptions", {"hostProcess": true})])))
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(fixtures.spec_with([fixtures.set_pod("windowsOptions", {"hostProcess": true})]))
	count(host_process.violation) == 1 with input as fixtures.update(r)
	count(host_process.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_windows_options if {
	every value in ["true", 1, [true], {"hostProcess": "true"}] {
		count(host_process.violation) == 0 with input as fixtures.pod(fixtures.spec_with([
			fixtures.set_pod("windowsOptions", value),
			fixtures.set_container("containers", "windowsOptions", value),
		]))
	}
}
