# Test fixtures shared by the policy tests: AdmissionReviews of every pod-bearing kind built
# around a pod spec, a pod spec that passes every control, and malformed inputs.
package kube_policies.test.fixtures

namespace := "team-a"

kinds := [
	"Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet",
	"Job", "CronJob", "ReplicationController", "PodTemplate",
]

container_lists := ["initContainers", "containers", "ephemeralContainers"]

api_versions := {
	"Pod": "v1", "ReplicationController": "v1", "PodTemplate": "v1",
	"Deployment": "apps/v1", "ReplicaSet": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1",
	"Job": "batch/v1", "CronJob": "batch/v1",
}

# A CREATE AdmissionReview of a kind whose pod spec is spec.
review(kind, spec) := annotated_review(kind, {}, spec)

pod(spec) := review("Pod", spec)

# As review, with annotations on the pod (the Pod's own metadata, or its template's).
annotated_review(kind, annotations, spec) := admission_review(kind, "CREATE", resource(kind, annotations, spec))

admission_review(kind, operation, object) := {
	"apiVersion": "admission.k8s.io/v1",
	"kind": "AdmissionReview",
	"request": {
		"uid": "705ab4f5-6393-11e8-b7cc-42010a800002",
		"kind": {"group": group(kind), "version": "v1", "kind": kind},
		"resource": {"group": group(kind), "version": "v1", "resource": lower(concat("", [kind, "s"]))},
		"operation": operation,
		"namespace": namespace,
		"name": "app",
		"userInfo": {"username": "alice", "groups": ["system:authenticated"]},
		"object": object,
	},
}

group(kind) := g if {
	parts := split(api_versions[kind], "/")
	count(parts) == 2
	g := parts[0]
} else := ""

metadata := {"name": "app", "namespace": namespace, "labels": {"app": "app"}}

resource("Pod", annotations, spec) := {
	"apiVersion": "v1",
	"kind": "Pod",
	"metadata": object.union(metadata, {"annotations": annotations}),
	"spec": spec,
}

resource("PodTemplate", annotations, spec) := {
	"apiVersion": "v1",
	"kind": "PodTemplate",
	"metadata": metadata,
	"template": template(annotations, spec),
}

