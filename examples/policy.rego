# A small example policy: containers must not run privileged or use the :latest tag.
package example

deny contains msg if {
	some container in input.request.object.spec.containers
	container.securityContext.privileged
	msg := sprintf("container %s must not run privileged", [container.name])
}

deny contains msg if {
	some container in input.request.object.spec.containers
	endswith(container.image, ":latest")
	msg := sprintf("container %s uses the mutable :latest tag", [container.image])
}
