{{/*
Fluent Bit configuration in its YAML format, built as data and serialised with toYaml so every
value is quoted correctly. Credentials are referenced as ${ENV} variables, never inlined.
*/}}
{{- define "loglift.fluentBit.stateDir" -}}/var/lib/loglift-fluent-bit{{- end }}

{{/* Seconds of a Fluent Bit time value (90s, 30m, 1h, 2d; a bare number is seconds). */}}
{{- define "loglift.fluentBit.seconds" -}}
{{- $n := int (regexFind "^[0-9]+" .) }}
{{- $unit := dict "s" 1 "m" 60 "h" 3600 "d" 86400 }}
{{- mul $n (get $unit (default "s" (regexFind "[smhd]$" .))) }}
{{- end }}

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
  "scheduler.base" $c.service.schedulerBase
  "scheduler.cap" $c.service.schedulerCap
  "storage.path" (printf "%s/storage/" $state)
  "storage.sync" "normal"
  "storage.checksum" "off"
  "storage.metrics" "on"
  "storage.max_chunks_up" $c.service.maxChunksUp
  "storage.backlog.mem_limit" $c.service.backlogMemLimit
}}
{{- if $c.service.hotReload }}
{{- $_ := set $service "hot_reload" "on" }}
{{- end }}
{{- if $c.deadLetter.enabled }}
{{- $_ := set $service "storage.keep.rejected" "on" }}
{{- $_ := set $service "storage.rejected.path" $c.deadLetter.path }}
{{- $_ := set $service "storage.rejected.limit" $c.deadLetter.limit }}
{{- end }}
{{- $ownPods := printf "/var/log/containers/%s-*_%s_fluent-bit-*.log" (include "loglift.componentName" (dict "root" . "component" "fluent-bit")) .Release.Namespace }}
{{- $tail := dict
  "name" "tail"
  "tag" "kube.*"
  "path" $c.input.path
  "exclude_path" (join "," (prepend $c.input.excludePaths $ownPods))
  "multiline.parser" "docker, cri"
  "db" (printf "%s/tail.db" $state)
  "db.locking" "true"
  "read_from_head" (get $onOff (toString $c.input.readFromHead))
  "ignore_older" $c.input.ignoreOlder
  "skip_long_lines" (get $onOff (toString $c.input.skipLongLines))
  "buffer_chunk_size" $c.input.bufferChunkSize
  "buffer_max_size" $c.input.bufferMaxSize
  "mem_buf_limit" $c.input.memBufLimit
  "refresh_interval" $c.input.refreshInterval
  "rotate_wait" $c.input.rotateWait
  "storage.type" "filesystem"
}}
{{- $filters := include "loglift.fluentBit.selectFilters" . | fromYamlArray }}
{{- if $c.multiline.enabled }}
{{- /* The filter re-emits joined records through an emitter input. In memory (the default) its
10M limit paused it under load and records were lost; on the filesystem buffer it is bounded by
storage.max_chunks_up like the tail input and never pauses. */}}
{{- $filters = append $filters (dict
  "name" "multiline"
  "match" "kube.*"
  "multiline.key_content" "log"
  "multiline.parser" (join ", " $c.multiline.parsers)
  "emitter_name" "multiline_emitter"
  "emitter_storage.type" "filesystem"
  "emitter_mem_buf_limit" $c.input.memBufLimit) }}
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
  "owner_references" (get $onOff (toString $c.kubernetes.ownerReferences))
  "namespace_labels" (get $onOff (toString $c.kubernetes.namespaceLabels))
  "kube_meta_namespace_cache_ttl" $c.kubernetes.namespaceCacheTtl
  "buffer_size" $c.kubernetes.bufferSize
}}
{{- if $c.kubernetes.useKubelet }}
{{- $_ := set $kube "use_kubelet" "on" }}
{{- $_ := set $kube "kubelet_host" "${NODE_IP}" }}
{{- $_ := set $kube "kubelet_port" $c.kubernetes.kubeletPort }}
{{- end }}
{{- $filters = append $filters $kube }}
{{- /* The lift: typed root fields from whatever each app logged, right after the kubernetes
filter so it sees the merged app JSON and the pod labels. files/lift.lua is generated from the
log document contract and mounted beside this file. */}}
{{- $filters = append $filters (dict
  "name" "lua"
  "match" "kube.*"
  "script" "/fluent-bit/etc/loglift/lift.lua"
  "call" "lift"
  "time_as_table" "on"
  "enable_flb_null" "on"
  "protected_mode" "on")
}}
{{- if $c.kubernetes.awsNodeMetadata }}
{{- /* The node's zone and instance type from the instance metadata service (local to the node), on
the lifted document: both keys stay at its root. */}}
{{- $filters = append $filters (dict "name" "aws" "match" "kube.*" "imds_version" "v2" "az" "true" "ec2_instance_id" "false" "ec2_instance_type" "true") }}
{{- end }}
{{- $filters = concat $filters (include "loglift.fluentBit.limitFilters" . | fromYamlArray) }}
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
{{- /* Routing per namespace group: one rewrite_tag filter after every other kube.* filter (the
extra ones included) re-tags each group's records by stream, and each stream gets its own copy of
the output above, so retries, storage.total_limit_size and the dead letter hold for every stream. Rules are
tried in order and the first match wins: exact names of every group, then globs in group order.
keep false drops the original, so a record goes to one stream only. The emitter is on the
filesystem buffer: in memory, a paused emitter refuses records and rewrite_tag drops a matched
record it could not re-emit (fluent-bit filter_rewrite_tag, in_emitter). */}}
{{- $routingFilters := list }}
{{- $outputs := list $out }}
{{- $groups := (include "loglift.routing.groups" . | fromYaml).groups }}
{{- if $groups }}
{{- $rules := list }}
{{- range $groups }}
{{- if .exact }}
{{- $rules = append $rules (printf "$kubernetes['namespace_name'] %s %s false" (include "loglift.routing.regex" .exact) (include "loglift.routing.tag" .stream)) }}
{{- end }}
{{- end }}
{{- range $groups }}
{{- if .globs }}
{{- $rules = append $rules (printf "$kubernetes['namespace_name'] %s %s false" (include "loglift.routing.regex" .globs) (include "loglift.routing.tag" .stream)) }}
{{- end }}
{{- end }}
{{- $routingFilters = list (dict
  "name" "rewrite_tag"
  "match" "kube.*"
  "rule" $rules
  "emitter_name" "routing_emitter"
  "emitter_storage.type" "filesystem"
  "emitter_mem_buf_limit" $c.input.memBufLimit) }}
{{- $streams := dict }}
{{- range $groups }}
{{- if not (hasKey $streams .stream) }}
{{- $_ := set $streams .stream true }}
{{- /* The alias names the stream in the output metrics (name="opensearch-<stream>"). */}}
{{- $outputs = append $outputs (merge (dict "match" (include "loglift.routing.tag" .stream) "index" .dataStream "alias" (printf "opensearch-%s" .stream)) (deepCopy $out)) }}
{{- end }}
{{- end }}
{{- end }}
{{- $config := dict
  "service" $service
  "multiline_parsers" (concat (include "loglift.fluentBit.multilineParsers" . | fromYamlArray) $c.extraMultilineParsers)
  "pipeline" (dict
    "inputs" (concat (list $tail) (include "loglift.fluentBit.nodeLogInputs" . | fromYamlArray) $c.extraInputs)
    "filters" (concat $filters (include "loglift.fluentBit.nodeLogFilters" . | fromYamlArray) $c.extraFilters $routingFilters)
    "outputs" (concat $outputs (include "loglift.fluentBit.noiseOutputs" . | fromYamlArray) (include "loglift.fluentBit.nodeLogOutputs" . | fromYamlArray) $c.extraOutputs))
}}
{{- with concat (include "loglift.fluentBit.nodeLogParsers" . | fromYamlArray) $c.extraParsers }}
{{- $_ := set $config "parsers" . }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{/*
The chart's multiline parsers (Fluent Bit regex state machines), as data; test/multiline* runs
them over real traces. A rule continues a record when its state is the next_state of the rule
that matched the previous line; a line no rule continues starts a new record or stands alone.
- exception-stack: "Type: message" then indented "at" frames, shared by Java/Kotlin ("Caused by:",
  "Suppressed:", "... N more"), .NET (" ---> Inner", "--- End of inner exception stack trace ---")
  and Node.js ("at async", the "{ code: ... }" block after the frames, the "file:line", code and
  caret lines printed before an uncaught error). One parser, because Fluent Bit gives a line to the
  first parser whose start matches, and all three start alike.
- python-traceback: the built-in python re-emits a traceback's last line as its own record (seen
  with Fluent Bit 5.1.1); here the exception line moves to a state only a chained traceback
  ("During handling of the above exception ..." / "The above exception was the direct cause ...")
  continues.
- go-panic: "panic:" or "fatal error:", then every goroutine of the dump with its frames.
*/}}
{{- define "loglift.fluentBit.multilineParsers" -}}
{{- $flush := .Values.fluentBit.config.multiline.flushTimeoutMs }}
- name: exception-stack
  type: regex
  flush_timeout: {{ $flush }}
  rules:
    - { state: start_state, regex: '/^(?:Unhandled [Ee]xception\. |Uncaught |Exception in thread "[^"]*" )?(?:[A-Za-z_$][\w$`]*\.)*[A-Za-z_$]?[\w$`]*(?:Exception|Error|Throwable)(?: \[[\w-]+\])?(?::.*)?$/', next_state: exception }
    - { state: start_state, regex: '/^(?:/|file:///|node:)[^\s:]+:\d+$/', next_state: node_source }
    - { state: node_source, regex: '/./', next_state: node_code }
    - { state: node_code, regex: '/^\s*\^+\s*$/', next_state: node_caret }
    - { state: node_caret, regex: '/^$/', next_state: node_caret }
    - { state: node_caret, regex: '/^(?:Uncaught )?(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$]?[\w$]*(?:Exception|Error)(?: \[[\w-]+\])?(?::.*)?$/', next_state: exception }
    - { state: exception, regex: '/^\s+at .*\{$/', next_state: node_props }
    - { state: exception, regex: '/^\s+(?:eval )?at /', next_state: frames }
    - { state: exception, regex: '/^\s*---> /', next_state: exception }
    - { state: exception, regex: '/^\s*(?:Caused by|Suppressed): /', next_state: exception }
    - { state: frames, regex: '/^\s+at .*\{$/', next_state: node_props }
    - { state: frames, regex: '/^\s+(?:eval )?at /', next_state: frames }
    - { state: frames, regex: '/^\s*(?:Caused by|Suppressed): /', next_state: exception }
    - { state: frames, regex: '/^\s*\.\.\. \d+ (?:more|common frames omitted)$/', next_state: frames }
    - { state: frames, regex: '/^\s*---> /', next_state: exception }
    - { state: frames, regex: '/^\s*--- End of (?:inner exception stack trace|stack trace from previous location(?: where exception was thrown)?) ---$/', next_state: frames }
    - { state: node_props, regex: '/^\s+\S/', next_state: node_props }
    - { state: node_props, regex: '/^\}$/', next_state: node_end }
    - { state: node_end, regex: '/(?!)/', next_state: node_end }
