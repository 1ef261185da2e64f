{{/* The pod template of a producer run (Job and CronJob). Usage: (list . args) */}}
{{- define "nba-scraper.producerPod" -}}
{{- $root := index . 0 }}
{{- $args := index . 1 }}
{{- $p := $root.Values.producer -}}
metadata:
  labels:
    {{- include "nba-scraper.labels" (list $root "producer") | trim | nindent 4 }}
  annotations:
    {{- include "nba-scraper.checksums" $root | trim | nindent 4 }}
    {{- with $p.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  # Never: the Job's backoffLimit retries in a new pod (e.g. while Redis is still starting).
  restartPolicy: Never
  serviceAccountName: {{ include "nba-scraper.serviceAccountName" $root }}
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: producer
      image: {{ include "nba-scraper.image" $root }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      args:
        {{- range $args }}
        - {{ . | quote }}
        {{- end }}
      {{- include "nba-scraper.appEnv" $root | trim | nindent 6 }}
      resources:
        {{- toYaml $p.resources | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.containerSecurityContext | nindent 8 }}
      volumeMounts:
        {{- include "nba-scraper.appVolumeMounts" $root | trim | nindent 8 }}
  volumes:
    {{- include "nba-scraper.appVolumes" $root | trim | nindent 4 }}
  {{- with $p.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $p.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
