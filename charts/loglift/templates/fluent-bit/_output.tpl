{{/*
An opensearch output to one data stream with the writer identity, as data; pass
(dict "root" $ "match" "events" "index" "logs-loglift-events" "alias" "events"). The streams beside
the container logs (Kubernetes Events, node logs) each get one, so their documents never share a
chunk with container logs and each stream is retried on its own.
*/}}
{{- define "loglift.fluentBit.opensearchOutput" -}}
{{- $root := .root }}
{{- $c := $root.Values.fluentBit.config }}
{{- $os := $root.Values.opensearch }}
{{- $onOff := dict "true" "on" "false" "off" }}
{{- $out := dict
  "name" "opensearch"
  "alias" .alias
  "match" .match
  "host" $os.host
  "port" $os.port
  "index" .index
  "suppress_type_name" "on"
  "replace_dots" (get $onOff (toString $c.output.replaceDots))
  "generate_id" (ternary "off" "on" (and (eq $os.writer.auth "aws-sigv4") (eq $os.aws.service "aoss")))
  "write_operation" "create"
  "logstash_format" "off"
  "trace_error" (get $onOff (toString $c.output.traceError))
  "buffer_size" $c.output.bufferSize
  "workers" 1
  "retry_limit" $c.output.retryLimit
  "storage.total_limit_size" (default $c.output.storageTotalLimitSize .storageLimit)
  "tls" (get $onOff (toString $os.tls.enabled))
}}
{{- if $c.output.gzip }}
{{- $_ := set $out "compress" "gzip" }}
{{- end }}
{{- if $os.tls.enabled }}
{{- $_ := set $out "tls.verify" (get $onOff (toString $os.tls.verify)) }}
{{- with include "loglift.ca.file" $root }}
{{- $_ := set $out "tls.ca_file" . }}
{{- end }}
{{- end }}
{{- if eq $os.writer.auth "aws-sigv4" }}
{{- $_ := set $out "aws_auth" "on" }}
{{- $_ := set $out "aws_region" $os.aws.region }}
{{- $_ := set $out "aws_service_name" $os.aws.service }}
{{- with $os.writer.aws.assumeRoleArn }}
{{- $_ := set $out "aws_role_arn" . }}
{{- end }}
{{- else if or (eq $os.writer.auth "basic") (eq $os.writer.auth "generated") }}
{{- $_ := set $out "http_user" "${OPENSEARCH_USERNAME}" }}
{{- $_ := set $out "http_passwd" "${OPENSEARCH_PASSWORD}" }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/* The writer's credentials as environment variables (basic and generated auth). */}}
{{- define "loglift.writer.env" -}}
{{- $os := .Values.opensearch }}
{{- if or (eq $os.writer.auth "basic") (eq $os.writer.auth "generated") }}
- name: OPENSEARCH_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "loglift.writer.secretName" . }}
      key: {{ ternary "username" $os.writer.usernameKey (eq $os.writer.auth "generated") }}
- name: OPENSEARCH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "loglift.writer.secretName" . }}
      key: {{ ternary "password" $os.writer.passwordKey (eq $os.writer.auth "generated") }}
{{- end }}
{{- end }}
