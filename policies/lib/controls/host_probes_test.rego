package kube_policies.policies_test.host_probes

import data.kube_policies.policies.host_probes
import data.kube_policies.test.fixtures

with_handler(list, field, handler) := json.patch(fixtures.compliant_spec, [{"op": "add", "path": sprintf("/%s/0/%s", [list, field]), "value": handler}])

test_valid_handlers_without_host if {
	spec := json.patch(fixtures.compliant_spec, [
		{"op": "add", "path": "/containers/0/livenessProbe", "value": {"httpGet": {"path": "/healthz", "port": 8080}}},
		{"op": "add", "path": "/containers/0/readinessProbe", "value": {"tcpSocket": {"port": 8080, "host": ""}}},
		{"op": "add", "path": "/containers/0/startupProbe", "value": {"exec": {"command": ["true"]}}},
		{"op": "add", "path": "/containers/0/lifecycle", "value": {"preStop": {"httpGet": {"path": "/stop", "port": 8080, "host": null}}, "postStart": {"sleep": {"seconds": 1}}}},
	])
	count(host_probes.violation) == 0 with input as fixtures.pod(spec)
}

test_invalid_every_probe_and_action if {
	every probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
		every action in ["httpGet", "tcpSocket"] {
			host_probes.violation == {fixtures.container_finding("host_probes", "Pod", "app", sprintf("must not set a host in probes or lifecycle hooks (%s.%s.host=\"10.0.0.1\").", [probe, action]))} with input as fixtures.pod(with_handler("containers", probe, {action: {"port": 80, "host": "10.0.0.1"}}))
		}
	}
}

test_invalid_every_lifecycle_hook_and_action if {
	every hook in ["postStart", "preStop"] {
		every action in ["httpGet", "tcpSocket"] {
			host_probes.violation == {fixtures.container_finding("host_probes", "Pod", "app", sprintf("must not set a host in probes or lifecycle hooks (lifecycle.%s.%s.host=\"localhost\").", [hook, action]))} with input as fixtures.pod(with_handler("containers", "lifecycle", {hook: {action: {"port": 80, "host": "localhost"}}}))
		}
	}
}

test_invalid_in_every_container_list if {
	every list in fixtures.container_lists {
		host_probes.violation == {fixtures.container_finding("host_probes", "Pod", fixtures.names[list], "must not set a host in probes or lifecycle hooks (livenessProbe.httpGet.host=\"169.254.169.254\").")} with input as fixtures.pod(with_handler(list, "livenessProbe", {"httpGet": {"port": 80, "host": "169.254.169.254"}}))
	}
}

test_invalid_several_hosts_in_one_finding if {
	spec := json.patch(fixtures.compliant_spec, [
		{"op": "add", "path": "/containers/0/livenessProbe", "value": {"httpGet": {"port": 80, "host": "a"}}},
		{"op": "add", "path": "/containers/0/lifecycle", "value": {"preStop": {"tcpSocket": {"port": 80, "host": "b"}}}},
	])
	host_probes.violation == {fixtures.container_finding("host_probes", "Pod", "app", "must not set a host in probes or lifecycle hooks (lifecycle.preStop.tcpSocket.host=\"b\", livenessProbe.httpGet.host=\"a\").")} with input as fixtures.pod(spec)
}

test_invalid_in_every_kind if {
	every kind in fixtures.kinds {
		count(host_probes.violation) == 1 with input as fixtures.review(kind, with_handler("containers", "readinessProbe", {"tcpSocket": {"port": 80, "host": "db"}}))
	}
}

test_edge_update_judged_delete_not if {
	r := fixtures.pod(with_handler("containers", "startupProbe", {"httpGet": {"port": 80, "host": "x"}}))
	count(host_probes.violation) == 1 with input as fixtures.update(r)
	count(host_probes.violation) == 0 with input as fixtures.delete(r)
}

test_edge_malformed_handlers if {
	every handler in ["host", null, {"httpGet": "x"}, {"httpGet": null}] {
		count(host_probes.violation) == 0 with input as fixtures.pod(with_handler("containers", "livenessProbe", handler))
	}
}
