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
  "templatePriority" $b.logs.templatePriority
  "shards" $b.logs.shards
  "replicas" $b.logs.replicas
  "retention" (dict "policy" $r.policy "deleteAfterDays" $r.deleteAfterDays "rolloverAge" $r.rolloverAge "rolloverSize" $r.rolloverSize "templatePriority" $r.templatePriority)
}}
{{- $writer := dict "backendRoles" $os.writer.backendRoles }}
{{- if $os.writer.mapUsers }}
{{- $_ := set $writer "users" $os.writer.mapUsers }}
{{- end }}
{{- if and .Values.fluentBit.enabled (eq $os.writer.auth "aws-sigv4") }}
{{- /* The bootstrap maps the IAM role fine-grained access control sees: the one Fluent Bit assumes (aws_role_arn), else the one in the ServiceAccount's eks.amazonaws.com/role-arn annotation (IRSA). Pod Identity names no role in the cluster: backendRoles must. */}}
{{- if $os.writer.aws.assumeRoleArn }}
{{- $_ := set $writer "assumeRoleArn" $os.writer.aws.assumeRoleArn }}
{{- else if $os.writer.aws.podIdentity }}
{{- $_ := set $writer "podIdentity" true }}
{{- else }}
{{- $_ := set $writer "serviceAccount" (dict "namespace" .Release.Namespace "name" (include "loglift.fluentBit.serviceAccountName" .)) }}
{{- end }}
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
{{- /* routing.groups in the bootstrap's form: one data stream, template, retention policy and
reader role per group (stream); the names are derived by the bootstrap. */}}
{{- $groups := list }}
{{- $tenants := $b.dashboards.tenants }}
{{- $streamPatterns := list }}
{{- range (include "loglift.routing.groups" . | fromYaml).groups }}
{{- $readers := default dict .group.readers }}
{{- $g := dict "name" .name "namespaces" .namespaces "readers" (dict "backendRoles" (default list $readers.backendRoles) "users" (default list $readers.users)) "documentLevelSecurity" (default false .group.documentLevelSecurity) }}
{{- if .group.stream }}
{{- $_ := set $g "stream" .group.stream }}
{{- end }}
{{- with .group.retentionDays }}
{{- $_ := set $g "deleteAfterDays" . }}
{{- end }}
{{- if .group.tenant }}
{{- $_ := set $g "tenant" .name }}
{{- $tenants = append $tenants .name | uniq }}
{{- end }}
{{- $groups = append $groups $g }}
{{- $pattern := dict "id" (printf "loglift-logs-%s" .stream) "title" .dataStream "timeFieldName" "@timestamp" "default" false }}
{{- if not (has $pattern $streamPatterns) }}
{{- $streamPatterns = append $streamPatterns $pattern }}
{{- end }}
{{- end }}
{{- /* The bootstrap checks again that its waits end before the Job's deadline. */}}
{{- $state := dict "apiVersion" "loglift.io/v1" "kind" "BootstrapConfig" "opensearch" $conn "logs" $logs "security" $security "deadlineSeconds" $b.activeDeadlineSeconds }}
{{- if $groups }}
{{- $_ := set $state "routing" (dict "groups" $groups) }}
{{- end }}
{{- with include "loglift.dashboards.url" . }}
{{- $patterns := $b.dashboards.indexPatterns }}
{{- if not $patterns }}
{{- $patterns = list (dict "id" "loglift-logs" "title" (printf "%s*" $os.dataStream) "timeFieldName" "@timestamp" "default" true) }}
{{- end }}
{{- $files := list }}
{{- range $b.dashboards.savedObjects }}
{{- $files = append $files (printf "/etc/loglift/saved-objects/%s/%s" .configMap .key) }}
{{- end }}
{{- $_ := set $state "dashboards" (dict "url" . "tenants" $tenants "indexPatterns" (concat $patterns $streamPatterns) "forceDefault" $b.dashboards.forceDefault "builtinContent" $b.dashboards.builtinContent "savedObjectsFiles" $files "waitSeconds" $b.dashboards.waitSeconds) }}
{{- end }}
{{- include "loglift.bootstrap.sideStreams" (dict "root" . "state" $state) }}
{{- toYaml $state }}
{{- end }}
