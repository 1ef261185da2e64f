/**
 * `promtool test rules` cases for every alert: each one silent just below its threshold and while
 * pending (before its `for`), and firing after, with the labels and the exact annotations it
 * carries. Plus checks of the recording rules the autoscaler and the dashboards rely on. Written as
 * data and rendered to monitoring/prometheus/tests/rules.test.yaml.
 */
import { runbookUrl } from './config.ts';
import { ALERTS } from './rules.ts';

interface ExpAlert {
  exp_labels: Record<string, string>;
  exp_annotations: { summary: string; description: string; runbook_url: string };
}

export interface AlertCheck {
  eval_time: string;
  alertname: string;
  exp_alerts: ExpAlert[];
}

export interface ExprCheck {
  expr: string;
  eval_time: string;
  exp_samples: { labels: string; value: number }[];
}

export interface RuleTest {
  name: string;
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test?: AlertCheck[];
  promql_expr_test?: ExprCheck[];
}

const ALERT_BY_NAME = new Map(ALERTS.flatMap((g) => g.rules).map((r) => [r.alert, r]));

function fires(alertname: string, labels: Record<string, string>, description: string): ExpAlert {
  const rule = ALERT_BY_NAME.get(alertname);
  if (!rule) throw new Error(`no alert ${alertname}`);
  return {
    exp_labels: { severity: rule.labels.severity, ...labels },
    exp_annotations: { summary: rule.annotations.summary, description, runbook_url: runbookUrl(alertname) },
  };
}

function silent(alertname: string, ...times: string[]): AlertCheck[] {
  return times.map((eval_time) => ({ eval_time, alertname, exp_alerts: [] }));
}

function check(eval_time: string, alertname: string, ...exp_alerts: ExpAlert[]): AlertCheck {
  return { eval_time, alertname, exp_alerts };
}

const S = (
  name: string,
  labels: Record<string, string>,
  values: string,
): { series: string; values: string } => ({
  series: `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`,
  values,
});

const W1 = { namespace: 'ns', pod: 'worker-1' };
const EXP = { namespace: 'ns', pod: 'exporter' };
const REDIS = { job: 'nba-scraper-redis', namespace: 'ns' };

