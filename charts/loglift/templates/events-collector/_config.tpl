{{/*
The events collector's Fluent Bit configuration, as data: the kubernetes_events input (list,
then watch, of /api/v1/events), a lua filter that shapes each Event (files/events.lua), and an
opensearch output to the events data stream. One replica in the whole cluster, so each Event is
read once, not once per node.
*/}}
{{- define "loglift.events.stateDir" -}}/var/lib/loglift-events{{- end }}

{{- define "loglift.events.config" -}}
{{- $e := .Values.eventsCollector }}
{{- $state := include "loglift.events.stateDir" . }}
{{- $input := dict
  "name" "kubernetes_events"
  "tag" "events"
  "kube_url" $e.kubeUrl
  "kube_retention_time" $e.retentionTime
  "kube_watch_timeout" "10m"
  "tls.verify" "on"
  "storage.type" "filesystem"
}}
{{- with $e.namespace }}
{{- $_ := set $input "kube_namespace" . }}
{{- end }}
{{- if $e.positionDb }}
{{- $_ := set $input "db" (printf "%s/events.db" $state) }}
{{- $_ := set $input "db.locking" "true" }}
{{- end }}
{{- $shape := dict
  "name" "lua"
  "match" "events"
  "script" "/fluent-bit/etc/loglift/events.lua"
  "call" "shape_event"
  "time_as_table" "on"
  "enable_flb_null" "on"
  "protected_mode" "on"
}}
{{- $out := include "loglift.fluentBit.opensearchOutput" (dict "root" . "match" "events" "index" $e.dataStream "alias" "events" "storageLimit" $e.storageLimit) | fromYaml }}
{{- $config := dict
  "service" (dict
    "flush" 1
    "grace" 10
    "log_level" .Values.fluentBit.config.service.logLevel
    "http_server" "on"
    "http_listen" "0.0.0.0"
    "http_port" .Values.fluentBit.metrics.port
    "storage.path" (printf "%s/storage/" $state)
    "storage.sync" "normal"
    "storage.metrics" "on")
  "pipeline" (dict "inputs" (list $input) "filters" (list $shape) "outputs" (list $out))
}}
{{- toYaml $config }}
{{- end }}
