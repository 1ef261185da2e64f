/**
 * The Queue dashboard (nba-scraper / Queue): backlog by state, throughput, job latency, recoveries
 * and Redis memory.
 */
import type { DashboardSpec } from '../grafana.ts';
import { labelVariable, NAMESPACE, percentiles, RI, selector } from './shared.ts';

const q = selector('queue');
export const QUEUE_DASHBOARD: DashboardSpec = {
  uid: 'nba-scraper-queue',
  title: 'nba-scraper / Queue',
  description: 'Backlog by state, throughput, job latency and recoveries of the nba-scraper queues.',
  variables: [NAMESPACE, labelVariable('queue', 'Queue', 'nba_scraper_queue_jobs')],
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
          targets: percentiles(
            [0.5, 0.95, 0.99],
            `nba_scraper_job_duration_seconds_bucket{${q}, kind="boxscore", outcome="completed"}`,
          ),
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
