{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "loglift.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every resource name. */}}
{{- define "loglift.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "loglift.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource; pass (dict "root" $ "component" "fluent-bit"). */}}
{{- define "loglift.labels" -}}
helm.sh/chart: {{ include "loglift.chart" .root }}
{{ include "loglift.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: loglift
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "loglift.selectorLabels" -}}
app.kubernetes.io/name: {{ include "loglift.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Name of a component's resources: <fullname>-<component>. */}}
{{- define "loglift.componentName" -}}
{{- printf "%s-%s" (include "loglift.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "loglift.fluentBit.serviceAccountName" -}}
{{- if .Values.fluentBit.serviceAccount.name }}
{{- .Values.fluentBit.serviceAccount.name }}
{{- else if .Values.fluentBit.serviceAccount.create }}
{{- include "loglift.componentName" (dict "root" . "component" "fluent-bit") }}
{{- else }}
{{- "default" }}
{{- end }}
{{- end }}

{{/* Image reference; pass (dict "image" .Values.x.image "root" $). An empty tag means the chart appVersion. */}}
{{- define "loglift.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{- define "loglift.opensearch.url" -}}
{{- printf "%s://%s:%d" (ternary "https" "http" .Values.opensearch.tls.enabled) .Values.opensearch.host (int .Values.opensearch.port) }}
{{- end }}

{{/* Dashboards URL, or empty when the Dashboards steps are skipped. */}}
{{- define "loglift.dashboards.url" -}}
{{- $d := .Values.opensearch.dashboards }}
{{- if $d.url }}
{{- $d.url }}
{{- else if $d.awsDomainPath }}
{{- printf "https://%s/_dashboards" .Values.opensearch.host }}
{{- end }}
{{- end }}

{{/* Where a CA bundle is mounted, when one is configured. */}}
{{- define "loglift.ca.dir" -}}/etc/loglift/ca{{- end }}
{{- define "loglift.ca.file" -}}
{{- $ca := .Values.opensearch.tls.ca }}
{{- if or $ca.secretName $ca.configMapName }}
{{- printf "%s/%s" (include "loglift.ca.dir" .) $ca.key }}
{{- end }}
{{- end }}

{{- define "loglift.ca.volume" -}}
{{- $ca := .Values.opensearch.tls.ca }}
{{- if $ca.secretName }}
- name: opensearch-ca
  secret:
    secretName: {{ $ca.secretName }}
    items:
      - key: {{ $ca.key }}
        path: {{ $ca.key }}
{{- else if $ca.configMapName }}
- name: opensearch-ca
  configMap:
    name: {{ $ca.configMapName }}
    items:
      - key: {{ $ca.key }}
        path: {{ $ca.key }}
{{- end }}
{{- end }}

{{- define "loglift.ca.volumeMount" -}}
{{- if include "loglift.ca.file" . }}
- name: opensearch-ca
  mountPath: {{ include "loglift.ca.dir" . }}
  readOnly: true
{{- end }}
{{- end }}

{{/* The writer's credentials Secret: the chart's own (generated) or the user's (basic). */}}
{{- define "loglift.writer.secretName" -}}
{{- $w := .Values.opensearch.writer }}
{{- if eq $w.auth "generated" }}
{{- include "loglift.componentName" (dict "root" . "component" "writer") }}
{{- else }}
{{- $w.existingSecret }}
{{- end }}
{{- end }}

{{/* Container securityContext of the PSS "restricted" profile. */}}
{{- define "loglift.restrictedContainerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "loglift.restrictedPodSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}
