{{/*
Checks of the values that a schema cannot express. Collects every problem and fails once, with
all of them, so that an operator fixes everything in one go.
*/}}
{{- define "nba-scraper.validateValues" -}}
{{- $problems := list }}
{{- $v := .Values }}

{{- $budget := int (default 25000 $v.config.SHUTDOWN_BUDGET_MS) }}
{{- range $role := list "worker" "exporter" }}
{{- $grace := int (index $v $role).terminationGracePeriodSeconds }}
{{- if lt (mul $grace 1000) (add $budget 5000) }}
{{- $problems = append $problems (printf "%s.terminationGracePeriodSeconds (%d s) must exceed config.SHUTDOWN_BUDGET_MS (%d ms) by at least 5 s, or running jobs are killed before they are handed back" $role $grace $budget) }}
{{- end }}
{{- end }}

{{- $managed := list "REDIS_URL" "STORE_URL" "REDIS_MODE" "REDIS_SENTINELS" "REDIS_SENTINEL_MASTER" "REDIS_CLUSTER_NODES" "METRICS_HOST" "METRICS_PORT" "WORKER_CONCURRENCY" }}
{{- range $k, $_ := $v.config }}
{{- if has $k $managed }}
{{- $problems = append $problems (printf "config.%s is set by the chart: use the value that manages it (README: Application settings)" $k) }}
{{- end }}
{{- end }}

{{- if le (int $v.metrics.port) 0 }}
{{- $problems = append $problems "metrics.port must be a real port: the probes and Prometheus use it" }}
{{- end }}

{{- $mode := $v.autoscaling.mode }}
{{- if ne $mode "none" }}
{{- if gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas) }}
{{- $problems = append $problems (printf "autoscaling.minReplicas (%d) is above autoscaling.maxReplicas (%d)" (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- end }}
{{- if and (eq (int $v.autoscaling.minReplicas) 0) (ne $mode "keda") }}
{{- $problems = append $problems "autoscaling.minReplicas 0 (scale to zero) needs autoscaling.mode=keda" }}
{{- end }}
{{- end }}
{{- if and (eq $mode "keda") (not (include "nba-scraper.hasAPI" (list . "keda.sh/v1alpha1"))) }}
{{- $problems = append $problems "autoscaling.mode=keda but the cluster has no keda.sh/v1alpha1 API: install KEDA (>= 2.12), or add keda.sh/v1alpha1 to assumeAPIVersions when rendering offline" }}
{{- end }}
{{- if and (ne $mode "none") (not $v.exporter.enabled) }}
{{- $problems = append $problems (printf "autoscaling.mode=%s scales on the exporter's serviceable backlog: set exporter.enabled=true" $mode) }}
{{- end }}
{{- if and (eq $mode "hpa") (not (include "nba-scraper.hasAPI" (list . "monitoring.coreos.com/v1"))) }}
{{- $problems = append $problems "autoscaling.mode=hpa: prometheus-adapter serves the series the chart records with a PrometheusRule, but the cluster has no monitoring.coreos.com/v1 API: install the Prometheus Operator, or add monitoring.coreos.com/v1 to assumeAPIVersions when rendering offline" }}
{{- end }}
{{- if and (eq $mode "keda") (not $v.autoscaling.keda.serverAddress) }}
{{- $problems = append $problems "autoscaling.mode=keda: set autoscaling.keda.serverAddress (the Prometheus that scrapes the exporter)" }}
{{- end }}
{{- range $v.worker.extraArgs }}
{{- if regexMatch "^(-c[0-9=]*|--concurrency(=.*)?)$" (toString .) }}
{{- $problems = append $problems "worker.extraArgs sets the concurrency: use worker.concurrency (WORKER_CONCURRENCY), which the exporter also reads to count the useful workers" }}
{{- end }}
{{- end }}

{{- if not $v.redis.enabled }}
{{- if and (not $v.externalRedis.url) (not $v.secrets.existingSecret) }}
{{- $problems = append $problems "redis.enabled=false: set externalRedis.url, or secrets.existingSecret holding the Redis URL" }}
{{- end }}
{{- if and (eq $v.externalRedis.mode "sentinel") (not $v.externalRedis.sentinels) }}
{{- $problems = append $problems "externalRedis.mode=sentinel needs externalRedis.sentinels (host:port of each sentinel)" }}
{{- end }}
{{- else if $v.externalRedis.url }}
{{- $problems = append $problems "externalRedis.url is set while redis.enabled=true: choose one Redis" }}
{{- end }}

{{- if and (eq $v.store.type "external") (not $v.externalDatabase.url) (not $v.secrets.existingSecret) }}
{{- $problems = append $problems "store.type=external: set externalDatabase.url, or secrets.existingSecret holding the PostgreSQL URL" }}
{{- end }}
{{- if and (ne $v.store.type "external") $v.externalDatabase.url }}
{{- $problems = append $problems (printf "externalDatabase.url is set while store.type=%s: set store.type=external to use it" $v.store.type) }}
{{- end }}
{{- if and (eq $v.store.type "file") (not $v.store.file.existingClaim) (or (gt (int $v.worker.replicaCount) 1) (and (ne $mode "none") (gt (int $v.autoscaling.maxReplicas) 1))) }}
{{- $problems = append $problems "store.type=file with more than one worker needs store.file.existingClaim (a ReadWriteMany volume): otherwise each pod writes its own emptyDir" }}
{{- end }}

{{- if $problems }}
{{- fail (printf "\n\nInvalid values for the nba-scraper chart:\n  - %s\n" (join "\n  - " $problems)) }}
{{- end }}
{{- end }}