export const RULE_TESTS: RuleTest[] = [
  {
    name: 'NbaScraperNoWorkerUp: jobs queued and no worker up for 5 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'waiting' }, '10x30'),
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'completed' }, '500x30'),
      S('up', { job: 'nba-scraper-worker', ...W1 }, '1x9 0x20'),
      // Another deployment with no worker at all but nothing queued: silent.
      S(
        'nba_scraper_queue_jobs',
        { namespace: 'ns2', pod: 'exporter', queue: 'q', state: 'waiting' },
        '0x30',
      ),
    ],
    alert_rule_test: [
      ...silent('NbaScraperNoWorkerUp', '9m', '14m'),
      check(
        '16m',
        'NbaScraperNoWorkerUp',
        fires(
          'NbaScraperNoWorkerUp',
          { namespace: 'ns', queue: 'q' },
          '10 jobs of queue q in ns wait or are active, and no worker target has been up for 5 minutes: nothing is being scraped.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperExporterDown: workers up, exporter down for 5 m',
    interval: '1m',
    input_series: [
      S('up', { job: 'nba-scraper-worker', ...W1 }, '1x30'),
      S('up', { job: 'nba-scraper-exporter', ...EXP }, '1x9 0x20'),
      S('up', { job: 'nba-scraper-worker', namespace: 'ns2', pod: 'worker-1' }, '1x30'),
      S('up', { job: 'nba-scraper-exporter', namespace: 'ns2', pod: 'exporter' }, '1x30'),
    ],
    alert_rule_test: [
      ...silent('NbaScraperExporterDown', '9m', '14m'),
      check(
        '16m',
        'NbaScraperExporterDown',
        fires(
          'NbaScraperExporterDown',
          { namespace: 'ns' },
          'No exporter target in ns has been up for 5 minutes. Queue counts, per-season progress and host holds are not exported; dashboards and backlog alerts are blind, and a backlog-based autoscaler reading them stops scaling.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperExporterStale: no successful poll for more than 120 s, for 5 m',
    interval: '1m',
    input_series: [S('nba_scraper_exporter_last_success_timestamp_seconds', EXP, '0+60x10 600x30')],
    alert_rule_test: [
      // 12m: exactly 120 s old (not above); 17m: above for 4 m.
      ...silent('NbaScraperExporterStale', '12m', '17m'),
      check(
        '19m',
        'NbaScraperExporterStale',
        fires(
          'NbaScraperExporterStale',
          { namespace: 'ns' },
          'The exporter in ns last read the queues from Redis 9m 0s ago; its queue and season series have been dropped.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperBacklogNotDraining: jobs wait and none completes for 10 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'waiting' }, '50x40'),
      S('nba_scraper_jobs_completed_total', { ...W1, queue: 'q', kind: 'boxscore' }, '0+10x10 100x30'),
      // Nothing waits: silent although nothing completes.
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q2', state: 'waiting' }, '0x40'),
      S('nba_scraper_jobs_completed_total', { ...W1, queue: 'q2', kind: 'boxscore' }, '0x40'),
      // Jobs wait and complete: silent.
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q3', state: 'prioritized' }, '80x40'),
      S('nba_scraper_jobs_completed_total', { ...W1, queue: 'q3', kind: 'boxscore' }, '0+5x40'),
    ],
    alert_rule_test: [
      // Last completion at 10m: no completion in the 5 m window from 15m, for 5 m from 20m.
      ...silent('NbaScraperBacklogNotDraining', '14m', '19m'),
      check(
        '21m',
        'NbaScraperBacklogNotDraining',
        fires(
          'NbaScraperBacklogNotDraining',
          { namespace: 'ns', queue: 'q' },
          '50 jobs wait in queue q (ns) and no job has completed for 10 minutes.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperErrorRateHigh / Critical: 4 % silent, 6 % warning, 12 % both, after 10 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_http_requests_total', { ...W1, host: 'a', status_class: '2xx' }, '0+96x30'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'a', status_class: '5xx' }, '0+4x30'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'b', status_class: '2xx' }, '0+94x30'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'b', status_class: '4xx' }, '0+6x30'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'c', status_class: '2xx' }, '0+88x30'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'c', status_class: 'error' }, '0+12x30'),
    ],
    alert_rule_test: [
      // The ratio exists from 1m: pending until 11m.
      ...silent('NbaScraperErrorRateHigh', '10m'),
      ...silent('NbaScraperErrorRateCritical', '10m'),
      check(
        '12m',
        'NbaScraperErrorRateHigh',
        fires(
          'NbaScraperErrorRateHigh',
          { namespace: 'ns', host: 'b' },
          '6% of the requests to b (ns) failed over the last 5 minutes (4xx, 5xx or no answer).',
        ),
        fires(
          'NbaScraperErrorRateHigh',
          { namespace: 'ns', host: 'c' },
          '12% of the requests to c (ns) failed over the last 5 minutes (4xx, 5xx or no answer).',
        ),
      ),
      check(
        '12m',
        'NbaScraperErrorRateCritical',
        fires(
          'NbaScraperErrorRateCritical',
          { namespace: 'ns', host: 'c' },
          '12% of the requests to c (ns) failed over the last 5 minutes (4xx, 5xx or no answer).',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperBreakerOpen: open or half-open for 5 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_breaker_state', { ...W1, host: 'a' }, '0x4 2x1 1x1 2x7 0x10'),
      S('nba_scraper_breaker_state', { namespace: 'ns', pod: 'worker-2', host: 'a' }, '0x30'),
    ],
    alert_rule_test: [
      ...silent('NbaScraperBreakerOpen', '4m', '9m'),
      check(
        '11m',
        'NbaScraperBreakerOpen',
        fires(
          'NbaScraperBreakerOpen',
          { namespace: 'ns', host: 'a' },
          "A worker's circuit breaker for a (ns) has been open or half-open for 5 minutes: the host's jobs are paused.",
        ),
      ),
      ...silent('NbaScraperBreakerOpen', '18m'),
    ],
  },
  {
    name: 'NbaScraperRateLimited: a 429 in the last 5 m, for 1 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_rate_limited_total', { ...W1, host: 'a' }, '0x9 1x20'),
      S('nba_scraper_rate_limited_total', { ...W1, host: 'b' }, '0x30'),
    ],
    alert_rule_test: [
      ...silent('NbaScraperRateLimited', '9m', '10m'),
      check(
        '12m',
        'NbaScraperRateLimited',
        fires(
          'NbaScraperRateLimited',
          { namespace: 'ns', host: 'a' },
          'a answered 1 times 429 (or 503 with Retry-After) in the last 5 minutes (ns): we exceed its limit. The queue pauses each time; a site that keeps seeing it blocks us.',
        ),
      ),
      ...silent('NbaScraperRateLimited', '16m'),
    ],
  },
  {
    name: 'NbaScraperBlocked: a block in the last 15 m, or a host on hold',
    interval: '1m',
    input_series: [
      S('nba_scraper_blocked_total', { ...W1, host: 'a' }, '0x9 1x30'),
      S(
        'nba_scraper_host_hold_remaining_seconds',
        { ...EXP, host: 'b', kind: 'blocked' },
        '0x19 3600-60x10 0x10',
      ),
      // A hold after a 429 (its Retry-After) is not a block.
      S(
        'nba_scraper_host_hold_remaining_seconds',
        { ...EXP, host: 'c', kind: 'rate-limited' },
        '0x19 60x10 0x10',
      ),
    ],
    alert_rule_test: [
      ...silent('NbaScraperBlocked', '9m', '10m'),
      check(
        '22m',
        'NbaScraperBlocked',
        fires(
          'NbaScraperBlocked',
          { namespace: 'ns', host: 'a' },
          'a refused our requests (ns): no worker sends it anything until the hold (BLOCK_BACKOFF_MS, 1 h by default) ends.',
        ),
        fires(
          'NbaScraperBlocked',
          { namespace: 'ns', host: 'b' },
          'b refused our requests (ns): no worker sends it anything until the hold (BLOCK_BACKOFF_MS, 1 h by default) ends.',
        ),
      ),
      check(
        '26m',
        'NbaScraperBlocked',
        fires(
          'NbaScraperBlocked',
          { namespace: 'ns', host: 'b' },
          'b refused our requests (ns): no worker sends it anything until the hold (BLOCK_BACKOFF_MS, 1 h by default) ends.',
        ),
      ),
      ...silent('NbaScraperBlocked', '35m'),
    ],
  },
  {
    name: 'NbaScraperStalledJobsRecovered / Rising: any stall (info), more than 5 in 15 m (warning)',
    interval: '1m',
    input_series: [
      S('nba_scraper_stalled_jobs_recovered_total', { ...W1, queue: 'q', kind: 'boxscore' }, '0x9 5x30'),
      S(
        'nba_scraper_stalled_jobs_recovered_total',
        { ...W1, queue: 'q2', kind: 'boxscore' },
        '0x9 0+2x10 20x20',
      ),
    ],
    alert_rule_test: [
      ...silent('NbaScraperStalledJobsRecovered', '9m', '10m'),
      ...silent('NbaScraperStalledJobsRising', '9m', '12m', '17m'),
      check(
        '19m',
        'NbaScraperStalledJobsRecovered',
        fires(
          'NbaScraperStalledJobsRecovered',
          { namespace: 'ns', queue: 'q' },
          '5 jobs of queue q (ns) lost their worker (killed, OOM, node lost, or an event loop stalled past the lock) in the last 15 minutes and were retried.',
        ),
        fires(
          'NbaScraperStalledJobsRecovered',
          { namespace: 'ns', queue: 'q2' },
          '18 jobs of queue q2 (ns) lost their worker (killed, OOM, node lost, or an event loop stalled past the lock) in the last 15 minutes and were retried.',
        ),
      ),
      check(
        '19m',
        'NbaScraperStalledJobsRising',
        fires(
          'NbaScraperStalledJobsRising',
          { namespace: 'ns', queue: 'q2' },
          '18 jobs of queue q2 (ns) stalled in the last 15 minutes. A job that stalls more than MAX_STALLED_COUNT times in a row without progress fails for good.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperJobsFailingForGood: a job failed for good in the last 15 m, for 1 m',
    interval: '1m',
    input_series: [
      S(
        'nba_scraper_jobs_failed_total',
        { ...W1, queue: 'q', kind: 'boxscore', code: 'ERR_PARSE' },
        '0x9 2x30',
      ),
      S(
        'nba_scraper_jobs_failed_total',
        { ...W1, queue: 'q', kind: 'boxscore', code: 'ERR_NETWORK' },
        '0x40',
      ),
    ],
    alert_rule_test: [
      ...silent('NbaScraperJobsFailingForGood', '9m', '10m'),
      check(
        '16m',
        'NbaScraperJobsFailingForGood',
        fires(
          'NbaScraperJobsFailingForGood',
          { namespace: 'ns', queue: 'q', kind: 'boxscore', code: 'ERR_PARSE' },
          '2 boxscore jobs of queue q (ns) failed for good with ERR_PARSE in the last 15 minutes; they stay failed until re-driven with `nba-scraper retry-failed`.',
        ),
      ),
      ...silent('NbaScraperJobsFailingForGood', '26m'),
    ],
  },
  {
    name: 'NbaScraperRedisDown: redis_up 0 for 1 m',
    interval: '1m',
    input_series: [
      S('redis_up', REDIS, '1x9 0x10 1x10'),
      // Another Redis, not ours: ignored.
      S('redis_up', { job: 'other-redis', namespace: 'ns' }, '0x30'),
    ],
    alert_rule_test: [
      ...silent('NbaScraperRedisDown', '9m', '10m'),
      check(
        '12m',
        'NbaScraperRedisDown',
        fires(
          'NbaScraperRedisDown',
          REDIS,
          'redis_exporter cannot reach Redis (ns): workers cannot take or finish jobs; they reconnect on their own when it is back.',
        ),
      ),
      ...silent('NbaScraperRedisDown', '21m'),
    ],
  },
  {
    name: 'NbaScraperRedisUnreachable: no process reaches Redis for 2 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_redis_reachable', W1, '1x9 0x20'),
      S('nba_scraper_redis_reachable', EXP, '1x9 0x20'),
      S('nba_scraper_redis_reachable', { namespace: 'ns', pod: 'worker-2' }, '1x15 0x15'),
    ],
    alert_rule_test: [
      // 14m: one process still reaches it; 16m: none for 1 m.
      ...silent('NbaScraperRedisUnreachable', '14m', '16m'),
      check(
        '18m',
        'NbaScraperRedisUnreachable',
        fires(
          'NbaScraperRedisUnreachable',
          { namespace: 'ns' },
          'Every worker and the exporter in ns have failed to PING Redis for 2 minutes. Their liveness probes fail after HEALTH_REDIS_DOWN_MAX_MS and Kubernetes restarts them.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperRedisMemoryHigh / Critical: 79 % silent, 85 % warning after 10 m, 96 % critical after 5 m',
    interval: '1m',
    input_series: [
      S('redis_memory_used_bytes', REDIS, '790x9 850x20 960x20'),
      S('redis_memory_max_bytes', REDIS, '1000x50'),
      // No maxmemory: never alerts.
      S('redis_memory_used_bytes', { job: 'nba-scraper-redis', namespace: 'ns2' }, '5000x50'),
      S('redis_memory_max_bytes', { job: 'nba-scraper-redis', namespace: 'ns2' }, '0x50'),
    ],
    alert_rule_test: [
      ...silent('NbaScraperRedisMemoryHigh', '9m', '19m'),
      check(
        '21m',
        'NbaScraperRedisMemoryHigh',
        fires(
          'NbaScraperRedisMemoryHigh',
          REDIS,
          'Redis (ns) uses 85% of maxmemory. With noeviction (required by BullMQ), writes fail when it is full and jobs fail with them.',
        ),
      ),
      ...silent('NbaScraperRedisMemoryCritical', '29m', '34m'),
      check(
        '36m',
        'NbaScraperRedisMemoryCritical',
        fires(
          'NbaScraperRedisMemoryCritical',
          REDIS,
          'Redis (ns) uses 96% of maxmemory. With noeviction (required by BullMQ), writes fail when it is full and jobs fail with them.',
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperEventLoopLagHigh / Critical: 48 % of the lock silent, 60 % warning after 10 m, 90 % critical after 5 m',
    interval: '1m',
    input_series: [
      S('nba_scraper_worker_lock_duration_seconds', W1, '5x60'),
      S('nba_scraper_nodejs_eventloop_lag_max_seconds', W1, '2.4x9 3x20 4.5x20'),
      // The exporter has no job lock: its lag never counts here.
      S('nba_scraper_nodejs_eventloop_lag_max_seconds', EXP, '10x60'),
    ],
    alert_rule_test: [
      ...silent('NbaScraperEventLoopLagHigh', '9m', '19m'),
      check(
        '21m',
        'NbaScraperEventLoopLagHigh',
        fires(
          'NbaScraperEventLoopLagHigh',
          W1,
          "Worker worker-1 (ns) stalled its event loop for 60% of LOCK_DURATION_MS within 5 minutes, again and again for 10 minutes. Past 100% it loses its jobs' locks and they run twice.",
        ),
      ),
      ...silent('NbaScraperEventLoopLagCritical', '29m', '34m'),
      check(
        '36m',
        'NbaScraperEventLoopLagCritical',
        fires(
          'NbaScraperEventLoopLagCritical',
          W1,
          "Worker worker-1 (ns) stalled its event loop for 90% of LOCK_DURATION_MS within 5 minutes, again and again for 5 minutes. Past 100% it loses its jobs' locks and they run twice.",
        ),
      ),
    ],
  },
  {
    name: 'NbaScraperWorkerRestarting: more than 2 restarts in 30 m, for 5 m',
    interval: '1m',
    input_series: [S('nba_scraper_process_start_time_seconds', W1, '100x9 700x4 1000x4 1300x40')],
    alert_rule_test: [
      // 2 restarts by 15m: not above; the third at 20m, pending until 25m.
      ...silent('NbaScraperWorkerRestarting', '15m', '24m'),
      check(
        '26m',
        'NbaScraperWorkerRestarting',
        fires('NbaScraperWorkerRestarting', W1, 'worker-1 (ns) restarted 3 times in 30 minutes.'),
      ),
      ...silent('NbaScraperWorkerRestarting', '55m'),
    ],
  },
  {
    name: 'NbaScraperDatasetIncomplete: box scores missing, season job finished, nothing queued, for 30 m',
    interval: '1m',
    input_series: [
      // 2018: 10 then 5 missing; its season job completes at 10m; the queue drains at 20m; stored at 60m.
      S('nba_scraper_dataset_boxscores_expected', { ...EXP, season: '2018' }, '100x80'),
      S('nba_scraper_dataset_boxscores_stored', { ...EXP, season: '2018' }, '90x9 95x50 100x20'),
      S(
        'nba_scraper_season_state',
        { ...EXP, queue: 'q', season: '2018', state: 'waiting-children' },
        '1x9 0x70',
      ),
      S('nba_scraper_season_state', { ...EXP, queue: 'q', season: '2018', state: 'completed' }, '0x9 1x70'),
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'waiting' }, '20x19 0x60'),
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'delayed' }, '0x80'),
      // 2017: complete: silent.
      S('nba_scraper_dataset_boxscores_expected', { ...EXP, season: '2017' }, '50x80'),
      S('nba_scraper_dataset_boxscores_stored', { ...EXP, season: '2017' }, '50x80'),
      S('nba_scraper_season_state', { ...EXP, queue: 'q', season: '2017', state: 'completed' }, '1x80'),
      // 2016: missing, but never enqueued (no season job): silent.
      S('nba_scraper_dataset_boxscores_expected', { ...EXP, season: '2016' }, '40x80'),
      S('nba_scraper_dataset_boxscores_stored', { ...EXP, season: '2016' }, '0x80'),
      // ns2: missing, season job finished, but a retry is delayed in the queue: silent.
      S(
        'nba_scraper_dataset_boxscores_expected',
        { namespace: 'ns2', pod: 'exporter', season: '2018' },
        '9x80',
      ),
      S(
        'nba_scraper_dataset_boxscores_stored',
        { namespace: 'ns2', pod: 'exporter', season: '2018' },
        '8x80',
      ),
      S(
        'nba_scraper_season_state',
        { namespace: 'ns2', pod: 'exporter', queue: 'q', season: '2018', state: 'completed' },
        '1x80',
      ),
      S(
        'nba_scraper_queue_jobs',
        { namespace: 'ns2', pod: 'exporter', queue: 'q', state: 'delayed' },
        '1x80',
      ),
    ],
    alert_rule_test: [
      // 19m: jobs still queued; 49m: pending since 20m.
      ...silent('NbaScraperDatasetIncomplete', '9m', '19m', '49m'),
      check(
        '51m',
        'NbaScraperDatasetIncomplete',
        fires(
          'NbaScraperDatasetIncomplete',
          { namespace: 'ns', season: '2018' },
          'The store of ns has been missing 5 box scores of played games of season 2018 for 30 minutes, though its season job finished and no job is queued: nothing will fetch them. Run `nba-scraper reconcile --season 2018`.',
        ),
      ),
      // Reconciled: every box score stored.
      ...silent('NbaScraperDatasetIncomplete', '61m'),
    ],
    promql_expr_test: [
      {
        expr: 'season:nba_scraper_dataset_boxscores_missing:max{namespace="ns"}',
        eval_time: '30m',
        exp_samples: [
          {
            labels: 'season:nba_scraper_dataset_boxscores_missing:max{namespace="ns", season="2016"}',
            value: 40,
          },
          {
            labels: 'season:nba_scraper_dataset_boxscores_missing:max{namespace="ns", season="2017"}',
            value: 0,
          },
          {
            labels: 'season:nba_scraper_dataset_boxscores_missing:max{namespace="ns", season="2018"}',
            value: 5,
          },
        ],
      },
    ],
  },
  {
    name: 'NbaScraperDatasetUnreadable: reads of the store failing and no success for 10 m, for 5 m',
    interval: '1m',
    input_series: [
      // Reads every minute; they fail from 10m to 40m, then succeed again.
      S('nba_scraper_exporter_dataset_read_errors_total', EXP, '0x9 1+1x30 31x30'),
      S('nba_scraper_exporter_dataset_last_success_timestamp_seconds', EXP, '0+60x9 540x31 2460+60x29'),
      // Reading turned off (EXPORTER_DATASET_INTERVAL_MS=0): never a read, never an error: silent.
      S('nba_scraper_exporter_dataset_read_errors_total', { namespace: 'ns2', pod: 'exporter' }, '0x70'),
      S(
        'nba_scraper_exporter_dataset_last_success_timestamp_seconds',
        { namespace: 'ns2', pod: 'exporter' },
        '0x70',
      ),
    ],
    alert_rule_test: [
      // 19m: last read exactly 600 s ago (not above); 24m: pending since 20m.
      ...silent('NbaScraperDatasetUnreadable', '9m', '19m', '24m'),
      check(
        '26m',
        'NbaScraperDatasetUnreadable',
        fires(
          'NbaScraperDatasetUnreadable',
          { namespace: 'ns' },
          'The exporter in ns failed 15 reads of the store in the last 15 minutes and has not read it for more than 10 minutes: the nba_scraper_dataset_* series are dropped and NbaScraperDatasetIncomplete cannot fire.',
        ),
      ),
      // Read again at 41m.
      ...silent('NbaScraperDatasetUnreadable', '42m'),
    ],
  },
  {
    name: 'NbaScraperQueuePaused: paused for 15 m',
    interval: '1m',
    input_series: [S('nba_scraper_queue_paused', { ...EXP, queue: 'q' }, '0x9 1x30')],
    alert_rule_test: [
      ...silent('NbaScraperQueuePaused', '9m', '24m'),
      check(
        '26m',
        'NbaScraperQueuePaused',
        fires(
          'NbaScraperQueuePaused',
          { namespace: 'ns', queue: 'q' },
          'Queue q (ns) has been paused for 15 minutes (someone paused it); no job of it runs until it is resumed.',
        ),
      ),
    ],
  },
  {
    name: 'recording rules: backlog counted once during an exporter rollout; ETA; error ratio',
    interval: '1m',
    input_series: [
      // Two exporters during a rollout report the same global numbers.
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'waiting' }, '7x20'),
      S('nba_scraper_queue_jobs', { ...EXP, queue: 'q', state: 'prioritized' }, '3x20'),
      S(
        'nba_scraper_queue_jobs',
        { namespace: 'ns', pod: 'exporter-2', queue: 'q', state: 'waiting' },
        '7x20',
      ),
      S(
        'nba_scraper_queue_jobs',
        { namespace: 'ns', pod: 'exporter-2', queue: 'q', state: 'prioritized' },
        '3x20',
      ),
      S('nba_scraper_season_boxscores_expected', { ...EXP, queue: 'q', season: '2018' }, '100x20'),
      S('nba_scraper_season_boxscores_done', { ...EXP, queue: 'q', season: '2018' }, '0+2x20'),
      S('nba_scraper_season_boxscores_expected', { ...EXP, queue: 'q', season: '2017' }, '50x20'),
      S('nba_scraper_season_boxscores_done', { ...EXP, queue: 'q', season: '2017' }, '50x20'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'a', status_class: '2xx' }, '0+90x20'),
      S('nba_scraper_http_requests_total', { ...W1, host: 'a', status_class: '5xx' }, '0+10x20'),
      S(
        'nba_scraper_http_requests_total',
        { namespace: 'ns', pod: 'worker-2', host: 'a', status_class: '2xx' },
        '0+100x20',
      ),
    ],
    promql_expr_test: [
      {
        expr: 'queue:nba_scraper_queue_backlog:max',
        eval_time: '5m',
        exp_samples: [
          { labels: 'queue:nba_scraper_queue_backlog:max{namespace="ns", queue="q"}', value: 10 },
        ],
      },
      {
        // 2018: 20 of 100 done at 10m, 2 per minute: 40 minutes left. 2017: done.
        expr: 'queue_season:nba_scraper_season_eta_seconds:deriv10m',
        eval_time: '10m',
        exp_samples: [
          {
            labels:
              'queue_season:nba_scraper_season_eta_seconds:deriv10m{namespace="ns", queue="q", season="2017"}',
            value: 0,
          },
          {
            labels:
              'queue_season:nba_scraper_season_eta_seconds:deriv10m{namespace="ns", queue="q", season="2018"}',
            value: 2400,
          },
        ],
      },
      {
        // 10 failed of 200 requests a minute over both workers.
        expr: 'host:nba_scraper_http_requests_errors:ratio_rate5m',
        eval_time: '10m',
        exp_samples: [
          {
            labels: 'host:nba_scraper_http_requests_errors:ratio_rate5m{namespace="ns", host="a"}',
            value: 0.05,
          },
        ],
      },
    ],
  },
];
