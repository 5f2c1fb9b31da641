{{/*
Node logs into their own data stream: the kubelet and container runtime from the systemd journal
(Fluent Bit's systemd input, one unit filter per unit), and optionally the API server's audit
log file. Tags node.journal and node.audit, so neither the container-log filters (kube.*) nor
their output see them.
*/}}
{{- define "loglift.fluentBit.nodeLogInputs" -}}
{{- $fb := .Values.fluentBit }}
{{- $n := $fb.nodeLogs }}
{{- $state := include "loglift.fluentBit.stateDir" . }}
{{- if and $fb.enabled $n.enabled }}
{{- $filters := list }}
{{- range $n.units }}
{{- $filters = append $filters (printf "_SYSTEMD_UNIT=%s" .) }}
{{- end }}
- name: systemd
  tag: node.journal
  path: {{ $n.journalPath }}
  systemd_filter: {{ toJson $filters }}
  systemd_filter_type: Or
  db: {{ printf "%s/systemd.db" $state }}
  db.sync: normal
  {{- /* The journal keeps weeks: without a cursor in the DB (first install, new node) only new
  entries are read, the journal's counterpart of the tail input's ignoreOlder window. */}}
  read_from_tail: "on"
  lowercase: "on"
  strip_underscores: "on"
  max_entries: 1000
  mem_buf_limit: {{ $fb.config.input.memBufLimit }}
  storage.type: filesystem
{{- with $n.auditLogPath }}
- name: tail
  tag: node.audit
  path: {{ . }}
  parser: loglift-audit-json
  db: {{ printf "%s/audit.db" $state }}
  db.locking: "true"
  read_from_head: {{ ternary "on" "off" $fb.config.input.readFromHead | quote }}
  ignore_older: {{ $fb.config.input.ignoreOlder }}
  skip_long_lines: "on"
  buffer_max_size: {{ $fb.config.input.bufferMaxSize }}
  mem_buf_limit: {{ $fb.config.input.memBufLimit }}
  storage.type: filesystem
{{- end }}
{{- end }}
{{- end }}

{{- define "loglift.fluentBit.nodeLogParsers" -}}
{{- $n := .Values.fluentBit.nodeLogs }}
{{- if and $n.enabled $n.auditLogPath }}
- name: loglift-audit-json
  format: json
  time_key: stageTimestamp
  time_format: "%Y-%m-%dT%H:%M:%S.%LZ"
  time_keep: "on"
{{- end }}
{{- end }}

{{/* `node` and `source` on every node log document (nodeLogFields of @loglift/log-schema). */}}
{{- define "loglift.fluentBit.nodeLogFilters" -}}
{{- $n := .Values.fluentBit.nodeLogs }}
{{- if $n.enabled }}
- name: record_modifier
  match: node.journal
  record: ["node ${NODE_NAME}", "source journal"]
{{- if $n.auditLogPath }}
- name: record_modifier
  match: node.audit
  record: ["node ${NODE_NAME}", "source audit"]
{{- end }}
{{- end }}
{{- end }}

{{- define "loglift.fluentBit.nodeLogOutputs" -}}
{{- $n := .Values.fluentBit.nodeLogs }}
{{- if $n.enabled }}
- {{- include "loglift.fluentBit.opensearchOutput" (dict "root" . "match" "node.*" "index" $n.dataStream "alias" "node_logs" "storageLimit" $n.storageLimit) | nindent 2 }}
{{- end }}
{{- end }}
