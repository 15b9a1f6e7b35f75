# Allowlisted exceptions, looked up in constant time in data.kube_policies.config.allowlist
# ({policy: {namespace: {container or "*": {"expires_ns", "owner", "reason"}}}}).
package kube_policies.lib.exceptions

import data.kube_policies.lib.workload

allowlist := data.kube_policies.config.allowlist

# Findings and patches of a policy for a container ("" for the pod itself) are exempt while an
# exception for that container, or one for any container ("*", which must give a reason), is active.
exempt(policy, container) if active(allowlist[policy][workload.namespace][container])

exempt(policy, _) if {
	exception := allowlist[policy][workload.namespace]["*"]
	is_string(exception.reason)
	exception.reason != ""
	active(exception)
}

# An exception applies until its expiry; one without a numeric expiry never applies.
active(exception) if {
	is_number(exception.expires_ns)
	exception.expires_ns > time.now_ns()
}
