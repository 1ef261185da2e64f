/**
 * The four dashboards: Queue (backlog, throughput, latency, recoveries), Scraping (requests,
 * errors, latency, politeness, 429s, blocks, breakers), Workers (per-pod resources and health) and
 * Seasons (progress and ETA per season, and what the store holds of each). Every query uses only metrics the processes export (see
 * src/metrics/catalog.ts) or recording rules of rules.ts; an end-to-end test runs each one against
 * a Prometheus that scraped a real run.
 */
import { type DashboardSpec, dashboard, type VariableSpec } from './grafana.ts';

const NAMESPACE: VariableSpec = {
  name: 'namespace',
  label: 'Namespace',
  query: 'label_values(nba_scraper_build_info, namespace)',
};
const RI = '$__rate_interval';

const q = 'namespace=~"$namespace", queue=~"$queue"';
const queue: DashboardSpec = {
  uid: 'nba-scraper-queue',
  title: 'nba-scraper / Queue',
  description: 'Backlog by state, throughput, job latency and recoveries of the nba-scraper queues.',
  variables: [
    NAMESPACE,
    {
      name: 'queue',
      label: 'Queue',
      query: 'label_values(nba_scraper_queue_jobs{namespace=~"$namespace"}, queue)',
      multi: true,
    },
  ],
  rows: [
    {
      row: 'Now',
      panels: [
        {
          type: 'stat',
          title: 'Backlog',
          description: 'Jobs waiting for a worker (waiting + prioritized): what the autoscaler scales on.',
          targets: [{ expr: `sum(queue:nba_scraper_queue_backlog:max{${q}})` }],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Active jobs',
          description: 'Jobs a worker is running now.',
          targets: [{ expr: `sum(queue_state:nba_scraper_queue_jobs:max{${q}, state="active"})` }],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Failed jobs kept',
          description: 'Jobs that failed for good and are kept for `status` and `retry-failed`.',
          targets: [{ expr: `sum(queue_state:nba_scraper_queue_jobs:max{${q}, state="failed"})` }],
          thresholds: [[1, 'orange']],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Workers',
          description: 'Worker processes exporting metrics.',
          targets: [{ expr: 'count(nba_scraper_build_info{namespace=~"$namespace", role="worker"})' }],
          thresholds: [],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Worker utilisation',
          description: 'Jobs running / job slots (concurrency) over all workers.',
          targets: [
            {
              expr: `sum(nba_scraper_worker_active_jobs{${q}}) / sum(nba_scraper_worker_concurrency{${q}})`,
            },
          ],
          unit: 'percentunit',
          min: 0,
          max: 1,
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Queue-wide pause left',
          description: 'Time left of the pause set after a 429, a block or an open breaker.',
          targets: [{ expr: `max(nba_scraper_queue_rate_limit_remaining_seconds{${q}})` }],
          unit: 's',
          thresholds: [[1, 'orange']],
          w: 4,
          h: 5,
        },
      ],
    },
    {
      row: 'Backlog',
      panels: [
        {
          type: 'timeseries',
          title: 'Jobs by state',
          description: 'Jobs in the queue per state (completed box score jobs are trimmed, so not shown).',
          targets: [
            {
              expr: `sum by (state) (queue_state:nba_scraper_queue_jobs:max{${q}, state!="completed"})`,
              legend: '{{state}}',
            },
          ],
        },
        {
          type: 'timeseries',
          title: 'Failed jobs kept, by error code',
          description: 'Jobs in the failed state by the error code their failed reason starts with.',
          targets: [{ expr: `sum by (code) (nba_scraper_queue_failed_jobs{${q}})`, legend: '{{code}}' }],
        },
      ],
    },
    {
      row: 'Throughput',
      panels: [
        {
          type: 'timeseries',
          title: 'Jobs completed per minute',
          description: 'Jobs completed by all workers, by kind.',
          targets: [
            {
              expr: `sum by (kind) (rate(nba_scraper_jobs_completed_total{${q}}[${RI}])) * 60`,
              legend: '{{kind}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Failed attempts per minute (retried)',
          description: 'Attempts that failed and will be retried after the backoff, by error code.',
          targets: [
            {
              expr: `sum by (code) (rate(nba_scraper_jobs_retried_total{${q}}[${RI}])) * 60`,
              legend: '{{code}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Jobs failed for good per minute',
          description:
            'Jobs that failed with no attempt left or with an error that is never retried, by error code.',
          targets: [
            {
              expr: `sum by (code) (rate(nba_scraper_jobs_failed_total{${q}}[${RI}])) * 60`,
              legend: '{{code}}',
            },
          ],
          w: 8,
        },
      ],
    },
    {
      row: 'Latency',
      panels: [
        {
          type: 'timeseries',
          title: 'Box score job duration',
          description:
            'Percentiles of the time one completed box score job took (politeness wait, fetch, parse, store).',
          unit: 's',
          targets: [0.5, 0.95, 0.99].map((p) => ({
            expr: `histogram_quantile(${p}, sum by (le) (rate(nba_scraper_job_duration_seconds_bucket{${q}, kind="boxscore", outcome="completed"}[${RI}])))`,
            legend: `p${Math.round(p * 100)}`,
          })),
        },
        {
          type: 'timeseries',
          title: 'Job runs per minute by outcome',
          description:
            'Runs of jobs by kind and outcome: completed, retry, failed (for good), deferred (rate limit, breaker, hold, waiting for children, shutdown: no attempt used).',
          targets: [
            {
              expr: `sum by (kind, outcome) (rate(nba_scraper_job_duration_seconds_count{${q}}[${RI}])) * 60`,
              legend: '{{kind}} {{outcome}}',
            },
          ],
        },
      ],
    },
    {
      row: 'Recovery and Redis',
      panels: [
        {
          type: 'timeseries',
          title: 'Stalled jobs recovered',
          description:
            'Jobs whose worker died (lock expired) put back in the queue by the stalled check of another worker.',
          targets: [
            {
              expr: `sum by (kind) (increase(nba_scraper_stalled_jobs_recovered_total{${q}}[${RI}]))`,
              legend: '{{kind}}',
            },
          ],
        },
        {
          type: 'timeseries',
          title: 'Redis memory',
          description:
            'Memory Redis uses, and its maxmemory (0: no limit). With noeviction, writes fail when full.',
          unit: 'bytes',
          targets: [
            { expr: 'max(nba_scraper_redis_memory_used_bytes{namespace=~"$namespace"})', legend: 'used' },
            { expr: 'max(nba_scraper_redis_memory_max_bytes{namespace=~"$namespace"})', legend: 'maxmemory' },
          ],
        },
      ],
    },
  ],
};

const h = 'namespace=~"$namespace", host=~"$host"';
const ns = 'namespace=~"$namespace"';
const scraping: DashboardSpec = {
  uid: 'nba-scraper-scraping',
  title: 'nba-scraper / Scraping',
  description:
    'Requests to the source site: pages, errors, latency, politeness waits, 429s, blocks and breakers.',
  variables: [
    NAMESPACE,
    {
      name: 'host',
      label: 'Host',
      query: 'label_values(nba_scraper_http_requests_total{namespace=~"$namespace"}, host)',
      multi: true,
    },
  ],
  rows: [
    {
      row: 'Now',
      panels: [
        {
          type: 'stat',
          title: 'Pages per minute',
          description: 'Pages fetched (2xx answers) per minute by all workers.',
          targets: [
            { expr: `sum(rate(nba_scraper_http_requests_total{${h}, status_class="2xx"}[${RI}])) * 60` },
          ],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Error ratio (5 m)',
          description:
            'Share of requests that failed over 5 minutes; alerts at 5 % (warning) and 10 % (critical).',
          targets: [{ expr: `max(host:nba_scraper_http_requests_errors:ratio_rate5m{${h}})` }],
          unit: 'percentunit',
          thresholds: [
            [0.05, 'orange'],
            [0.1, 'red'],
          ],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Breaker (worst worker)',
          description: 'The most open circuit breaker of any worker for the host.',
          targets: [{ expr: `max(nba_scraper_breaker_state{${h}})` }],
          mappings: { '0': 'closed', '1': 'half-open', '2': 'open' },
          thresholds: [
            [1, 'orange'],
            [2, 'red'],
          ],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Host hold left',
          description:
            'Time left during which no worker sends a request to the host: after a 429 (its Retry-After) or a block (BLOCK_BACKOFF_MS).',
          targets: [{ expr: `max(nba_scraper_host_hold_remaining_seconds{${h}})` }],
          unit: 's',
          thresholds: [[1, 'red']],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: '429s (1 h)',
          description:
            'Answers 429 (or 503 with Retry-After) in the last hour. Should be 0: the budget is shared.',
          targets: [{ expr: `sum(increase(nba_scraper_rate_limited_total{${h}}[1h]))` }],
          thresholds: [[1, 'orange']],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Blocks (1 h)',
          description: 'Times the host refused us (403 or a block page) in the last hour.',
          targets: [{ expr: `sum(increase(nba_scraper_blocked_total{${h}}[1h]))` }],
          thresholds: [[1, 'red']],
          w: 4,
          h: 5,
        },
      ],
    },
    {
      row: 'Requests and errors',
      panels: [
        {
          type: 'timeseries',
          title: 'Requests per minute by status class',
          description: 'Requests by status class; error: no HTTP answer (reset, timeout).',
          targets: [
            {
              expr: `sum by (status_class) (rate(nba_scraper_http_requests_total{${h}}[${RI}])) * 60`,
              legend: '{{status_class}}',
            },
          ],
          stack: true,
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Error ratio by code',
          description: 'Share of requests that failed, by error code (docs/errors.md).',
          unit: 'percentunit',
          targets: [
            {
              expr: `sum by (code) (rate(nba_scraper_fetch_errors_total{${h}}[${RI}])) / ignoring (code) group_left () sum(rate(nba_scraper_http_requests_total{${h}}[${RI}]))`,
              legend: '{{code}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Error ratio (5 m) and alert thresholds',
          description: 'What the error-rate alerts look at: failed share of requests over 5 minutes.',
          unit: 'percentunit',
          thresholds: [
            [0.05, 'orange'],
            [0.1, 'red'],
          ],
          targets: [{ expr: `host:nba_scraper_http_requests_errors:ratio_rate5m{${h}}`, legend: '{{host}}' }],
          w: 8,
        },
      ],
    },
    {
      row: 'Latency and size',
      panels: [
        {
          type: 'timeseries',
          title: 'Fetch duration',
          description:
            'Percentiles of the time of one request (connect to last byte), politeness wait excluded.',
          unit: 's',
          targets: [0.5, 0.95, 0.99].map((p) => ({
            expr: `histogram_quantile(${p}, sum by (le) (rate(nba_scraper_fetch_duration_seconds_bucket{${h}}[${RI}])))`,
            legend: `p${Math.round(p * 100)}`,
          })),
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Politeness wait',
          description: "Time requests waited for the host's shared budget before being sent.",
          unit: 's',
          targets: [
            {
              expr: `histogram_quantile(0.5, sum by (le) (rate(nba_scraper_politeness_wait_seconds_bucket{${h}}[${RI}])))`,
              legend: 'p50',
            },
            {
              expr: `histogram_quantile(0.95, sum by (le) (rate(nba_scraper_politeness_wait_seconds_bucket{${h}}[${RI}])))`,
              legend: 'p95',
            },
            {
              expr: `sum(rate(nba_scraper_politeness_wait_seconds_sum{${h}}[${RI}])) / sum(rate(nba_scraper_politeness_wait_seconds_count{${h}}[${RI}]))`,
              legend: 'mean',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Response size',
          description: 'Percentiles of the body size of 2xx answers.',
          unit: 'bytes',
          targets: [0.5, 0.95].map((p) => ({
            expr: `histogram_quantile(${p}, sum by (le) (rate(nba_scraper_response_size_bytes_bucket{${h}}[${RI}])))`,
            legend: `p${Math.round(p * 100)}`,
          })),
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Parse duration p95 by page kind',
          description: 'Parsing is synchronous: it blocks the event loop for this long.',
          unit: 's',
          targets: [
            {
              expr: `histogram_quantile(0.95, sum by (le, kind) (rate(nba_scraper_parse_duration_seconds_bucket{${ns}}[${RI}])))`,
              legend: '{{kind}}',
            },
          ],
        },
        {
          type: 'timeseries',
          title: 'Store call duration p95 by operation',
          description: 'Time of calls to the result store (PostgreSQL or files).',
          unit: 's',
          targets: [
            {
              expr: `histogram_quantile(0.95, sum by (le, operation) (rate(nba_scraper_store_operation_duration_seconds_bucket{${ns}}[${RI}])))`,
              legend: '{{operation}}',
            },
          ],
        },
      ],
    },
    {
      row: 'Protection',
      panels: [
        {
          type: 'timeseries',
          title: '429s and blocks',
          description:
            '429 answers (queue paused for Retry-After) and blocks (403 or block page: host on hold).',
          targets: [
            {
              expr: `sum by (host) (increase(nba_scraper_rate_limited_total{${h}}[${RI}]))`,
              legend: '429 {{host}}',
            },
            {
              expr: `sum by (host) (increase(nba_scraper_blocked_total{${h}}[${RI}]))`,
              legend: 'blocked {{host}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Breaker state per worker',
          description: 'Circuit breaker of each worker for the host: 0 closed, 1 half-open, 2 open.',
          targets: [
            { expr: `max by (pod, host) (nba_scraper_breaker_state{${h}})`, legend: '{{pod}} {{host}}' },
          ],
          min: 0,
          max: 2,
          mappings: { '0': 'closed', '1': 'half-open', '2': 'open' },
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Breaker transitions',
          description: "Changes of the workers' breakers, by the state they went to.",
          targets: [
            {
              expr: `sum by (state) (increase(nba_scraper_breaker_transitions_total{${h}}[${RI}]))`,
              legend: '{{state}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Games stored per minute',
          description: 'Box scores upserted into the store.',
          targets: [
            { expr: `sum(rate(nba_scraper_games_stored_total{${ns}}[${RI}])) * 60`, legend: 'games' },
          ],
          w: 24,
          h: 6,
        },
      ],
    },
  ],
};

const p = 'namespace=~"$namespace", pod=~"$pod"';
const workers: DashboardSpec = {
  uid: 'nba-scraper-workers',
  title: 'nba-scraper / Workers',
  description: 'Per-pod resources and health of the nba-scraper processes (workers and the exporter).',
  variables: [
    NAMESPACE,
    {
      name: 'pod',
      label: 'Pod',
      query: 'label_values(nba_scraper_build_info{namespace=~"$namespace"}, pod)',
      multi: true,
    },
  ],
  rows: [
    {
      row: 'Resources',
      panels: [
        {
          type: 'timeseries',
          title: 'CPU per pod',
          description: 'CPU time used per second (cores).',
          unit: 'short',
          targets: [
            {
              expr: `sum by (pod) (rate(nba_scraper_process_cpu_seconds_total{${p}}[${RI}]))`,
              legend: '{{pod}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Resident memory per pod',
          description: 'Resident set size of each process.',
          unit: 'bytes',
          targets: [
            { expr: `sum by (pod) (nba_scraper_process_resident_memory_bytes{${p}})`, legend: '{{pod}}' },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Heap used per pod',
          description: 'V8 heap in use.',
          unit: 'bytes',
          targets: [
            { expr: `sum by (pod) (nba_scraper_nodejs_heap_size_used_bytes{${p}})`, legend: '{{pod}}' },
          ],
          w: 8,
        },
      ],
    },
    {
      row: 'Event loop',
      panels: [
        {
          type: 'timeseries',
          title: 'Event-loop lag vs lock duration',
          description:
            "Longest event-loop stall between two scrapes per pod, against the job lock duration: a stall that long loses the jobs' locks.",
          unit: 's',
          targets: [
            {
              expr: `max by (pod) (nba_scraper_nodejs_eventloop_lag_max_seconds{${p}})`,
              legend: 'max {{pod}}',
            },
            {
              expr: `max by (pod) (nba_scraper_nodejs_eventloop_lag_p99_seconds{${p}})`,
              legend: 'p99 {{pod}}',
            },
            {
              expr: 'max(nba_scraper_worker_lock_duration_seconds{namespace=~"$namespace"})',
              legend: 'lock duration',
            },
          ],
        },
        {
          type: 'timeseries',
          title: 'GC time per second',
          description: 'Share of time spent in garbage collection, by pod and GC kind.',
          unit: 'percentunit',
          targets: [
            {
              expr: `sum by (pod, kind) (rate(nba_scraper_nodejs_gc_duration_seconds_sum{${p}}[${RI}]))`,
              legend: '{{pod}} {{kind}}',
            },
          ],
        },
      ],
    },
    {
      row: 'Health',
      panels: [
        {
          type: 'timeseries',
          title: 'Restarts (1 h)',
          description:
            'Process restarts in the pod over the last hour (liveness failures, crashes, OOM kills).',
          targets: [
            {
              expr: `sum by (pod) (changes(nba_scraper_process_start_time_seconds{${p}}[1h]))`,
              legend: '{{pod}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Uptime',
          description: 'Time since each process started.',
          unit: 's',
          targets: [
            {
              expr: `time() - max by (pod) (nba_scraper_process_start_time_seconds{${p}})`,
              legend: '{{pod}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Redis reachable',
          description: "1 when the process's last PING to Redis was answered in time.",
          targets: [{ expr: `min by (pod) (nba_scraper_redis_reachable{${p}})`, legend: '{{pod}}' }],
          min: 0,
          max: 1,
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Active jobs per worker',
          description: 'Jobs each worker runs now, and its concurrency.',
          targets: [
            { expr: `sum by (pod) (nba_scraper_worker_active_jobs{${p}})`, legend: '{{pod}}' },
            { expr: `max(nba_scraper_worker_concurrency{${p}})`, legend: 'concurrency' },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Job runs per minute per worker',
          description: 'Runs of jobs each worker finished, any outcome.',
          targets: [
            {
              expr: `sum by (pod) (rate(nba_scraper_job_duration_seconds_count{${p}}[${RI}])) * 60`,
              legend: '{{pod}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Open file descriptors',
          description: 'Sockets and files each process holds.',
          targets: [{ expr: `sum by (pod) (nba_scraper_process_open_fds{${p}})`, legend: '{{pod}}' }],
          w: 8,
        },
      ],
    },
  ],
};

const s = 'namespace=~"$namespace", season=~"$season"';
const seasons: DashboardSpec = {
  uid: 'nba-scraper-seasons',
  title: 'nba-scraper / Seasons',
  description:
    'Progress and ETA of every enqueued season, and what the store holds of each season (completeness ledger).',
  variables: [
    NAMESPACE,
    {
      name: 'season',
      label: 'Season',
      query: 'label_values(nba_scraper_season_boxscores_expected{namespace=~"$namespace"}, season)',
      multi: true,
    },
  ],
  rows: [
    {
      row: 'Progress',
      panels: [
        {
          type: 'bargauge',
          title: 'Box scores done',
          description:
            "Box score jobs finished (completed or failed for good) of those the season's run added.",
          unit: 'percentunit',
          min: 0,
          max: 1,
          targets: [
            {
              expr: `max by (season) (nba_scraper_season_boxscores_done{${s}}) / max by (season) (nba_scraper_season_boxscores_expected{${s}})`,
              legend: '{{season}}',
              instant: true,
            },
          ],
        },
        {
          type: 'bargauge',
          title: 'ETA',
          description:
            'Time left at the pace of the last 10 minutes (0: done; none: no progress to measure).',
          unit: 's',
          targets: [
            {
              expr: `max by (season) (queue_season:nba_scraper_season_eta_seconds:deriv10m{${s}})`,
              legend: '{{season}}',
              instant: true,
            },
          ],
        },
        {
          type: 'table',
          title: 'Seasons',
          description: 'Schedule pages, games and box scores per season.',
          targets: [
            {
              expr: `max by (season) (nba_scraper_season_schedule_pages{${s}})`,
              legend: 'pages',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_season_schedule_pages_expected{${s}})`,
              legend: 'pages listed',
              instant: true,
            },
            { expr: `max by (season) (nba_scraper_season_games{${s}})`, legend: 'games', instant: true },
            {
              expr: `max by (season) (nba_scraper_season_boxscores_expected{${s}})`,
              legend: 'box scores added',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_season_boxscores_done{${s}})`,
              legend: 'box scores done',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_season_boxscores_failed{${s}})`,
              legend: 'box scores failed',
              instant: true,
            },
          ],
          w: 16,
        },
        {
          type: 'table',
          title: 'Season job state',
          description: "The state of each season's job.",
          targets: [{ expr: `max by (season, state) (nba_scraper_season_state{${s}}) == 1`, instant: true }],
          w: 8,
        },
      ],
    },
    {
      row: 'Over time',
      panels: [
        {
          type: 'timeseries',
          title: 'Box scores done',
          description: 'Box score jobs finished per season.',
          targets: [
            { expr: `max by (season) (nba_scraper_season_boxscores_done{${s}})`, legend: '{{season}}' },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Box scores per minute',
          description: 'Pace of each season over the last 10 minutes.',
          targets: [
            {
              expr: `max by (season) (queue_season:nba_scraper_season_boxscores_done:deriv10m{${s}}) * 60`,
              legend: '{{season}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Box scores failed',
          description: 'Box score jobs of each season that failed for good.',
          targets: [
            { expr: `max by (season) (nba_scraper_season_boxscores_failed{${s}})`, legend: '{{season}}' },
          ],
          w: 8,
        },
      ],
    },
    {
      row: 'Stored (completeness ledger, read from the store)',
      panels: [
        {
          type: 'bargauge',
          title: 'Box scores stored of played games',
          description:
            'Per season in the store: box scores stored / played games of its stored schedule (`nba-scraper status --season`). Below 100 % with nothing queued: `nba-scraper reconcile --season`.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: [],
          targets: [
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_stored{${s}}) / (max by (season) (nba_scraper_dataset_boxscores_expected{${s}}) > 0)`,
              legend: '{{season}}',
              instant: true,
            },
          ],
          w: 8,
        },
        {
          type: 'table',
          title: 'Stored vs expected per season',
          description:
            'What the store holds per season: games of the stored schedule, box scores expected (played games), stored and missing, player totals rows.',
          targets: [
            { expr: `max by (season) (nba_scraper_dataset_games{${s}})`, legend: 'games', instant: true },
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_expected{${s}})`,
              legend: 'box scores expected',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_stored{${s}})`,
              legend: 'box scores stored',
              instant: true,
            },
            {
              expr: `max by (season) (season:nba_scraper_dataset_boxscores_missing:max{${s}})`,
              legend: 'box scores missing',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_dataset_player_totals_rows{${s}})`,
              legend: 'player totals rows',
              instant: true,
            },
          ],
          w: 16,
        },
        {
          type: 'timeseries',
          title: 'Box scores stored vs expected',
          description:
            'Box scores stored of played games, and played games, per season, as the store has them.',
          targets: [
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_stored{${s}})`,
              legend: 'stored {{season}}',
            },
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_expected{${s}})`,
              legend: 'expected {{season}}',
            },
          ],
          w: 6,
        },
        {
          type: 'timeseries',
          title: 'Box scores missing',
          description:
            'Played games without a stored box score, per season. Alert NbaScraperDatasetIncomplete when one stays after its season finished.',
          targets: [
            {
              expr: `max by (season) (season:nba_scraper_dataset_boxscores_missing:max{${s}})`,
              legend: '{{season}}',
            },
          ],
          thresholds: [[1, 'orange']],
          w: 6,
        },
        {
          type: 'timeseries',
          title: 'Store read time',
          description:
            "Mean time of the exporter's reads of the store (every season's ledger, every EXPORTER_DATASET_INTERVAL_MS) over 5 minutes.",
          unit: 's',
          targets: [
            {
              expr: `max(rate(nba_scraper_exporter_dataset_read_duration_seconds_sum{${ns}}[5m]) / rate(nba_scraper_exporter_dataset_read_duration_seconds_count{${ns}}[5m]))`,
              legend: 'mean',
            },
          ],
          w: 6,
        },
        {
          type: 'timeseries',
          title: 'Store reads failed',
          description:
            'Reads of the store by the exporter that failed; after 3 in a row the dataset series are dropped (alert NbaScraperDatasetUnreadable).',
          targets: [
            {
              expr: `sum(increase(nba_scraper_exporter_dataset_read_errors_total{${ns}}[${RI}]))`,
              legend: 'failed reads',
            },
          ],
          thresholds: [[1, 'red']],
          w: 6,
        },
      ],
    },
  ],
};

export const DASHBOARDS: Record<string, Record<string, unknown>> = {
  'queue.json': dashboard(queue),
  'scraping.json': dashboard(scraping),
  'workers.json': dashboard(workers),
  'seasons.json': dashboard(seasons),
};
