{{/*
Adds the streams beside the container logs to the bootstrap's desired state (keys `events` and
`nodeLogs`), each with its template and retention; pass (dict "root" $ "state" $state).
*/}}
{{- define "loglift.bootstrap.sideStreams" -}}
{{- $v := .root.Values }}
{{- $streams := list }}
{{- if and $v.fluentBit.enabled $v.eventsCollector.enabled }}
{{- $streams = append $streams (list "events" $v.eventsCollector.dataStream $v.eventsCollector.index) }}
{{- end }}
{{- if and $v.fluentBit.enabled $v.fluentBit.nodeLogs.enabled }}
{{- $streams = append $streams (list "nodeLogs" $v.fluentBit.nodeLogs.dataStream $v.fluentBit.nodeLogs.index) }}
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
{{- end }}
{{- end }}