resource("CronJob", annotations, spec) := {
	"apiVersion": "batch/v1",
	"kind": "CronJob",
	"metadata": metadata,
	"spec": {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": template(annotations, spec)}}},
}

resource(kind, annotations, spec) := {
	"apiVersion": api_versions[kind],
	"kind": kind,
	"metadata": metadata,
	"spec": {"selector": {"matchLabels": {"app": "app"}}, "template": template(annotations, spec)},
} if {
	not kind in {"Pod", "PodTemplate", "CronJob"}
}

template(annotations, spec) := {
	"metadata": {"labels": {"app": "app"}, "annotations": annotations},
	"spec": spec,
}

# The same request as an UPDATE (judged on the new object) and as a DELETE (never judged).
update(r) := json.patch(r, [
	{"op": "replace", "path": "/request/operation", "value": "UPDATE"},
	{"op": "add", "path": "/request/oldObject", "value": r.request.object},
])

delete(r) := json.patch(r, [
	{"op": "replace", "path": "/request/operation", "value": "DELETE"},
	{"op": "add", "path": "/request/oldObject", "value": r.request.object},
	{"op": "replace", "path": "/request/object", "value": null},
])

# A container securityContext that passes every container-level control.
compliant_context := {
	"allowPrivilegeEscalation": false,
	"capabilities": {"drop": ["ALL"]},
	"readOnlyRootFilesystem": true,
	"runAsNonRoot": true,
	"runAsUser": 10001,
	"seccompProfile": {"type": "RuntimeDefault"},
}

container(name) := {
	"name": name,
	"image": "registry.example.com/app:1.0",
	"securityContext": compliant_context,
}

# A pod spec that passes every control, with one container in each of the three lists.
compliant_spec := {
	"securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
	"initContainers": [container("init")],
	"containers": [container("app")],
	"ephemeralContainers": [container("debug")],
	"volumes": [{"name": "cache", "emptyDir": {}}],
}

# compliant_spec changed by JSON patch operations (paths relative to the pod spec).
spec_with(ops) := json.patch(compliant_spec, ops)

# One container with only a name and an image: what the API accepts when nothing is set.
bare_spec := {"containers": [{"name": "app", "image": "registry.example.com/app:1.0"}]}

windows_spec(spec) := object.union(spec, {"os": {"name": "windows"}})

# Applies patch operations (extra members such as "container" dropped) to the object under review.
apply(r, ops) := json.patch(r, [{"op": "replace", "path": "/request/object", "value": patched}]) if {
	patched := json.patch(r.request.object, [plain(op) | some op in ops])
}

plain(op) := {k: v | some k, v in op; k in {"op", "path", "value"}}

# Inputs no control may fail on or find anything in.
malformed_inputs := [
	"AdmissionReview",
	42,
	null,
	[],
	{},
	{"request": null},
	{"request": "x"},
	{"request": {}},
	{"request": {"kind": {"kind": "Pod"}}},
	{"request": {"kind": {"kind": "Pod"}, "object": "x"}},
	{"request": {"kind": {"kind": "Pod"}, "object": {"spec": "x"}}},
	{"request": {"kind": "Pod", "object": {"spec": {}}}},
	{"request": {"kind": {"kind": "Pod"}, "object": {"spec": {
		"containers": "x",
		"initContainers": [null, 1, "x", []],
		"ephemeralContainers": {"name": "x"},
		"securityContext": "x",
		"volumes": "x",
		"hostNetwork": "true",
	}}}},
	{"request": {"kind": {"kind": "Deployment"}, "object": {"spec": {"template": "x"}}}},
	{"request": {"kind": {"kind": "CronJob"}, "object": {"spec": {"jobTemplate": {"spec": null}}}}},
	{"request": {"kind": {"kind": "PodTemplate"}, "object": {"template": []}}},
]

# The name of the container in each list of compliant_spec.
names := {"initContainers": "init", "containers": "app", "ephemeralContainers": "debug"}

# An operation setting field ("/"-separated) in the securityContext of the first container of list.
set_container(list, field, value) := {"op": "add", "path": sprintf("/%s/0/securityContext/%s", [list, field]), "value": value}

# An operation setting field ("/"-separated) in the pod's securityContext.
set_pod(field, value) := {"op": "add", "path": sprintf("/securityContext/%s", [field]), "value": value}

# The findings a control reports, as the workload helpers build them for the fixtures' resources.
pod_finding(id, kind, problem) := {
	"message": sprintf("%s: Resource %s/%s/app %s", [id, kind, namespace, problem]),
	"container": "",
}

container_finding(id, kind, container, problem) := {
	"message": sprintf("%s: Resource %s/%s/app (container=%s) %s", [id, kind, namespace, container, problem]),
	"container": container,
}

# The seed's "pod violating all policies": every control fails on it at once.
violating_annotations := {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"}

violating_context := {
	"privileged": true,
	"allowPrivilegeEscalation": true,
	"readOnlyRootFilesystem": false,
	"runAsNonRoot": false,
	"runAsUser": 0,
	"procMount": "Unmasked",
	"seccompProfile": {"type": "Unconfined"},
	"appArmorProfile": {"type": "Unconfined"},
	"seLinuxOptions": {"type": "spc_t", "user": "system_u", "role": "system_r"},
	"windowsOptions": {"hostProcess": true},
	"capabilities": {"add": ["SYS_ADMIN", "NET_RAW"]},
}

violating_container(name) := {
	"name": name,
	"image": "registry.example.com/app:1.0",
	"securityContext": violating_context,
	"ports": [{"containerPort": 8080, "hostPort": 8080}],
	"livenessProbe": {"httpGet": {"host": "169.254.169.254", "path": "/", "port": 80}},
	"lifecycle": {"preStop": {"tcpSocket": {"host": "10.0.0.1", "port": 22}}},
}

violating_spec := {
	"hostNetwork": true,
	"hostPID": true,
	"hostIPC": true,
	"securityContext": {
		"runAsNonRoot": false,
		"runAsUser": 0,
		"seccompProfile": {"type": "Unconfined"},
		"appArmorProfile": {"type": "Unconfined"},
		"seLinuxOptions": {"type": "spc_t"},
		"windowsOptions": {"hostProcess": true},
		"sysctls": [{"name": "kernel.msgmax", "value": "65536"}],
	},
	"initContainers": [violating_container("init")],
	"containers": [violating_container("app")],
	"ephemeralContainers": [violating_container("debug")],
	"volumes": [
		{"name": "host", "hostPath": {"path": "/var/run/docker.sock"}},
		{"name": "nfs", "nfs": {"server": "nfs.example.com", "path": "/exports"}},
	],
}

violating_review(kind) := annotated_review(kind, violating_annotations, violating_spec)

# A pod spec whose findings the mutations can all fix: nothing set, partly set, set wrong (but not
# privileged) across the three lists, and a pod-level runAsNonRoot=false and Unconfined profile.
fixable_spec := {
	"securityContext": {"runAsNonRoot": false, "seccompProfile": {"type": "Unconfined"}},
	"initContainers": [{"name": "init", "image": "registry.example.com/init:1.0"}],
	"containers": [
		{"name": "app", "image": "registry.example.com/app:1.0", "securityContext": {
			"allowPrivilegeEscalation": true,
			"readOnlyRootFilesystem": false,
			"runAsNonRoot": false,
			"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["NET_RAW"]},
		}},
		{"name": "sidecar", "image": "registry.example.com/sidecar:1.0", "securityContext": {
			"capabilities": null,
			"seccompProfile": {"type": "Unconfined"},
		}},
	],
	"ephemeralContainers": [{"name": "debug", "image": "registry.example.com/debug:1.0", "securityContext": null}],
}
