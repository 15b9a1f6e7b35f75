package kube_policies.lib_test.exceptions

import data.kube_policies.lib.exceptions
import data.kube_policies.test.fixtures

# Far in the past and far in the future, so the tests do not depend on the clock.
expired := 1000000000000000000

active := 4102444800000000000

config(allowlist) := {"allowlist": allowlist}

review := fixtures.pod(fixtures.bare_spec)

test_container_exception_applies if {
	exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": {"team-a": {"app": {"expires_ns": active, "owner": "o", "reason": "r"}}}})
}

test_container_exception_does_not_cover_other_containers_policies_or_namespaces if {
	c := config({"privileged": {"team-a": {"app": {"expires_ns": active}}}})
	not exceptions.exempt("privileged", "other") with input as review with data.kube_policies.config as c
	not exceptions.exempt("privileged", "") with input as review with data.kube_policies.config as c
	not exceptions.exempt("host_ports", "app") with input as review with data.kube_policies.config as c
	not exceptions.exempt("privileged", "app") with input as json.patch(review, [{"op": "replace", "path": "/request/namespace", "value": "team-b"}]) with data.kube_policies.config as c
}

test_wildcard_exception_with_a_reason_covers_every_container_and_the_pod if {
	c := config({"host_namespaces": {"team-a": {"*": {"expires_ns": active, "owner": "o", "reason": "OPS-1: node agent"}}}})
	exceptions.exempt("host_namespaces", "") with input as review with data.kube_policies.config as c
	exceptions.exempt("host_namespaces", "anything") with input as review with data.kube_policies.config as c
}

test_wildcard_exception_without_a_reason_never_applies if {
	every reason in [null, "", 1] {
		not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": {"team-a": {"*": {"expires_ns": active, "reason": reason}}}})
	}
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": {"team-a": {"*": {"expires_ns": active}}}})
}

test_expired_exceptions_no_longer_apply if {
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": {"team-a": {"app": {"expires_ns": expired}}}})
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": {"team-a": {"*": {"expires_ns": expired, "reason": "r"}}}})
}

test_expiry_is_compared_with_the_clock if {
	c := config({"privileged": {"team-a": {"app": {"expires_ns": 2000}}}})
	exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as c with time.now_ns as 1999
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as c with time.now_ns as 2000
}

test_exception_without_a_numeric_expiry_never_applies if {
	every exception in [{}, {"expires_ns": "4102444800000000000"}, {"expires_ns": null}, "forever", true] {
		not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": {"team-a": {"app": exception}}})
	}
}

test_missing_or_malformed_allowlist_exempts_nothing if {
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as {}
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config([])
	not exceptions.exempt("privileged", "app") with input as review with data.kube_policies.config as config({"privileged": "team-a"})
	not exceptions.exempt("privileged", "app") with input as "x" with data.kube_policies.config as config({"privileged": {"team-a": {"app": {"expires_ns": active}}}})
}
