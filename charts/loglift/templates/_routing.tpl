{{/*
routing.groups as a list in group-name order (the order their globs are tried), each with its data
stream. The same rule as routeNamespace of packages/log-schema: a namespace listed by exact name
goes to that group, else to the first group (by name) with a matching glob, else to
opensearch.dataStream. test/routing.test.ts checks the rendered rules against log-schema's cases.
*/}}
{{- define "loglift.routing.groups" -}}
{{- $groups := list }}
{{- range $name := keys .Values.routing.groups | sortAlpha }}
{{- $g := get $.Values.routing.groups $name }}
{{- $exact := list }}
{{- $globs := list }}
{{- range $g.namespaces }}
{{- if or (contains "*" .) (contains "?" .) }}
{{- $globs = append $globs . }}
{{- else }}
{{- $exact = append $exact . }}
{{- end }}
{{- end }}
{{- $groups = append $groups (dict
  "name" $name
  "stream" (default $name $g.stream)
  "dataStream" (printf "%s-%s" $.Values.opensearch.dataStream (default $name $g.stream))
  "namespaces" $g.namespaces
  "exact" $exact
  "globs" $globs
  "group" $g) }}
{{- end }}
{{- toYaml (dict "groups" $groups) }}
{{- end }}

{{/* The Fluent Bit tag of a stream's records after the rewrite_tag filter (argument: the stream suffix). */}}
{{- define "loglift.routing.tag" -}}loglift.stream.{{ . }}{{- end }}

{{/* Onigmo regex matching whole namespace names: names literally, glob * and ? translated. */}}
{{- define "loglift.routing.regex" -}}
{{- $parts := list }}
{{- range . }}
{{- $parts = append $parts (replace "?" "." (replace "*" ".*" .)) }}
{{- end }}
{{- printf "^(?:%s)$" (join "|" $parts) }}
{{- end }}
