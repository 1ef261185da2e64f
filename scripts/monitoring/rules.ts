/**
 * Recording rules and alerts, as data. Recording rules are named `level:metric:operations`
 * (kubernetes-mixin): the labels kept, the metric, what was done to it. Every alert has a
 * severity (info, warning, critical), a summary, a description, a runbook_url (an anchor of
 * monitoring/runbook.md) and a `for`. Values global to the system come from the exporter; they are
 * aggregated with `max` (not `sum`), so that two exporters during a rollout do not double them.
 */
import { MONITORING, runbookUrl } from './config.ts';

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export type Severity = 'info' | 'warning' | 'critical';

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: Severity };
  annotations: { summary: string; description: string; runbook_url: string };
}

export interface RuleGroup<R> {
  name: string;
  rules: R[];
}

const T = MONITORING.thresholds;
const WORKER_UP = `up{job="${MONITORING.workerJob}"}`;
const EXPORTER_UP = `up{job="${MONITORING.exporterJob}"}`;
const REDIS = MONITORING.redisSelector;

function quantiles(
  record: string,
  by: string,
  bucket: string,
  window: string,
  qs: readonly number[],
): RecordingRule[] {
  return qs.map((q) => ({
    record,
    expr: `histogram_quantile(${q}, sum by (${by}, le) (rate(${bucket}[${window}])))`,
    labels: { quantile: String(q) },
  }));
}

export const RECORDING_RULES: RuleGroup<RecordingRule>[] = [
  {
    name: 'nba-scraper.queue.rules',
    rules: [
      {
        record: 'queue_state:nba_scraper_queue_jobs:max',
        expr: 'max by (namespace, queue, state) (nba_scraper_queue_jobs)',
      },
      {
        // The autoscaling signal: jobs waiting for a worker (an External metric, never per pod).
        record: 'queue:nba_scraper_queue_backlog:max',
        expr: 'sum by (namespace, queue) (max by (namespace, queue, state) (nba_scraper_queue_jobs{state=~"waiting|prioritized"}))',
      },
      {
        record: 'queue_kind:nba_scraper_jobs_completed:rate5m',
        expr: 'sum by (namespace, queue, kind) (rate(nba_scraper_jobs_completed_total[5m]))',
      },
      {
        record: 'queue_kind_code:nba_scraper_jobs_failed:rate5m',
        expr: 'sum by (namespace, queue, kind, code) (rate(nba_scraper_jobs_failed_total[5m]))',
      },
      {
        record: 'queue_kind_code:nba_scraper_jobs_retried:rate5m',
        expr: 'sum by (namespace, queue, kind, code) (rate(nba_scraper_jobs_retried_total[5m]))',
      },
      ...quantiles(
        'queue_kind_quantile:nba_scraper_job_duration_seconds:histogram_quantile5m',
        'namespace, queue, kind',
        'nba_scraper_job_duration_seconds_bucket{outcome="completed"}',
        '5m',
        [0.5, 0.95, 0.99],
      ),
      {
        record: 'queue:nba_scraper_worker_utilisation:ratio',
        expr: 'sum by (namespace, queue) (nba_scraper_worker_active_jobs) / sum by (namespace, queue) (nba_scraper_worker_concurrency)',
      },
    ],
  },
  {
    name: 'nba-scraper.scraping.rules',
    rules: [
      {
        record: 'host_status_class:nba_scraper_http_requests:rate5m',
        expr: 'sum by (namespace, host, status_class) (rate(nba_scraper_http_requests_total[5m]))',
      },
      {
        record: 'host:nba_scraper_http_requests_errors:ratio_rate5m',
        expr: [
          'sum by (namespace, host) (rate(nba_scraper_http_requests_total{status_class=~"4xx|5xx|error"}[5m]))',
          '/',
          'sum by (namespace, host) (rate(nba_scraper_http_requests_total[5m]))',
        ].join('\n'),
      },
      {
        record: 'host_code:nba_scraper_fetch_errors:rate5m',
        expr: 'sum by (namespace, host, code) (rate(nba_scraper_fetch_errors_total[5m]))',
      },
      ...quantiles(
        'host_quantile:nba_scraper_fetch_duration_seconds:histogram_quantile5m',
        'namespace, host',
        'nba_scraper_fetch_duration_seconds_bucket',
        '5m',
        [0.5, 0.95, 0.99],
      ),
      {
        record: 'host:nba_scraper_politeness_wait_seconds:mean5m',
        expr: [
          'sum by (namespace, host) (rate(nba_scraper_politeness_wait_seconds_sum[5m]))',
          '/',
          'sum by (namespace, host) (rate(nba_scraper_politeness_wait_seconds_count[5m]))',
        ].join('\n'),
      },
    ],
  },
  {
    name: 'nba-scraper.seasons.rules',
    rules: [
      {
        record: 'queue_season:nba_scraper_season_boxscores_remaining:max',
        expr: 'max by (namespace, queue, season) (nba_scraper_season_boxscores_expected - nba_scraper_season_boxscores_done)',
      },
      {
        record: 'queue_season:nba_scraper_season_boxscores_done:deriv10m',
        expr: 'max by (namespace, queue, season) (deriv(nba_scraper_season_boxscores_done[10m]))',
      },
      {
        // 0 when nothing is left; no value while nothing progresses (no estimate).
        record: 'queue_season:nba_scraper_season_eta_seconds:deriv10m',
        expr: [
          '(queue_season:nba_scraper_season_boxscores_remaining:max == 0)',
          'or',
          '(queue_season:nba_scraper_season_boxscores_remaining:max / (queue_season:nba_scraper_season_boxscores_done:deriv10m > 0))',
        ].join('\n'),
      },
      {
        // From the store (the completeness ledger): played games without a stored box score.
        record: 'season:nba_scraper_dataset_boxscores_missing:max',
        expr: 'max by (namespace, season) (nba_scraper_dataset_boxscores_expected - nba_scraper_dataset_boxscores_stored)',
      },
    ],
  },
];

