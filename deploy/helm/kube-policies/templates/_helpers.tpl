{{- define "kube-policies.name" -}}
kube-policies
{{- end -}}

{{- define "kube-policies.fullname" -}}
{{- printf "%s-%s" .Release.Name "kube-policies" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kube-policies.labels" -}}
app.kubernetes.io/name: kube-policies
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "kube-policies.selectorLabels" -}}
app.kubernetes.io/name: kube-policies
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The webhook rules: every kind that carries a pod spec. Main resources only (pods/status and
     other subresources are not pod specs to judge), plus pods/ephemeralcontainers, through which
     `kubectl debug` adds containers to a running pod. */}}
{{- define "kube-policies.rules" -}}
- operations: ["CREATE", "UPDATE"]
  apiGroups: [""]
  apiVersions: ["v1"]
  resources: ["pods", "pods/ephemeralcontainers", "replicationcontrollers", "podtemplates"]
  scope: Namespaced
- operations: ["CREATE", "UPDATE"]
  apiGroups: ["apps"]
  apiVersions: ["v1"]
  resources: ["deployments", "replicasets", "statefulsets", "daemonsets"]
  scope: Namespaced
- operations: ["CREATE", "UPDATE"]
  apiGroups: ["batch"]
  apiVersions: ["v1"]
  resources: ["jobs", "cronjobs"]
  scope: Namespaced
{{- end -}}

{{- define "kube-policies.caInjection" -}}
{{- if .Values.tls.certManager.enabled }}
cert-manager.io/inject-ca-from: {{ .Release.Namespace }}/{{ include "kube-policies.fullname" . }}
{{- end }}
{{- end -}}
