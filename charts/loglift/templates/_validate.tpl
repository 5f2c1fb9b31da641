{{/*
Cross-field rules the JSON schema cannot express clearly. values.schema.json already rejects wrong
types, unknown keys and the required fields; these messages name the value to set.
*/}}
{{- define "loglift.validate" -}}
{{- $v := .Values }}
{{- $os := $v.opensearch }}
{{- $usesOpenSearch := or $v.fluentBit.enabled $v.bootstrap.enabled $v.tests.enabled }}
{{- if and $usesOpenSearch (not $os.host) }}
{{- fail "opensearch.host is required while fluentBit, bootstrap or tests is enabled: set it to the OpenSearch host name, e.g. --set opensearch.host=search-logs.eu-west-1.es.amazonaws.com" }}
{{- end }}
{{- if and $os.tls.ca.secretName $os.tls.ca.configMapName }}
{{- fail "opensearch.tls.ca: set secretName or configMapName, not both" }}
{{- end }}
{{- $sigv4 := or (and $v.fluentBit.enabled (eq $os.writer.auth "aws-sigv4")) (and (or $v.bootstrap.enabled $v.tests.enabled) (eq $os.admin.auth "aws-sigv4")) }}
{{- if and $sigv4 (not $os.aws.region) }}
{{- fail "opensearch.aws.region is required when an identity uses aws-sigv4: set it to the region of the domain, e.g. --set opensearch.aws.region=eu-west-1" }}
{{- end }}
{{- if and $v.fluentBit.enabled (eq $os.writer.auth "basic") (not $os.writer.existingSecret) }}
{{- fail "opensearch.writer.auth=basic needs opensearch.writer.existingSecret: the name of a Secret with the keys opensearch.writer.usernameKey and opensearch.writer.passwordKey" }}
{{- end }}
{{- if and (or $v.bootstrap.enabled $v.tests.enabled) (eq $os.admin.auth "basic") (not $os.admin.existingSecret) }}
{{- fail "opensearch.admin.auth=basic needs opensearch.admin.existingSecret: the name of a Secret with the keys opensearch.admin.usernameKey and opensearch.admin.passwordKey" }}
{{- end }}
{{- if and $v.fluentBit.enabled (eq $os.writer.auth "aws-sigv4") (not $os.writer.aws.roleArn) (not $os.writer.aws.podIdentity) }}
{{- fail "opensearch.writer.auth=aws-sigv4 needs credentials: set opensearch.writer.aws.roleArn (IRSA) or opensearch.writer.aws.podIdentity=true (EKS Pod Identity)" }}
{{- end }}
{{- if and $os.writer.aws.roleArn $os.writer.aws.podIdentity }}
{{- fail "opensearch.writer.aws: set roleArn (IRSA) or podIdentity, not both" }}
{{- end }}
{{- if and $v.fluentBit.enabled $v.bootstrap.enabled (eq $os.writer.auth "aws-sigv4") $os.writer.aws.podIdentity (not $os.writer.aws.assumeRoleArn) (not $os.writer.backendRoles) }}
{{- fail "opensearch.writer.aws.podIdentity=true needs opensearch.writer.backendRoles: the EKS Pod Identity association lives in EKS, so the bootstrap cannot read which IAM role Fluent Bit gets; list that role's ARN, e.g. --set 'opensearch.writer.backendRoles={arn:aws:iam::111122223333:role/loglift-fluent-bit}' (or set opensearch.writer.aws.assumeRoleArn)" }}
{{- end }}
{{- if and (or $v.bootstrap.enabled $v.tests.enabled) (eq $os.admin.auth "aws-sigv4") (not $os.admin.aws.roleArn) (not $os.admin.aws.podIdentity) }}
{{- fail "opensearch.admin.auth=aws-sigv4 needs credentials: set opensearch.admin.aws.roleArn (IRSA) or opensearch.admin.aws.podIdentity=true (EKS Pod Identity)" }}
{{- end }}
{{- if and $os.admin.aws.roleArn $os.admin.aws.podIdentity }}
{{- fail "opensearch.admin.aws: set roleArn (IRSA) or podIdentity, not both" }}
{{- end }}
{{- if and $v.fluentBit.enabled (eq $os.writer.auth "generated") (not $v.bootstrap.enabled) }}
{{- fail "opensearch.writer.auth=generated needs bootstrap.enabled=true: the bootstrap hook creates the writer user with the generated password (or use auth=basic with an existing user)" }}
{{- end }}
{{- if and $v.fluentBit.enabled (eq $os.writer.auth "generated") (not $v.bootstrap.security.enabled) }}
{{- fail "opensearch.writer.auth=generated needs bootstrap.security.enabled=true: without the security plugin there is no user to create (use opensearch.writer.auth=none)" }}
{{- end }}
{{- range $v.bootstrap.dashboards.tenants }}
{{- if has . (list "private" "Private" "__user__") }}
{{- fail (printf "bootstrap.dashboards.tenants: %q is the private tenant of the hook's own identity, which nobody else sees; use global or a custom tenant" .) }}
{{- end }}
{{- end }}
{{- if eq $os.aws.service "aoss" }}
{{- if and $v.fluentBit.enabled (ne $os.writer.auth "aws-sigv4") }}
{{- fail "opensearch.aws.service=aoss needs opensearch.writer.auth=aws-sigv4: OpenSearch Serverless has no internal users, only IAM principals" }}
{{- end }}
{{- if and (or $v.bootstrap.enabled $v.tests.enabled) (ne $os.admin.auth "aws-sigv4") }}
{{- fail "opensearch.aws.service=aoss needs opensearch.admin.auth=aws-sigv4: OpenSearch Serverless accepts only SigV4-signed requests" }}
{{- end }}
{{- if ne (toJson $v.bootstrap.dashboards.tenants) "[\"global\"]" }}
{{- fail "opensearch.aws.service=aoss: OpenSearch Serverless Dashboards has no tenants; leave bootstrap.dashboards.tenants at [global]" }}
{{- end }}
{{- end }}
{{- if le (int $v.fluentBit.terminationGracePeriodSeconds) (int $v.fluentBit.config.service.grace) }}
{{- fail (printf "fluentBit.terminationGracePeriodSeconds (%d) must be greater than fluentBit.config.service.grace (%d) so Fluent Bit can flush before it is killed" (int $v.fluentBit.terminationGracePeriodSeconds) (int $v.fluentBit.config.service.grace)) }}
{{- end }}
{{- $in := $v.fluentBit.config.input }}
{{- if le (int (include "loglift.fluentBit.seconds" $in.ignoreOlder)) (int $in.refreshInterval) }}
{{- fail (printf "fluentBit.config.input.ignoreOlder (%s) must be longer than fluentBit.config.input.refreshInterval (%d s), or a file could age out before Fluent Bit first sees it" $in.ignoreOlder (int $in.refreshInterval)) }}
{{- end }}
{{- $svc := $v.fluentBit.config.service }}
{{- if lt (int $svc.schedulerCap) (int $svc.schedulerBase) }}
{{- fail (printf "fluentBit.config.service.schedulerCap (%d) must be at least fluentBit.config.service.schedulerBase (%d): the cap is the longest wait between retries" (int $svc.schedulerCap) (int $svc.schedulerBase)) }}
{{- end }}
{{- $retries := $v.fluentBit.config.output.retryLimit }}
{{- if and (ne (toString $retries) "no_limits") (lt (mul (int $retries) (int $svc.schedulerBase)) 1800) }}
{{- fail (printf "fluentBit.config.output.retryLimit (%d) with fluentBit.config.service.schedulerBase (%d s) guarantees only %d s of retries, so a 30-minute OpenSearch outage could give chunks up: use no_limits or at least %d retries" (int $retries) (int $svc.schedulerBase) (mul (int $retries) (int $svc.schedulerBase)) (div (add 1799 (int $svc.schedulerBase)) (int $svc.schedulerBase))) }}
{{- end }}
{{- $b := $v.bootstrap }}
{{- if $b.enabled }}
{{- if include "loglift.dashboards.url" . }}
{{- /* The bootstrap waits for OpenSearch, then for Dashboards: both waits must end before the Job is killed. */}}
{{- if ge (add (int $b.waitSeconds) (int $b.dashboards.waitSeconds)) (int $b.activeDeadlineSeconds) }}
{{- fail (printf "bootstrap.waitSeconds (%d) + bootstrap.dashboards.waitSeconds (%d) = %d must be less than bootstrap.activeDeadlineSeconds (%d) so the bootstrap reports a timeout before the Job is killed" (int $b.waitSeconds) (int $b.dashboards.waitSeconds) (add (int $b.waitSeconds) (int $b.dashboards.waitSeconds)) (int $b.activeDeadlineSeconds)) }}
{{- end }}
{{- else if ge (int $b.waitSeconds) (int $b.activeDeadlineSeconds) }}
{{- fail (printf "bootstrap.waitSeconds (%d) must be less than bootstrap.activeDeadlineSeconds (%d) so the bootstrap reports a timeout before the Job is killed" (int $b.waitSeconds) (int $b.activeDeadlineSeconds)) }}
{{- end }}
{{- end }}
{{- if and $v.tests.enabled (not $v.taskService.enabled) (not $v.tests.serviceUrl) }}
{{- fail "tests.enabled needs a task-service to call: enable taskService or set tests.serviceUrl (or set tests.enabled=false)" }}
{{- end }}
{{- if and $v.taskService.podDisruptionBudget.enabled $v.taskService.enabled (ge (int $v.taskService.podDisruptionBudget.minAvailable) (int $v.taskService.replicaCount)) }}
{{- fail (printf "taskService.podDisruptionBudget.minAvailable (%d) must be less than taskService.replicaCount (%d), or no node could ever be drained" (int $v.taskService.podDisruptionBudget.minAvailable) (int $v.taskService.replicaCount)) }}
{{- end }}
{{- include "loglift.validate.routing" . }}
{{- end }}

