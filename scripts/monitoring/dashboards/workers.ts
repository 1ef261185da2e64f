/**
 * The Workers dashboard (nba-scraper / Workers): per-pod resources, event loop and health of the
 * processes.
 */
import type { DashboardSpec } from '../grafana.ts';
import { labelVariable, NAMESPACE, RI, selector } from './shared.ts';

const p = selector('pod');
export const WORKERS_DASHBOARD: DashboardSpec = {
  uid: 'nba-scraper-workers',
  title: 'nba-scraper / Workers',
  description: 'Per-pod resources and health of the nba-scraper processes (workers and the exporter).',
  variables: [NAMESPACE, labelVariable('pod', 'Pod', 'nba_scraper_build_info')],
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
