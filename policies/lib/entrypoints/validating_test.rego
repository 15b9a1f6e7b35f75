package validating_test

import data.kube_policies.test.fixtures
import data.validating

expired := 1000000000000000000

active := 4102444800000000000

# A pod with a privileged container "app", a host port on "init" and hostNetwork.
review := fixtures.review("Deployment", object.union(
	fixtures.spec_with([
		fixtures.set_container("containers", "privileged", true),
		{"op": "add", "path": "/initContainers/0/ports", "value": [{"containerPort": 80, "hostPort": 80}]},
	]),
	{"hostNetwork": true},
))

privileged_app := {"policy": "privileged", "message": "privileged: Resource Deployment/team-a/app (container=app) must not set securityContext.privileged=true."}

host_port_init := {"policy": "host_ports", "message": "host_ports: Resource Deployment/team-a/app (container=init) must not use hostPorts 80."}

host_network := {"policy": "host_namespaces", "message": "host_namespaces: Resource Deployment/team-a/app must not set hostNetwork=true."}

seed_host_network := {"policy": "deny_host_network", "message": "deny_host_network: Resource Deployment/team-a/app cannot be created with hostNetwork enabled."}

stages := {
	"privileged": {"validating": "deny"},
	"host_ports": {"validating": "warn"},
	"host_namespaces": {"validating": "monitor"},
	"deny_host_network": {"validating": "off"},
}

config(allowlist) := {"environment": "test", "stages": stages, "allowlist": allowlist}

test_findings_land_in_the_set_their_stage_names if {
	validating.deny == {privileged_app} with input as review with data.kube_policies.config as config({})
	validating.warn == {host_port_init} with input as review with data.kube_policies.config as config({})
	validating.monitor == {host_network} with input as review with data.kube_policies.config as config({})
}

test_the_same_finding_moves_with_its_stage if {
	every mode in ["deny", "warn", "monitor"] {
		c := {"stages": {"deny_host_network": {"validating": mode}}}
		sets := {"deny": validating.deny, "warn": validating.warn, "monitor": validating.monitor} with input as review with data.kube_policies.config as c
		sets[mode] == {seed_host_network}
		every _, findings in object.remove(sets, [mode]) {
			findings == set()
		}
	}
}

test_missing_off_unknown_and_malformed_stages_report_nothing if {
	every stage_table in [
		{},
		{"privileged": {"validating": "off"}},
		{"privileged": {"validating": "block"}},
		{"privileged": {"mutating": "patch"}},
		{"privileged": "deny"},
		{"no_such_control": {"validating": "deny"}},
	] {
		c := {"stages": stage_table}
		found := validating.deny | validating.warn | validating.monitor with input as review with data.kube_policies.config as c
		found == set()
	}
}

test_missing_config_reports_nothing if {
	found := validating.deny | validating.warn | validating.monitor with input as review
	found == set()
}

test_container_exception_leaves_out_only_that_container if {
	allowlist := {"privileged": {"team-a": {"app": {"expires_ns": active, "owner": "o", "reason": "r"}}}, "host_ports": {"team-a": {"app": {"expires_ns": active}}}}
	validating.deny == set() with input as review with data.kube_policies.config as config(allowlist)
	validating.warn == {host_port_init} with input as review with data.kube_policies.config as config(allowlist)
}

test_wildcard_exception_with_a_reason_leaves_out_pod_level_findings if {
	allowlist := {"host_namespaces": {"team-a": {"*": {"expires_ns": active, "owner": "o", "reason": "OPS-7: CNI"}}}}
	validating.monitor == set() with input as review with data.kube_policies.config as config(allowlist)
	validating.deny == {privileged_app} with input as review with data.kube_policies.config as config(allowlist)
}

test_exceptions_that_do_not_apply if {
	every allowlist in [
		{"privileged": {"team-a": {"app": {"expires_ns": expired}}}},
		{"privileged": {"team-a": {"*": {"expires_ns": active}}}},
		{"privileged": {"team-b": {"app": {"expires_ns": active}}}},
		{"privileged": {"team-a": {"init": {"expires_ns": active}}}},
		{"host_ports": {"team-a": {"app": {"expires_ns": active}}}},
		{"privileged": {"team-a": {"app": {"expires_ns": "4102444800000000000"}}}},
	] {
		validating.deny == {privileged_app} with input as review with data.kube_policies.config as config(allowlist)
	}
}

test_every_kind if {
	every kind in fixtures.kinds {
		r := fixtures.review(kind, fixtures.spec_with([fixtures.set_container("containers", "privileged", true)]))
		validating.deny == {{"policy": "privileged", "message": sprintf("privileged: Resource %s/team-a/app (container=app) must not set securityContext.privileged=true.", [kind])}} with input as r with data.kube_policies.config as config({})
	}
}

test_update_judged_delete_and_non_pod_kinds_not if {
	validating.deny == {privileged_app} with input as fixtures.update(review) with data.kube_policies.config as config({})
	found := validating.deny | validating.warn | validating.monitor with input as fixtures.delete(review) with data.kube_policies.config as config({})
	found == set()
	config_map := json.patch(review, [{"op": "replace", "path": "/request/kind/kind", "value": "ConfigMap"}])
	not_pods := validating.deny | validating.warn | validating.monitor with input as config_map with data.kube_policies.config as config({})
	not_pods == set()
}

test_malformed_input_reports_nothing if {
	every malformed in fixtures.malformed_inputs {
		found := validating.deny | validating.warn | validating.monitor with input as malformed with data.kube_policies.config as {"stages": data.environments.prod}
		found == set()
	}
}

# With the prod stage table, the pod violating all policies is denied by every seed and Baseline
# control and warned about by every Restricted one.
test_prod_stage_table_on_the_violating_pod if {
	r := fixtures.violating_review("Pod")
	c := {"stages": data.environments.prod}
	denied := {finding.policy | some finding in validating.deny} with input as r with data.kube_policies.config as c
	warned := {finding.policy | some finding in validating.warn} with input as r with data.kube_policies.config as c
	denied == {id | some id, control in data.kube_policies.policies; control.metadata.pss in {"none", "baseline"}}
	warned == {id | some id, control in data.kube_policies.policies; control.metadata.pss == "restricted"}
}
