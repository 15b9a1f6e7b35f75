package kube_policies.policies_test.host_ports

import data.kube_policies.policies.host_ports
import data.kube_policies.test.fixtures

with_ports(list, ports) := json.patch(fixtures.compliant_spec, [{"op": "add", "path": sprintf("/%s/0/ports", [list]), "value": ports}])

test_valid_container_ports_and_zero_or_null_host_ports if {
	count(host_ports.violation) == 0 with input as fixtures.pod(with_ports("containers", [
		{"containerPort": 8080},
		{"containerPort": 8081, "hostPort": 0},
		{"containerPort": 8082, "hostPort": null},
	]))
}

test_valid_no_ports if {
	every ports in [null, []] {
		count(host_ports.violation) == 0 with input as fixtures.pod(with_ports("containers", ports))
	}
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		host_ports.violation == {fixtures.container_finding("host_ports", "Pod", fixtures.names[list], "must not use hostPorts 443, 80.")} with input as fixtures.pod(with_ports(list, [
			{"containerPort": 80, "hostPort": 80},
			{"containerPort": 443, "hostPort": 443},
			{"containerPort": 9090},
		]))
	}
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		host_ports.violation == {fixtures.container_finding("host_ports", kind, "app", "must not use hostPorts 8080.")} with input as fixtures.review(kind, with_ports("containers", [{"containerPort": 8080, "hostPort": 8080}]))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(with_ports("containers", [{"containerPort": 80, "hostPort": 80}]))
	count(host_ports.violation) == 1 with input as fixtures.update(r)
	count(host_ports.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_ports if {
	count(host_ports.violation) == 0 with input as fixtures.pod(with_ports("containers", {"hostPort": 80}))
	host_ports.violation == {fixtures.container_finding("host_ports", "Pod", "app", "must not use hostPorts \"80\".")} with input as fixtures.pod(with_ports("containers", [80, null, {"hostPort": "80"}]))
}
