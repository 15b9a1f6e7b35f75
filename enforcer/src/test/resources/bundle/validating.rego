package validating

# Test policies in the shapes of CONTRACT.md, small enough to read in one go.

deny contains {"policy": "no_latest", "message": msg} if {
	some c in input.request.object.spec.containers
	endswith(c.image, ":latest")
	msg := sprintf("no_latest: Resource Pod/%s/%s (container=%s) uses the latest tag", [input.request.namespace, input.request.name, c.name])
}

warn contains {"policy": "owner_label", "message": msg} if {
	input.request.kind.kind == "Pod"
	not input.request.object.metadata.labels.owner
	msg := sprintf("owner_label: Resource Pod/%s/%s has no owner label", [input.request.namespace, input.request.name])
}

monitor contains {"policy": "host_network", "message": msg} if {
	input.request.object.spec.hostNetwork
	msg := sprintf("host_network: Resource Pod/%s/%s uses the host network", [input.request.namespace, input.request.name])
}

# Fails at evaluation time (division by zero), to exercise the failure mode.
deny contains {"policy": "explodes", "message": msg} if {
	input.request.object.metadata.labels.explode
	msg := sprintf("%d", [1 / 0])
}

# Takes far longer than any deadline, to exercise the deadline.
deny contains {"policy": "slow", "message": "never"} if {
	input.request.object.metadata.labels.slow
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i * j < 0
}

# Names the bundle that decided, so tests can tell which bundle answered.
warn contains {"policy": "bundle_marker", "message": data.bundle_marker.revision} if {
	input.request.object.metadata.labels.marker
}
