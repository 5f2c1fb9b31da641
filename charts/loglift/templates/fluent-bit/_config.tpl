{{/*
Fluent Bit configuration in its YAML format, built as data and serialised with toYaml so every
value is quoted correctly. Credentials are referenced as ${ENV} variables, never inlined.
*/}}
{{- define "loglift.fluentBit.stateDir" -}}/var/lib/loglift-fluent-bit{{- end }}

{{- define "loglift.fluentBit.config" -}}
{{- $fb := .Values.fluentBit }}
{{- $c := $fb.config }}
{{- $os := .Values.opensearch }}
{{- $state := include "loglift.fluentBit.stateDir" . }}
{{- $onOff := dict "true" "on" "false" "off" }}
{{- $service := dict
  "flush" $c.service.flush
  "grace" $c.service.grace
  "log_level" $c.service.logLevel
  "http_server" "on"
  "http_listen" "0.0.0.0"
  "http_port" $fb.metrics.port
  "health_check" "on"
  "hc_errors_count" 5
  "hc_retry_failure_count" 5
  "hc_period" 60
  "storage.path" (printf "%s/storage/" $state)
  "storage.sync" "normal"
  "storage.checksum" "off"
  "storage.metrics" "on"
  "storage.max_chunks_up" $c.service.maxChunksUp
  "storage.backlog.mem_limit" $c.service.backlogMemLimit
}}
{{- $ownPods := printf "/var/log/containers/%s-*_%s_fluent-bit-*.log" (include "loglift.componentName" (dict "root" . "component" "fluent-bit")) .Release.Namespace }}
{{- $tail := dict
  "name" "tail"
  "tag" "kube.*"
  "path" $c.input.path
  "exclude_path" (join "," (prepend $c.input.excludePaths $ownPods))
  "multiline.parser" "docker, cri"
  "db" (printf "%s/tail.db" $state)
  "db.locking" "true"
  "skip_long_lines" (get $onOff (toString $c.input.skipLongLines))
  "buffer_chunk_size" $c.input.bufferChunkSize
  "buffer_max_size" $c.input.bufferMaxSize
  "mem_buf_limit" $c.input.memBufLimit
  "refresh_interval" $c.input.refreshInterval
  "rotate_wait" $c.input.rotateWait
  "storage.type" "filesystem"
}}
{{- $filters := list }}
{{- if $c.multiline.enabled }}
{{- $filters = append $filters (dict "name" "multiline" "match" "kube.*" "multiline.key_content" "log" "multiline.parser" (join ", " $c.multiline.parsers)) }}
{{- end }}
{{- /* merge_log_key is MERGE_KEY of packages/log-schema (the log document contract); a chart test guards the match. */}}
{{- $kube := dict
  "name" "kubernetes"
  "match" "kube.*"
  "kube_tag_prefix" "kube.var.log.containers."
  "merge_log" "on"
  "merge_log_key" "app"
  "keep_log" "off"
  "k8s-logging.parser" (get $onOff (toString $c.kubernetes.allowParserAnnotation))
  "k8s-logging.exclude" (get $onOff (toString $c.kubernetes.allowExcludeAnnotation))
  "labels" (get $onOff (toString $c.kubernetes.labels))
  "annotations" (get $onOff (toString $c.kubernetes.annotations))
  "buffer_size" $c.kubernetes.bufferSize
}}
{{- if $c.kubernetes.useKubelet }}
{{- $_ := set $kube "use_kubelet" "on" }}
{{- $_ := set $kube "kubelet_host" "${NODE_IP}" }}
{{- $_ := set $kube "kubelet_port" $c.kubernetes.kubeletPort }}
{{- end }}
{{- $filters = append $filters $kube }}
{{- $out := dict
  "name" "opensearch"
  "match" "kube.*"
  "host" $os.host
  "port" $os.port
  "index" $os.dataStream
  "suppress_type_name" "on"
  "replace_dots" (get $onOff (toString $c.output.replaceDots))
  "generate_id" (ternary "off" "on" (and (eq $os.writer.auth "aws-sigv4") (eq $os.aws.service "aoss")))
  "write_operation" "create"
  "logstash_format" "off"
  "trace_error" (get $onOff (toString $c.output.traceError))
  "buffer_size" $c.output.bufferSize
  "workers" $c.output.workers
  "retry_limit" $c.output.retryLimit
  "storage.total_limit_size" $c.output.storageTotalLimitSize
  "tls" (get $onOff (toString $os.tls.enabled))
}}
{{- if $c.output.gzip }}
{{- $_ := set $out "compress" "gzip" }}
{{- end }}
{{- if $os.tls.enabled }}
{{- $_ := set $out "tls.verify" (get $onOff (toString $os.tls.verify)) }}
{{- with include "loglift.ca.file" . }}
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
{{- /* Built-in python re-emits a traceback's last line as its own record (seen with Fluent Bit
5.1.1); this parser ends in a state no line continues, so the exception line closes the record.
java also joins Node.js traces ("Error: ..." followed by "    at ..." frames). */}}
{{- $pythonTraceback := dict
  "name" "python-traceback"
  "type" "regex"
  "flush_timeout" 1000
  "rules" (list
    (dict "state" "start_state" "regex" "/^Traceback \\(most recent call last\\):$/" "next_state" "python")
    (dict "state" "python" "regex" "/^[\\t ]+File /" "next_state" "python_code")
    (dict "state" "python_code" "regex" "/[^\\t ]/" "next_state" "python")
    (dict "state" "python" "regex" "/^(?:[^\\s.():]+\\.)*[^\\s.():]+:/" "next_state" "python_end")
    (dict "state" "python_end" "regex" "/(?!)/" "next_state" "python_end"))
}}
{{- $config := dict
  "service" $service
  "multiline_parsers" (concat (list $pythonTraceback) $c.extraMultilineParsers)
  "pipeline" (dict
    "inputs" (concat (list $tail) $c.extraInputs)
    "filters" (concat $filters $c.extraFilters)
    "outputs" (concat (list $out) $c.extraOutputs))
}}
{{- with $c.extraParsers }}
{{- $_ := set $config "parsers" . }}
{{- end }}
{{- toYaml $config }}
{{- end }}