- name: python-traceback
  type: regex
  flush_timeout: {{ $flush }}
  rules:
    - { state: start_state, regex: '/^Traceback \(most recent call last\):$/', next_state: python }
    - { state: python, regex: '/^[\t ]+File /', next_state: python_code }
    - { state: python_code, regex: '/[^\t ]/', next_state: python }
    - { state: python, regex: '/^[\t ]+[~^]+[\t ]*$/', next_state: python }
    - { state: python, regex: '/^[\t ]+\[Previous line repeated \d+ more times?\]$/', next_state: python }
    - { state: python, regex: '/^(?:[^\s.():]+\.)*[^\s.():]+:/', next_state: python_end }
    - { state: python_end, regex: '/^$/', next_state: python_chain }
    - { state: python_chain, regex: '/^(?:During handling of the above exception, another exception occurred|The above exception was the direct cause of the following exception):$/', next_state: python_chain_gap }
    - { state: python_chain_gap, regex: '/^$/', next_state: python_chain_gap }
    - { state: python_chain_gap, regex: '/^Traceback \(most recent call last\):$/', next_state: python }
- name: go-panic
  type: regex
  flush_timeout: {{ $flush }}
  rules:
    - { state: start_state, regex: '/^(?:panic: |fatal error: )/', next_state: go_panic }
    - { state: go_panic, regex: '/^$/', next_state: go_panic }
    - { state: go_panic, regex: '/^\s+panic: /', next_state: go_panic }
    - { state: go_panic, regex: '/^\[signal /', next_state: go_panic }
    - { state: go_panic, regex: '/^goroutine \d+ \[[^\]]+\]:$/', next_state: go_frames }
    - { state: go_frames, regex: '/^goroutine \d+ \[[^\]]+\]:$/', next_state: go_frames }
    - { state: go_frames, regex: '/^[\w./*()\[\]{}-]+\(.*\)$/', next_state: go_frames }
    - { state: go_frames, regex: '/^created by \S+(?: in goroutine \d+)?$/', next_state: go_frames }
    - { state: go_frames, regex: '/^\t\S.*:\d+(?: \+0x[0-9a-f]+)?$/', next_state: go_frames }
    - { state: go_frames, regex: '/^\.\.\.additional frames elided\.\.\.$/', next_state: go_frames }
    - { state: go_frames, regex: '/^$/', next_state: go_frames }
{{- end }}
