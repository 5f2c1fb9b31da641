{{/*
The bootstrap's desired-state file (apiVersion loglift.io/v1, kind BootstrapConfig). The bootstrap
validates it strictly, so only keys of that format appear here.
*/}}
{{- define "loglift.bootstrap.desiredState" -}}
{{- $os := .Values.opensearch }}
{{- $b := .Values.bootstrap }}
{{- $conn := dict "url" (include "loglift.opensearch.url" .) "auth" $os.admin.auth "tlsVerify" $os.tls.verify "waitSeconds" $b.waitSeconds }}
{{- if eq $os.admin.auth "aws-sigv4" }}
{{- $aws := dict "region" $os.aws.region "service" $os.aws.service }}
{{- with $os.aws.collection }}
{{- $_ := set $aws "collection" . }}
{{- end }}
{{- $_ := set $conn "aws" $aws }}
{{- end }}
{{- with include "loglift.ca.file" . }}
{{- $_ := set $conn "caFile" . }}
{{- end }}
{{- $r := $b.logs.retention }}
{{- $logs := dict
  "dataStream" $os.dataStream
  "template" $b.logs.template
  "shards" $b.logs.shards
  "replicas" $b.logs.replicas
  "retention" (dict "policy" $r.policy "deleteAfterDays" $r.deleteAfterDays "rolloverAge" $r.rolloverAge "rolloverSize" $r.rolloverSize)
}}
{{- $writer := dict "backendRoles" $os.writer.backendRoles }}
{{- if $os.writer.mapUsers }}
{{- $_ := set $writer "users" $os.writer.mapUsers }}
{{- end }}
{{- if and .Values.fluentBit.enabled (eq $os.writer.auth "aws-sigv4") }}
{{- /* The bootstrap maps the IAM role from this ServiceAccount's eks.amazonaws.com/role-arn annotation. */}}
{{- $_ := set $writer "serviceAccount" (dict "namespace" .Release.Namespace "name" (include "loglift.fluentBit.serviceAccountName" .)) }}
{{- end }}
{{- if and .Values.fluentBit.enabled (eq $os.writer.auth "generated") }}
{{- $_ := set $writer "internalUser" (dict "name" $os.writer.username) }}
{{- end }}
{{- $s := $b.security }}
{{- $security := dict
  "enabled" $s.enabled
  "writerRole" $s.writerRole
  "readerRole" $s.readerRole
  "writer" $writer
  "reader" (dict "backendRoles" $s.readerBackendRoles "users" $s.readerUsers)
  "allowAllAccessMapping" $s.allowAllAccessMapping
}}
{{- $state := dict "apiVersion" "loglift.io/v1" "kind" "BootstrapConfig" "opensearch" $conn "logs" $logs "security" $security }}
{{- with include "loglift.dashboards.url" . }}
{{- $patterns := $b.dashboards.indexPatterns }}
{{- if not $patterns }}
{{- $patterns = list (dict "id" "loglift-logs" "title" (printf "%s*" $os.dataStream) "timeFieldName" "@timestamp" "default" true) }}
{{- end }}
{{- $_ := set $state "dashboards" (dict "url" . "tenants" $b.dashboards.tenants "indexPatterns" $patterns "forceDefault" $b.dashboards.forceDefault "waitSeconds" $b.dashboards.waitSeconds) }}
{{- end }}
{{- include "loglift.bootstrap.sideStreams" (dict "root" . "state" $state) }}
{{- toYaml $state }}
{{- end }}