function alert(
  name: string,
  severity: Severity,
  forDuration: string,
  expr: string,
  summary: string,
  description: string,
): AlertRule {
  return {
    alert: name,
    expr,
    for: forDuration,
    labels: { severity },
    annotations: { summary, description, runbook_url: runbookUrl(name) },
  };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const minutes = (d: string): string => {
  const m = /^(\d+)([mh])$/.exec(d);
  if (!m) throw new Error(`not a duration in m or h: ${d}`);
  return `${Number(m[1]) * (m[2] === 'h' ? 60 : 1)} minutes`;
};

export const ALERTS: RuleGroup<AlertRule>[] = [
  {
    name: 'nba-scraper.alerts',
    rules: [
      alert(
        'NbaScraperNoWorkerUp',
        'critical',
        '5m',
        [
          'sum by (namespace, queue) (queue_state:nba_scraper_queue_jobs:max{state=~"waiting|prioritized|delayed|active"}) > 0',
          'unless on (namespace)',
          `count by (namespace) (${WORKER_UP} == 1)`,
        ].join('\n'),
        'Jobs are queued and no nba-scraper worker is up.',
        '{{ $value }} jobs of queue {{ $labels.queue }} in {{ $labels.namespace }} wait or are active, and no worker target has been up for 5 minutes: nothing is being scraped.',
      ),
      alert(
        'NbaScraperExporterDown',
        'warning',
        '5m',
        [
          `count by (namespace) (up{job=~"${MONITORING.workerJob}|${MONITORING.exporterJob}"})`,
          'unless on (namespace)',
          `count by (namespace) (${EXPORTER_UP} == 1)`,
        ].join('\n'),
        'The nba-scraper exporter is down: queue and season numbers are missing.',
        'No exporter target in {{ $labels.namespace }} has been up for 5 minutes. Queue counts, per-season progress and host holds are not exported; dashboards and backlog alerts are blind, and a backlog-based autoscaler reading them stops scaling.',
      ),
      alert(
        'NbaScraperExporterStale',
        'warning',
        '5m',
        `time() - max by (namespace) (nba_scraper_exporter_last_success_timestamp_seconds) > ${T.exporterStaleSeconds}`,
        'The nba-scraper exporter cannot read Redis.',
        'The exporter in {{ $labels.namespace }} last read the queues from Redis {{ $value | humanizeDuration }} ago; its queue and season series have been dropped.',
      ),
      alert(
        'NbaScraperBacklogNotDraining',
        'warning',
        T.backlogStallFor,
        [
          'queue:nba_scraper_queue_backlog:max > 0',
          'unless on (namespace, queue)',
          `sum by (namespace, queue) (increase(nba_scraper_jobs_completed_total[${T.backlogStallWindow}])) > 0`,
        ].join('\n'),
        'Jobs wait but none completes.',
        '{{ $value }} jobs wait in queue {{ $labels.queue }} ({{ $labels.namespace }}) and no job has completed for 10 minutes.',
      ),
      alert(
        'NbaScraperErrorRateHigh',
        'warning',
        '10m',
        `host:nba_scraper_http_requests_errors:ratio_rate5m > ${T.errorRatioWarning}`,
        `More than ${pct(T.errorRatioWarning)} of the requests to a source host fail.`,
        '{{ $value | humanizePercentage }} of the requests to {{ $labels.host }} ({{ $labels.namespace }}) failed over the last 5 minutes (4xx, 5xx or no answer).',
      ),
      alert(
        'NbaScraperErrorRateCritical',
        'critical',
        '10m',
        `host:nba_scraper_http_requests_errors:ratio_rate5m > ${T.errorRatioCritical}`,
        `More than ${pct(T.errorRatioCritical)} of the requests to a source host fail.`,
        '{{ $value | humanizePercentage }} of the requests to {{ $labels.host }} ({{ $labels.namespace }}) failed over the last 5 minutes (4xx, 5xx or no answer).',
      ),
      alert(
        'NbaScraperBreakerOpen',
        'warning',
        '5m',
        'max by (namespace, host) (nba_scraper_breaker_state) > 0',
        'A circuit breaker for a source host stays open.',
        "A worker's circuit breaker for {{ $labels.host }} ({{ $labels.namespace }}) has been open or half-open for 5 minutes: the host's jobs are paused.",
      ),
      alert(
        'NbaScraperRateLimited',
        'warning',
        '1m',
        'sum by (namespace, host) (increase(nba_scraper_rate_limited_total[5m])) > 0',
        'The source site answers 429 Too Many Requests.',
        '{{ $labels.host }} answered {{ $value | humanize }} times 429 (or 503 with Retry-After) in the last 5 minutes ({{ $labels.namespace }}): we exceed its limit. The queue pauses each time; a site that keeps seeing it blocks us.',
      ),
      alert(
        'NbaScraperBlocked',
        'critical',
        '1m',
        [
          'sum by (namespace, host) (increase(nba_scraper_blocked_total[15m])) > 0',
          'or',
          'max by (namespace, host) (nba_scraper_host_hold_remaining_seconds{kind="blocked"}) > 0',
        ].join('\n'),
        'The source site refused us (403 or a block page).',
        '{{ $labels.host }} refused our requests ({{ $labels.namespace }}): no worker sends it anything until the hold (BLOCK_BACKOFF_MS, 1 h by default) ends.',
      ),
      alert(
        'NbaScraperStalledJobsRecovered',
        'info',
        '1m',
        'sum by (namespace, queue) (increase(nba_scraper_stalled_jobs_recovered_total[15m])) > 0',
        'Jobs of a dead worker were put back in the queue.',
        '{{ $value | humanize }} jobs of queue {{ $labels.queue }} ({{ $labels.namespace }}) lost their worker (killed, OOM, node lost, or an event loop stalled past the lock) in the last 15 minutes and were retried.',
      ),
      alert(
        'NbaScraperStalledJobsRising',
        'warning',
        '5m',
        `sum by (namespace, queue) (increase(nba_scraper_stalled_jobs_recovered_total[15m])) > ${T.stalledWarning}`,
        'Workers keep dying with jobs in hand.',
        '{{ $value | humanize }} jobs of queue {{ $labels.queue }} ({{ $labels.namespace }}) stalled in the last 15 minutes. A job that stalls more than MAX_STALLED_COUNT times in a row without progress fails for good.',
      ),
      alert(
        'NbaScraperJobsFailingForGood',
        'warning',
        '1m',
        'sum by (namespace, queue, kind, code) (increase(nba_scraper_jobs_failed_total[15m])) > 0',
        'Jobs fail for good.',
        '{{ $value | humanize }} {{ $labels.kind }} jobs of queue {{ $labels.queue }} ({{ $labels.namespace }}) failed for good with {{ $labels.code }} in the last 15 minutes; they stay failed until re-driven with `nba-scraper retry-failed`.',
      ),
      alert(
        'NbaScraperRedisDown',
        'critical',
        '1m',
        `redis_up{${REDIS}} == 0`,
        'Redis is down.',
        'redis_exporter cannot reach Redis ({{ $labels.namespace }}): workers cannot take or finish jobs; they reconnect on their own when it is back.',
      ),
      alert(
        'NbaScraperRedisUnreachable',
        'critical',
        '2m',
        'max by (namespace) (nba_scraper_redis_reachable) == 0',
        'No nba-scraper process can reach Redis.',
        'Every worker and the exporter in {{ $labels.namespace }} have failed to PING Redis for 2 minutes. Their liveness probes fail after HEALTH_REDIS_DOWN_MAX_MS and Kubernetes restarts them.',
      ),
      alert(
        'NbaScraperRedisMemoryHigh',
        'warning',
        '10m',
        `redis_memory_used_bytes{${REDIS}} / (redis_memory_max_bytes{${REDIS}} > 0) > ${T.redisMemoryWarning}`,
        `Redis uses more than ${pct(T.redisMemoryWarning)} of its maxmemory.`,
        'Redis ({{ $labels.namespace }}) uses {{ $value | humanizePercentage }} of maxmemory. With noeviction (required by BullMQ), writes fail when it is full and jobs fail with them.',
      ),
      alert(
        'NbaScraperRedisMemoryCritical',
        'critical',
        '5m',
        `redis_memory_used_bytes{${REDIS}} / (redis_memory_max_bytes{${REDIS}} > 0) > ${T.redisMemoryCritical}`,
        `Redis uses more than ${pct(T.redisMemoryCritical)} of its maxmemory.`,
        'Redis ({{ $labels.namespace }}) uses {{ $value | humanizePercentage }} of maxmemory. With noeviction (required by BullMQ), writes fail when it is full and jobs fail with them.',
      ),
      alert(
        'NbaScraperEventLoopLagHigh',
        'warning',
        '10m',
        lagExpr(T.eventLoopLagWarningRatio),
        'A worker event loop stalls for a large part of the job lock duration.',
        "Worker {{ $labels.pod }} ({{ $labels.namespace }}) stalled its event loop for {{ $value | humanizePercentage }} of LOCK_DURATION_MS within 5 minutes, again and again for 10 minutes. Past 100% it loses its jobs' locks and they run twice.",
      ),
      alert(
        'NbaScraperEventLoopLagCritical',
        'critical',
        '5m',
        lagExpr(T.eventLoopLagCriticalRatio),
        'A worker event loop stalls for nearly the job lock duration.',
        "Worker {{ $labels.pod }} ({{ $labels.namespace }}) stalled its event loop for {{ $value | humanizePercentage }} of LOCK_DURATION_MS within 5 minutes, again and again for 5 minutes. Past 100% it loses its jobs' locks and they run twice.",
      ),
      alert(
        'NbaScraperWorkerRestarting',
        'warning',
        '5m',
        `sum by (namespace, pod) (changes(nba_scraper_process_start_time_seconds[30m])) > ${T.restartsWarning}`,
        'An nba-scraper process keeps restarting.',
        '{{ $labels.pod }} ({{ $labels.namespace }}) restarted {{ $value | humanize }} times in 30 minutes.',
      ),
      alert(
        'NbaScraperDatasetIncomplete',
        'info',
        T.datasetIncompleteFor,
        [
          '(season:nba_scraper_dataset_boxscores_missing:max > 0)',
          'and on (namespace, season)',
          '(max by (namespace, season) (nba_scraper_season_state{state=~"completed|failed"}) == 1)',
          'unless on (namespace)',
          '(sum by (namespace) (queue_state:nba_scraper_queue_jobs:max{state=~"waiting|prioritized|active|delayed"}) > 0)',
        ].join('\n'),
        'A finished season still misses box scores in the store.',
        `The store of {{ $labels.namespace }} has been missing {{ $value }} box scores of played games of season {{ $labels.season }} for ${minutes(T.datasetIncompleteFor)}, though its season job finished and no job is queued: nothing will fetch them. Run \`nba-scraper reconcile --season {{ $labels.season }}\`.`,
      ),
      alert(
        'NbaScraperDatasetUnreadable',
        'warning',
        '5m',
        [
          'sum by (namespace) (increase(nba_scraper_exporter_dataset_read_errors_total[15m])) > 0',
          'and on (namespace)',
          `(time() - max by (namespace) (nba_scraper_exporter_dataset_last_success_timestamp_seconds) > ${T.datasetStaleSeconds})`,
        ].join('\n'),
        'The nba-scraper exporter cannot read the store.',
        `The exporter in {{ $labels.namespace }} failed {{ $value | humanize }} reads of the store in the last 15 minutes and has not read it for more than ${T.datasetStaleSeconds / 60} minutes: the nba_scraper_dataset_* series are dropped and NbaScraperDatasetIncomplete cannot fire.`,
      ),
      alert(
        'NbaScraperQueuePaused',
        'info',
        '15m',
        'max by (namespace, queue) (nba_scraper_queue_paused) == 1',
        'A queue is paused.',
        'Queue {{ $labels.queue }} ({{ $labels.namespace }}) has been paused for 15 minutes (someone paused it); no job of it runs until it is resumed.',
      ),
    ],
  },
];

function lagExpr(ratio: number): string {
  return [
    'max by (namespace, pod) (max_over_time(nba_scraper_nodejs_eventloop_lag_max_seconds[5m]))',
    '/ on (namespace, pod)',
    'max by (namespace, pod) (nba_scraper_worker_lock_duration_seconds)',
    `> ${ratio}`,
  ].join('\n');
}
