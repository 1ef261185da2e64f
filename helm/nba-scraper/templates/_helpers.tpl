{{/*
Names, labels, images and the settings every app container gets.
*/}}

{{- define "nba-scraper.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "nba-scraper.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of a component's objects: <fullname>-<component>. Usage: include "nba-scraper.componentName" (list . "worker") */}}
{{- define "nba-scraper.componentName" -}}
{{- $root := index . 0 }}
{{- printf "%s-%s" (include "nba-scraper.fullname" $root) (index . 1) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "nba-scraper.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels: stable for the life of a release, never anything that changes on upgrade. Usage: (list . "worker") */}}
{{- define "nba-scraper.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "nba-scraper.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* All labels of a component's objects. Usage: (list . "worker") */}}
{{- define "nba-scraper.labels" -}}
{{- $root := index . 0 -}}
helm.sh/chart: {{ include "nba-scraper.chart" $root }}
{{ include "nba-scraper.selectorLabels" . }}
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: nba-scraper
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
{{- with $root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* metadata.annotations of every object (commonAnnotations), or nothing. */}}
{{- define "nba-scraper.annotations" -}}
{{- with .Values.commonAnnotations }}
{{- printf "\nannotations:\n%s" (toYaml . | indent 2) | indent 2 }}
{{- end }}
{{- end }}

{{- define "nba-scraper.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "nba-scraper.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* An image reference from {registry, repository, tag, digest}. Usage: (list .Values.image .Chart.AppVersion) */}}
{{- define "nba-scraper.imageRef" -}}
{{- $img := index . 0 }}
{{- $repo := $img.repository }}
{{- if $img.registry }}{{ $repo = printf "%s/%s" $img.registry $img.repository }}{{ end }}
{{- if $img.digest }}
{{- printf "%s@%s" $repo $img.digest }}
{{- else }}
{{- printf "%s:%s" $repo (toString (default (index . 1) $img.tag)) }}
{{- end }}
{{- end }}

{{- define "nba-scraper.image" -}}
{{- include "nba-scraper.imageRef" (list .Values.image .Chart.AppVersion) }}
{{- end }}

{{/* Is an API version available: reported by the cluster, or assumed by values (offline rendering). Usage: (list . "monitoring.coreos.com/v1") */}}
{{- define "nba-scraper.hasAPI" -}}
{{- $root := index . 0 }}
{{- $api := index . 1 }}
{{- if or ($root.Capabilities.APIVersions.Has $api) (has $api $root.Values.assumeAPIVersions) }}true{{ end }}
{{- end }}

{{/* ---------------------------------------------------------------------------------------- */}}
{{/* Credentials                                                                              */}}

{{- define "nba-scraper.secretName" -}}
{{- default (include "nba-scraper.componentName" (list . "credentials")) .Values.secrets.existingSecret }}
{{- end }}

{{/*
A password: the value, else the one already in the release's Secret (kept across upgrades), else
a new random one. Computed once per render (memoised) so that the Secret and the URLs agree.
Usage: include "nba-scraper.password" (list . "redis" .Values.redis.auth.password)
*/}}
{{- define "nba-scraper.password" -}}
{{- $root := index . 0 }}
{{- $which := index . 1 }}
{{- $given := index . 2 }}
{{- $cache := $root.Values.__generatedPasswords | default dict }}
{{- if not (hasKey $cache $which) }}
{{- $value := $given }}
{{- if not $value }}
{{- $key := ternary $root.Values.secrets.keys.redisPassword $root.Values.secrets.keys.postgresPassword (eq $which "redis") }}
{{- $existing := lookup "v1" "Secret" $root.Release.Namespace (include "nba-scraper.secretName" $root) }}
{{- if and $existing $existing.data (hasKey $existing.data $key) }}
{{- $value = index $existing.data $key | b64dec }}
{{- else }}
{{- $value = randAlphaNum 32 }}
{{- end }}
{{- end }}
{{- $_ := set $cache $which $value }}
{{- $_ := set $root.Values "__generatedPasswords" $cache }}
{{- end }}
{{- index $cache $which }}
{{- end }}

{{- define "nba-scraper.redisHost" -}}
{{- include "nba-scraper.componentName" (list . "redis") }}
{{- end }}

{{- define "nba-scraper.postgresqlHost" -}}
{{- include "nba-scraper.componentName" (list . "postgresql") }}
{{- end }}

{{/* REDIS_URL when the chart creates the Secret. */}}
{{- define "nba-scraper.redisUrl" -}}
{{- if .Values.redis.enabled }}
{{- if .Values.redis.auth.enabled }}
{{- printf "redis://:%s@%s:6379/0" (include "nba-scraper.password" (list . "redis" .Values.redis.auth.password) | urlquery) (include "nba-scraper.redisHost" .) }}
{{- else }}
{{- printf "redis://%s:6379/0" (include "nba-scraper.redisHost" .) }}
{{- end }}
{{- else }}
{{- .Values.externalRedis.url }}
{{- end }}
{{- end }}

{{/* STORE_URL for PostgreSQL stores when the chart creates the Secret. */}}
{{- define "nba-scraper.storeUrl" -}}
{{- if eq .Values.store.type "postgresql" }}
{{- $a := .Values.postgresql.auth }}
{{- printf "postgres://%s:%s@%s:5432/%s" ($a.username | urlquery) (include "nba-scraper.password" (list . "postgresql" $a.password) | urlquery) (include "nba-scraper.postgresqlHost" .) $a.database }}
{{- else if eq .Values.store.type "external" }}
{{- .Values.externalDatabase.url }}
{{- end }}
{{- end }}


{{/* ---------------------------------------------------------------------------------------- */}}
{{/* App settings                                                                             */}}

{{/*
The environment of every app container, as a map of name -> value (the ConfigMap's data):
values.config plus the settings the chart manages. Secrets (REDIS_URL, STORE_URL) are not here.
*/}}
{{- define "nba-scraper.configData" -}}
{{- $env := dict }}
{{- range $k, $v := .Values.config }}
{{- $_ := set $env $k (toString $v) }}
{{- end }}
{{- $_ := set $env "METRICS_HOST" "0.0.0.0" }}
{{- $_ := set $env "METRICS_PORT" (toString .Values.metrics.port) }}
{{- $_ := set $env "WORKER_CONCURRENCY" (toString .Values.worker.concurrency) }}
{{- if .Values.redis.enabled }}
{{- $_ := set $env "REDIS_MODE" "standalone" }}
{{- else }}
{{- $_ := set $env "REDIS_MODE" .Values.externalRedis.mode }}
{{- if eq .Values.externalRedis.mode "sentinel" }}
{{- $_ := set $env "REDIS_SENTINELS" (join "," .Values.externalRedis.sentinels) }}
{{- $_ := set $env "REDIS_SENTINEL_MASTER" .Values.externalRedis.sentinelMaster }}
{{- else if and (eq .Values.externalRedis.mode "cluster") .Values.externalRedis.clusterNodes }}
{{- $_ := set $env "REDIS_CLUSTER_NODES" (join "," .Values.externalRedis.clusterNodes) }}
{{- end }}
{{- end }}
{{- if eq .Values.store.type "file" }}
{{- $_ := set $env "STORE_URL" (printf "file://%s" .Values.store.file.mountPath) }}
{{- end }}
{{- toYaml $env }}
{{- end }}

{{/* env + envFrom of an app container. */}}
{{- define "nba-scraper.appEnv" -}}
envFrom:
  - configMapRef:
      name: {{ include "nba-scraper.componentName" (list . "config") }}
env:
  - name: REDIS_URL
    valueFrom:
      secretKeyRef:
        name: {{ include "nba-scraper.secretName" . }}
        key: {{ .Values.secrets.keys.redisUrl }}
  {{- if ne .Values.store.type "file" }}
  - name: STORE_URL
    valueFrom:
      secretKeyRef:
        name: {{ include "nba-scraper.secretName" . }}
        key: {{ .Values.secrets.keys.storeUrl }}
  {{- end }}
{{- end }}

{{/* Pod annotations that roll the pods when their settings change. */}}
{{- define "nba-scraper.checksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
{{- if not .Values.secrets.existingSecret }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end }}
{{- end }}

{{/* Volumes of an app pod: /tmp (the only writable path besides the file store). */}}
{{- define "nba-scraper.appVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpVolumeSizeLimit }}
{{- end }}

{{- define "nba-scraper.appVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* The HTTP probes of a worker or exporter container, on the metrics port. */}}
{{- define "nba-scraper.probes" -}}
{{- $p := index . 1 }}
{{- if $p.startupProbe.enabled }}
startupProbe:
  httpGet:
    path: /healthz
    port: metrics
  periodSeconds: {{ $p.startupProbe.periodSeconds }}
  timeoutSeconds: {{ $p.startupProbe.timeoutSeconds }}
  failureThreshold: {{ $p.startupProbe.failureThreshold }}
{{- end }}
{{- if $p.livenessProbe.enabled }}
livenessProbe:
  httpGet:
    path: /healthz
    port: metrics
  periodSeconds: {{ $p.livenessProbe.periodSeconds }}
  timeoutSeconds: {{ $p.livenessProbe.timeoutSeconds }}
  failureThreshold: {{ $p.livenessProbe.failureThreshold }}
{{- end }}
{{- if $p.readinessProbe.enabled }}
readinessProbe:
  httpGet:
    path: /readyz
    port: metrics
  periodSeconds: {{ $p.readinessProbe.periodSeconds }}
  timeoutSeconds: {{ $p.readinessProbe.timeoutSeconds }}
  failureThreshold: {{ $p.readinessProbe.failureThreshold }}
{{- end }}
{{- end }}

{{/* ---------------------------------------------------------------------------------------- */}}
{{/* Autoscaling                                                                              */}}

{{/* Label matchers of the autoscaled queue's series: this release's namespace and autoscaling.queue. */}}
{{- define "nba-scraper.autoscalingSelector" -}}
{{- printf "namespace=%q,queue=%q" .Release.Namespace .Values.autoscaling.queue }}
{{- end }}

{{/*
The autoscaling signal, one series per namespace and queue: over the hosts of the queue, the
exporter's serviceable backlog capped at what its useful workers absorb,
  sum over hosts of min(nba_scraper_queue_serviceable_backlog, jobsPerReplica x nba_scraper_queue_useful_workers)
(`a <= b or b` is PromQL's element-wise min; `max by` drops the duplicates of an exporter rollout).
With an AverageValue target of jobsPerReplica, desired = ceil(signal / jobsPerReplica). The KEDA
trigger queries it; in hpa mode the chart records it for prometheus-adapter.
*/}}
{{- define "nba-scraper.autoscalingQuery" -}}
{{- $sel := include "nba-scraper.autoscalingSelector" . }}
{{- $backlog := printf "max by (namespace, queue, host) (nba_scraper_queue_serviceable_backlog{%s})" $sel }}
{{- $absorbed := printf "%d * max by (namespace, queue, host) (nba_scraper_queue_useful_workers{%s})" (int .Values.autoscaling.jobsPerReplica) $sel }}
{{- printf "sum by (namespace, queue) ((%s <= %s) or %s)" $backlog $absorbed $absorbed }}
{{- end }}

{{/* The series prometheus-adapter serves (files/prometheus-adapter-values.yaml). */}}
{{- define "nba-scraper.autoscalingRecord" -}}
queue:nba_scraper_autoscaling_backlog:sum
{{- end }}

{{/* KEDA's activation: 1 while more than activationBacklog jobs wait (servable now or not), else 0. */}}
{{- define "nba-scraper.autoscalingPendingQuery" -}}
{{- printf "sum(max by (namespace, queue, state) (nba_scraper_queue_jobs{%s,state=~\"waiting|prioritized\"})) > bool %d" (include "nba-scraper.autoscalingSelector" .) (int .Values.autoscaling.keda.activationBacklog) }}
{{- end }}

{{/* The HPA behavior shared by the HPA and the ScaledObject. */}}
{{- define "nba-scraper.hpaBehavior" -}}
scaleUp:
  stabilizationWindowSeconds: {{ .Values.autoscaling.scaleUp.stabilizationWindowSeconds }}
  selectPolicy: Max
  policies:
    - type: Pods
      value: {{ .Values.autoscaling.scaleUp.podsPerMinute }}
      periodSeconds: 60
scaleDown:
  stabilizationWindowSeconds: {{ .Values.autoscaling.scaleDown.stabilizationWindowSeconds }}
  selectPolicy: Max
  policies:
    - type: Pods
      value: {{ .Values.autoscaling.scaleDown.podsPerPeriod }}
      periodSeconds: {{ .Values.autoscaling.scaleDown.periodSeconds }}
{{- end }}
