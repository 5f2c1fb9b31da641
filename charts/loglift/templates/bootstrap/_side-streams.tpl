{{/*
Adds the streams beside the container logs to the bootstrap's desired state (keys `events` and
`nodeLogs`), each with its template and retention, and, when the index patterns are the chart's
default, an index pattern for each; pass (dict "root" $ "state" $state).
*/}}
{{- define "loglift.bootstrap.sideStreams" -}}
{{- $v := .root.Values }}
{{- $streams := list }}
{{- if and $v.fluentBit.enabled $v.eventsCollector.enabled }}
{{- $streams = append $streams (list "events" $v.eventsCollector.dataStream $v.eventsCollector.index "loglift-events") }}
{{- end }}
{{- if and $v.fluentBit.enabled $v.fluentBit.nodeLogs.enabled }}
{{- $streams = append $streams (list "nodeLogs" $v.fluentBit.nodeLogs.dataStream $v.fluentBit.nodeLogs.index "loglift-node-logs") }}
{{- end }}
{{- range $streams }}
{{- $index := index . 2 }}
{{- $r := $index.retention }}
{{- $_ := set $.state (index . 0) (dict
  "dataStream" (index . 1)
  "template" $index.template
  "shards" $index.shards
  "replicas" $index.replicas
  "retention" (dict "policy" $r.policy "deleteAfterDays" $r.deleteAfterDays "rolloverAge" $r.rolloverAge "rolloverSize" $r.rolloverSize)) }}
{{- if and (hasKey $.state "dashboards") (not $v.bootstrap.dashboards.indexPatterns) }}
{{- $dashboards := get $.state "dashboards" }}
{{- $_ := set $dashboards "indexPatterns" (append $dashboards.indexPatterns (dict "id" (index . 3) "title" (printf "%s*" (index . 1)) "timeFieldName" "@timestamp" "default" false)) }}
{{- end }}
{{- end }}
{{- end }}
