/**
 * The dashboards, by the file each is written to: Queue (backlog, throughput, latency,
 * recoveries), Scraping (requests, errors, latency, politeness, 429s, blocks, breakers), Workers
 * (per-pod resources and health) and Seasons (progress and ETA per season, and what the store holds
 * of each) on Prometheus; Logs (error codes, failed jobs, holds) on Loki. Every PromQL query uses
 * only metrics the processes export (see src/metrics/catalog.ts) or recording rules of ../rules.ts;
 * an end-to-end test runs each one against a Prometheus that scraped a real run. Every LogQL query
 * parses with Grafana's LogQL grammar (test/monitoring/dashboards.lint.test.ts).
 */
import { dashboard } from '../grafana.ts';
import { LOGS_DASHBOARD } from './logs.ts';
import { QUEUE_DASHBOARD } from './queue.ts';
import { SCRAPING_DASHBOARD } from './scraping.ts';
import { SEASONS_DASHBOARD } from './seasons.ts';
import { WORKERS_DASHBOARD } from './workers.ts';

export const DASHBOARDS: Record<string, Record<string, unknown>> = {
  'queue.json': dashboard(QUEUE_DASHBOARD),
  'scraping.json': dashboard(SCRAPING_DASHBOARD),
  'workers.json': dashboard(WORKERS_DASHBOARD),
  'seasons.json': dashboard(SEASONS_DASHBOARD),
  'logs.json': dashboard(LOGS_DASHBOARD),
};
