/**
 * The one configuration the dashboards, recording rules and alerts are generated from
 * (kubernetes-mixin style): how to select our targets, where the runbook lives, and every alert
 * threshold. Change a value here, run `npm run monitoring`, commit the regenerated files.
 */

export const MONITORING = {
  /** `job` label of the worker targets (Prometheus job / ServiceMonitor / PodMonitor). */
  workerJob: 'nba-scraper-worker',
  /** `job` label of the exporter target. */
  exporterJob: 'nba-scraper-exporter',
  /** Selector of the redis_exporter sidecar's series (redis_up, redis_memory_*). */
  redisSelector: 'job="nba-scraper-redis"',
  /** Where monitoring/runbook.md is published; alert runbook_url = this + `#alertname`. */
  runbookUrl: 'https://github.com/nba-scraper/nba-scraper/blob/main/monitoring/runbook.md',
  /** Dashboard uids and the tag that links them. */
  dashboardTag: 'nba-scraper',
  /**
   * Logs in Loki: `app.kubernetes.io/name` of the chart's pods (the chart's name unless
   * `nameOverride` changes it). The collector config (monitoring/loki/) keeps only these pods'
   * streams and the Logs dashboard selects them by it.
   */
  logsAppName: 'nba-scraper',
  thresholds: {
    /** Share of requests that fail (4xx, 5xx, no answer) over 5 m, for 10 m. */
    errorRatioWarning: 0.05,
    errorRatioCritical: 0.1,
    /** Backlog with no completion: window of the completion count, and `for`. */
    backlogStallWindow: '5m',
    backlogStallFor: '5m',
    /** Stalled recoveries in 15 m that count as "rising". */
    stalledWarning: 5,
    /** Event-loop lag (max over 5 m) as a share of the job lock duration. */
    eventLoopLagWarningRatio: 0.5,
    eventLoopLagCriticalRatio: 0.8,
    /** Redis memory used as a share of maxmemory. */
    redisMemoryWarning: 0.8,
    redisMemoryCritical: 0.95,
    /** Seconds without a successful poll before the exporter's numbers are stale. */
    exporterStaleSeconds: 120,
    /** Process restarts in 30 m that mean crash looping. */
    restartsWarning: 2,
    /** Box scores missing from the store, season job finished and nothing queued: for this long. */
    datasetIncompleteFor: '30m',
    /** Seconds without a successful read of the store (reads failing) before the dataset is blind. */
    datasetStaleSeconds: 600,
  },
} as const;

/** The runbook anchor of an alert: GitHub's slug of the `## AlertName` heading. */
export function runbookAnchor(alert: string): string {
  return alert
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

export function runbookUrl(alert: string): string {
  return `${MONITORING.runbookUrl}#${runbookAnchor(alert)}`;
}
