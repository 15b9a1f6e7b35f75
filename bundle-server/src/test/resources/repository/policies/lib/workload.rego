package kube_policies.lib.workload

containers contains container if some container in input.request.object.spec.containers
