{{/*
Noise control: which namespaces and containers are shipped, probe request lines, the rate limit
per namespace. files/noise.lua does the work; the settings below go in front of it as the global
LOGLIFT_NOISE, so one script serves any values.
*/}}

{{/*
A value as a Lua literal (maps, lists, strings, numbers, booleans). Strings are written as JSON
strings, which Lua reads alike as long as they hold no backslash, quote, control character or
<, >, & (JSON would escape those as \uXXXX); values.schema.json keeps them out, and this fails
with the value's text if one gets through.
*/}}
{{- define "loglift.luaLiteral" -}}
{{- if kindIs "map" . -}}
{ {{- range $key, $value := . }}[{{ include "loglift.luaLiteral" $key }}] = {{ include "loglift.luaLiteral" $value }}, {{ end -}} }
{{- else if kindIs "slice" . -}}
{ {{- range . }}{{ include "loglift.luaLiteral" . }}, {{ end -}} }
{{- else if kindIs "string" . -}}
{{- if regexMatch "[\\\\\"<>&[:cntrl:]]|[^[:ascii:]]" . }}
{{- fail (printf "fluentBit.config.noise / kubernetes.keepAnnotations: %q has a character the noise filter settings cannot hold (backslash, quote, <, >, &, a control or non-ASCII character)" .) }}
{{- end -}}
{{ toJson . }}
{{- else if kindIs "bool" . -}}
{{ ternary "true" "false" . }}
{{- else if kindIs "invalid" . -}}
{{- fail "fluentBit.config.noise: null has no place in the noise filter settings" }}
{{- else -}}
{{ . }}
{{- end -}}
{{- end }}

{{- define "loglift.fluentBit.noiseSettings" -}}
{{- $c := .Values.fluentBit.config }}
{{- $n := $c.noise }}
{{- $r := $n.rateLimit }}
{{- $overrides := list }}
{{- range $r.overrides }}
{{- $overrides = append $overrides (dict "namespaces" .namespaces "linesPerSecond" .linesPerSecond "burst" .burst) }}
{{- end }}
{{- $settings := dict
  "tagPrefix" "kube.var.log.containers."
  "includeNamespaces" $n.namespaces.include
  "excludeNamespaces" $n.namespaces.exclude
  "excludeContainers" $n.excludeContainers
  "keepAnnotations" (ternary $c.kubernetes.keepAnnotations (list) $c.kubernetes.annotations)
  "probes" (dict "drop" $n.probes.drop "userAgentPrefixes" $n.probes.userAgentPrefixes "paths" $n.probes.paths)
  "rateLimit" (dict "enabled" $r.enabled "linesPerSecond" $r.linesPerSecond "burst" $r.burst "summaryIntervalSeconds" $r.summaryIntervalSeconds "overrides" $overrides)
}}
{{- printf "LOGLIFT_NOISE = %s" (include "loglift.luaLiteral" $settings) }}
{{- end }}

{{/* noise.lua as the ConfigMap ships it: the settings, then the generated script. */}}
{{- define "loglift.fluentBit.noiseScript" -}}
{{- include "loglift.fluentBit.noiseSettings" . }}
{{ .Files.Get "files/noise.lua" | trimSuffix "\n" }}
{{- end }}

{{- define "loglift.fluentBit.noiseLua" -}}
name: lua
match: kube.*
script: /fluent-bit/etc/loglift/noise.lua
time_as_table: "on"
enable_flb_null: "on"
protected_mode: "on"
{{- end }}

{{/* Filters before the others: lines of namespaces or containers not shipped go first. */}}
{{- define "loglift.fluentBit.selectFilters" -}}
{{- $n := .Values.fluentBit.config.noise }}
{{- if or $n.namespaces.include $n.namespaces.exclude $n.excludeContainers }}
- {{- include "loglift.fluentBit.noiseLua" . | nindent 2 }}
  call: select_record
  alias: noise_select
{{- end }}
{{- end }}

{{/*
Filters after the lift: probe lines and the rate limit. Lines over the limit come out of the lua
filter marked with loglift_rate_limited (their namespace), are counted by log_to_metrics and
then dropped by grep, so the metric counts exactly the lines that were not shipped.
*/}}
{{- define "loglift.fluentBit.limitFilters" -}}
{{- $c := .Values.fluentBit.config }}
{{- $n := $c.noise }}
{{- if or $n.probes.drop $n.rateLimit.enabled (and $c.kubernetes.annotations $c.kubernetes.keepAnnotations) }}
- {{- include "loglift.fluentBit.noiseLua" . | nindent 2 }}
  call: limit_record
  alias: noise_limit
{{- end }}
{{- if $n.rateLimit.enabled }}
- name: log_to_metrics
  alias: rate_limit_metrics
  match: kube.*
  tag: loglift.metrics
  metric_mode: counter
  metric_namespace: loglift
  metric_subsystem: rate_limit
  metric_name: dropped_lines_total
  metric_description: Lines the per-namespace rate limit dropped, by namespace.
  regex: loglift_rate_limited .+
  add_label: namespace $loglift_rate_limited
  emitter_name: rate_limit_metrics_emitter
- name: grep
  alias: rate_limit_drop
  match: kube.*
  exclude: loglift_rate_limited .+
{{- end }}
{{- end }}

{{/* The rate limit's counter on its own port (log_to_metrics metrics reach outputs only). */}}
{{- define "loglift.fluentBit.noiseOutputs" -}}
{{- $r := .Values.fluentBit.config.noise.rateLimit }}
{{- if $r.enabled }}
- name: prometheus_exporter
  alias: rate_limit_metrics
  match: loglift.metrics
  host: 0.0.0.0
  port: {{ $r.metricsPort }}
{{- end }}
{{- end }}
