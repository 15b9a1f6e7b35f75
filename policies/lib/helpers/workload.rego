# The pod spec of any pod-bearing resource under admission, its containers from all three lists,
# and how findings name the resource. Every rule here is undefined (never an error) for input that
# is not an AdmissionReview of a pod-bearing kind, and for DELETE requests.
package kube_policies.lib.workload

# The AdmissionReview's request, when the input is one.
request := input.request if is_object(input.request)

# The object under review: UPDATE is judged on the new object; DELETE carries none worth judging.
resource := request.object if {
	not request.operation == "DELETE"
	is_object(request.object)
}

kind := request.kind.kind if is_string(request.kind.kind)

kind := resource.kind if {
	not is_string(request.kind.kind)
	is_string(resource.kind)
}

# Where each pod-bearing kind keeps its pod spec, as path segments from the object's root.
spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
	"PodTemplate": ["template", "spec"],
}

spec_path := spec_paths[kind]

pod_spec := spec if {
	spec := object.get(resource, spec_path, null)
	is_object(spec)
}

# JSON pointer from the object's root to the pod spec, e.g. "/spec/template/spec".
spec_pointer := concat("", [concat("/", ["", segment]) | some segment in spec_path])

# The pod's own metadata: the object's for a Pod, the pod template's for the other kinds.
pod_metadata := metadata if {
	metadata := object.get(resource, array.concat(array.slice(spec_path, 0, count(spec_path) - 1), ["metadata"]), null)
	is_object(metadata)
} else := {}

pod_annotations := annotations if {
	annotations := pod_metadata.annotations
	is_object(annotations)
} else := {}

pod_security_context := context if {
	context := pod_spec.securityContext
	is_object(context)
} else := {}

container_lists := ["initContainers", "containers", "ephemeralContainers"]

# Every container of the pod, from all three lists: its name, list, index, JSON pointer, the
# container itself and its securityContext ({} when missing, null or malformed).
containers contains {
	"name": name_of(container),
	"list": list,
	"index": i,
	"path": sprintf("%s/%s/%d", [spec_pointer, list, i]),
	"container": container,
	"security_context": security_context_of(container),
} if {
	some list in container_lists
	items := pod_spec[list]
	is_array(items)
	some i, container in items
	is_object(container)
}

name_of(container) := name if {
	name := container.name
	is_string(name)
} else := ""

security_context_of(container) := context if {
	context := container.securityContext
	is_object(context)
} else := {}

# Windows pods are exempt from the Linux-only controls (PSS "OS-specific policy controls").
windows if pod_spec.os.name == "windows"

# Pods in their own user namespace (hostUsers: false) get the PSS user-namespace relaxations.
user_namespaced if pod_spec.hostUsers == false

namespace := ns if {
	ns := request.namespace
	is_string(ns)
	ns != ""
} else := ns if {
	ns := resource.metadata.namespace
	is_string(ns)
} else := ""

name := n if {
	n := resource.metadata.name
	is_string(n)
	n != ""
} else := n if {
	n := request.name
	is_string(n)
	n != ""
} else := n if {
	n := resource.metadata.generateName
	is_string(n)
} else := ""

resource_id := sprintf("%s/%s/%s", [kind, namespace, name])

# A finding about the pod as a whole.
pod_violation(id, problem) := {
	"message": sprintf("%s: Resource %s %s", [id, resource_id, problem]),
	"container": "",
}

# A finding about one container (any object with a "name").
container_violation(id, container, problem) := {
	"message": sprintf("%s: Resource %s (container=%s) %s", [id, resource_id, container.name, problem]),
	"container": container.name,
}

# Values for a message, JSON-quoted and sorted: ["b", "a"] -> "\"a\", \"b\"".
quoted(values) := concat(", ", sort([json.marshal(v) | some v in values]))
