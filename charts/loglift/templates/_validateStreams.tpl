{{/* Cross-field rules of the Events, node log and noise-control values. */}}
{{- define "loglift.validate.streams" -}}
{{- $v := .Values }}
{{- $fb := $v.fluentBit }}
{{- $prefix := printf "%s-" $v.opensearch.dataStream }}
{{- if and $v.eventsCollector.enabled (not $fb.enabled) }}
{{- fail "eventsCollector.enabled needs fluentBit.enabled=true: the collector writes with the Fluent Bit writer identity" }}
{{- end }}
{{- if and $v.eventsCollector.enabled (not (hasPrefix $prefix $v.eventsCollector.dataStream)) }}
{{- fail (printf "eventsCollector.dataStream (%s) must start with %q (opensearch.dataStream and a dash) so the writer and reader roles cover it" $v.eventsCollector.dataStream $prefix) }}
{{- end }}
{{- if and $fb.nodeLogs.enabled (not (hasPrefix $prefix $fb.nodeLogs.dataStream)) }}
{{- fail (printf "fluentBit.nodeLogs.dataStream (%s) must start with %q (opensearch.dataStream and a dash) so the writer and reader roles cover it" $fb.nodeLogs.dataStream $prefix) }}
{{- end }}
{{- if and $v.eventsCollector.enabled $fb.nodeLogs.enabled (eq $v.eventsCollector.dataStream $fb.nodeLogs.dataStream) }}
{{- fail (printf "eventsCollector.dataStream and fluentBit.nodeLogs.dataStream are both %s: each stream has its own template, so they must differ" $fb.nodeLogs.dataStream) }}
{{- end }}
{{- with $fb.nodeLogs.auditLogPath }}
{{- if and $fb.nodeLogs.enabled (not (hasPrefix (printf "%s/" (trimSuffix "/" $fb.hostPaths.logs)) .)) }}
{{- fail (printf "fluentBit.nodeLogs.auditLogPath (%s) must be below fluentBit.hostPaths.logs (%s), the node directory Fluent Bit mounts" . $fb.hostPaths.logs) }}
{{- end }}
{{- end }}
{{- if and $fb.config.noise.rateLimit.enabled (eq (int $fb.config.noise.rateLimit.metricsPort) (int $fb.metrics.port)) }}
{{- fail (printf "fluentBit.config.noise.rateLimit.metricsPort (%d) must differ from fluentBit.metrics.port, where Fluent Bit's own HTTP server listens" (int $fb.metrics.port)) }}
{{- end }}
{{- end }}