{{/*
routing.groups rules beyond the schema, with the messages of routingProblems in packages/log-schema
where both check the same thing.
*/}}
{{- define "loglift.validate.routing" -}}
{{- $v := .Values }}
{{- $owner := dict }}
{{- $retention := dict }}
{{- range $group := (include "loglift.routing.groups" . | fromYaml).groups }}
{{- range $group.namespaces }}
{{- $first := get $owner . }}
{{- if and $first (ne $first $group.name) }}
{{- fail (printf "routing.groups: namespace %q is in groups %q and %q; a namespace belongs to one group" . $first $group.name) }}
{{- end }}
{{- $_ := set $owner . $group.name }}
{{- end }}
{{- $days := int (default $v.bootstrap.logs.retention.deleteAfterDays $group.group.retentionDays) }}
{{- with get $retention $group.stream }}
{{- if ne (int .days) $days }}
{{- fail (printf "routing.groups: groups %q and %q share the stream %q but not its retention (%d and %d days): set the same retentionDays" .group $group.name $group.stream (int .days) $days) }}
{{- end }}
{{- end }}
{{- $_ := set $retention $group.stream (dict "group" $group.name "days" $days) }}
{{- if and $group.group.tenant (has $group.name (list "global" "private")) }}
{{- fail (printf "routing.groups.%s.tenant: %q is a built-in Dashboards tenant; name the group otherwise to give it a tenant" $group.name $group.name) }}
{{- end }}
{{- end }}
{{- if and $v.routing.groups (eq $v.opensearch.aws.service "aoss") }}
{{- fail "routing.groups is not available with opensearch.aws.service=aoss: OpenSearch Serverless has no roles or tenants for the bootstrap to set up per group" }}
{{- end }}
{{- end }}
