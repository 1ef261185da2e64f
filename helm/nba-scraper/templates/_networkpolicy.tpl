{{/* Rules shared by the NetworkPolicies. */}}
{{- define "nba-scraper.np.egressDns" -}}
- ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
  {{- with .Values.networkPolicy.dns.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- define "nba-scraper.np.egressRedis" -}}
{{- if .Values.redis.enabled }}
- to:
    - podSelector:
        matchLabels:
          {{- include "nba-scraper.selectorLabels" (list . "redis") | trim | nindent 10 }}
  ports:
    - port: 6379
      protocol: TCP
{{- else }}
- ports:
    {{- range .Values.networkPolicy.externalRedis.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- with .Values.networkPolicy.externalRedis.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}
{{/* The store: the chart's PostgreSQL, or an external one (nothing for a file store). */}}
{{- define "nba-scraper.np.egressStore" -}}
{{- if eq .Values.store.type "postgresql" }}
- to:
    - podSelector:
        matchLabels:
          {{- include "nba-scraper.selectorLabels" (list . "postgresql") | trim | nindent 10 }}
  ports:
    - port: 5432
      protocol: TCP
{{- else if eq .Values.store.type "external" }}
- ports:
    {{- range .Values.networkPolicy.externalDatabase.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- with .Values.networkPolicy.externalDatabase.to }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}
{{- define "nba-scraper.np.metricsIngress" -}}
- from:
    {{- toYaml .Values.networkPolicy.metricsFrom | nindent 4 }}
  ports:
    - port: metrics
      protocol: TCP
{{- end }}
