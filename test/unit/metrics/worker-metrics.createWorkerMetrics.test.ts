/**
 * The worker's metrics as Prometheus reads them: known label sets start at zero, the fetch
 * observer counts requests by status class and errors by code, job runs get the right outcome.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimitError } from 'bullmq';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { ServerError } from '../../../src/errors/server-error.ts';
import { createMetricsRegistry } from '../../../src/metrics/registry.ts';
import { createWorkerMetrics } from '../../../src/metrics/worker-metrics.ts';
import { kindOfJobId } from '../../../src/queue/job-types.ts';

/** `name{labels}` -> value, from the text format. */
async function samples(metrics: ReturnType<typeof createWorkerMetrics>): Promise<Map<string, number>> {
  const text = await metrics.registry.metrics();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

function fresh(): ReturnType<typeof createWorkerMetrics> {
  const m = createWorkerMetrics(createMetricsRegistry('worker'));
  m.init({ queue: 'q', host: 'site:80', concurrency: 4, lockDurationMs: 5_000 });
  return m;
}

test('init: static gauges set, every known label set at zero, build info and default metrics present', async () => {
  const s = await samples(fresh());
  assert.equal(s.get('nba_scraper_worker_concurrency{queue="q"}'), 4);
  assert.equal(s.get('nba_scraper_worker_lock_duration_seconds'), 5);
  assert.equal(s.get('nba_scraper_worker_active_jobs{queue="q"}'), 0);
  for (const c of ['2xx', '3xx', '4xx', '5xx', 'error'])
    assert.equal(s.get(`nba_scraper_http_requests_total{host="site:80",status_class="${c}"}`), 0, c);
  assert.equal(s.get('nba_scraper_fetch_errors_total{host="site:80",code="ERR_RATE_LIMITED"}'), 0);
  assert.equal(s.get('nba_scraper_rate_limited_total{host="site:80"}'), 0);
  assert.equal(s.get('nba_scraper_blocked_total{host="site:80"}'), 0);
  assert.equal(s.get('nba_scraper_breaker_state{host="site:80"}'), 0);
  assert.equal(s.get('nba_scraper_breaker_transitions_total{host="site:80",state="open"}'), 0);
  assert.equal(s.get('nba_scraper_jobs_completed_total{queue="q",kind="boxscore"}'), 0);
  assert.equal(s.get('nba_scraper_jobs_failed_total{queue="q",kind="season",code="ERR_PARSE"}'), 0);
  assert.equal(s.get('nba_scraper_jobs_retried_total{queue="q",kind="boxscore",code="ERR_HTTP_5XX"}'), 0);
  assert.equal(s.get('nba_scraper_stalled_jobs_recovered_total{queue="q",kind="boxscore"}'), 0);
  assert.equal(s.get('nba_scraper_games_stored_total'), 0);
  assert.ok([...s.keys()].some((k) => k.startsWith('nba_scraper_build_info{version=')));
  for (const name of [
    'nba_scraper_process_cpu_seconds_total',
    'nba_scraper_process_resident_memory_bytes',
    'nba_scraper_nodejs_eventloop_lag_max_seconds',
    'nba_scraper_process_start_time_seconds',
  ])
    assert.ok(s.has(name), name);
});

test('the fetch observer counts answers by status class, failures by code, 429s, sizes and waits', async () => {
  const m = fresh();
  const o = m.fetchObserver;
  o.politenessWait?.('site:80', 1500);
  o.response?.('site:80', 200, 120, 50_000);
  o.response?.('site:80', 203, 80, 10_000);
  o.failure?.('site:80', 'ERR_HTTP_5XX', 502, 30);
  o.failure?.('site:80', 'ERR_RATE_LIMITED', 429, 10);
  o.failure?.('site:80', 'ERR_NETWORK', undefined, 5_000);
  const s = await samples(m);
  assert.equal(s.get('nba_scraper_http_requests_total{host="site:80",status_class="2xx"}'), 2);
  assert.equal(s.get('nba_scraper_http_requests_total{host="site:80",status_class="5xx"}'), 1);
  assert.equal(s.get('nba_scraper_http_requests_total{host="site:80",status_class="4xx"}'), 1);
  assert.equal(s.get('nba_scraper_http_requests_total{host="site:80",status_class="error"}'), 1);
  assert.equal(s.get('nba_scraper_fetch_errors_total{host="site:80",code="ERR_HTTP_5XX"}'), 1);
  assert.equal(s.get('nba_scraper_fetch_errors_total{host="site:80",code="ERR_NETWORK"}'), 1);
  assert.equal(s.get('nba_scraper_rate_limited_total{host="site:80"}'), 1);
  assert.equal(s.get('nba_scraper_fetch_duration_seconds_count{host="site:80"}'), 5);
  assert.equal(s.get('nba_scraper_fetch_duration_seconds_bucket{le="0.1",host="site:80"}'), 3);
  assert.equal(s.get('nba_scraper_response_size_bytes_count{host="site:80"}'), 2);
  assert.equal(s.get('nba_scraper_response_size_bytes_sum{host="site:80"}'), 60_000);
  assert.equal(s.get('nba_scraper_politeness_wait_seconds_sum{host="site:80"}'), 1.5);
});

test('job runs: outcome from what the failure policy threw; blocks counted; completions and failures by code', async () => {
  const m = fresh();
  const job = { name: 'boxscore', attemptsMade: 0, opts: { attempts: 3 } };
  m.jobStarted('q');
  m.jobRan('q', job, 0.2, undefined, undefined);
  m.jobStarted('q');
  m.jobRan('q', job, 0.3, new ServerError('502'), new ServerError('502'));
  m.jobStarted('q');
  m.jobRan('q', { ...job, attemptsMade: 2 }, 0.3, new ServerError('502'), new ServerError('502'));
  m.jobStarted('q');
  m.jobRan('q', job, 0.1, new BlockedError('403'), new RateLimitError());
  m.jobCompleted('q', 'boxscore');
  m.jobFailed('q', 'boxscore', 'ERR_HTTP_5XX', true);
  m.jobFailed('q', 'boxscore', 'ERR_PARSE', false);
  m.stalledRecovered('q', kindOfJobId('season-2018'));
  m.breakerChanged('site:80', 'open');
  const s = await samples(m);
  const count = (outcome: string): number | undefined =>
    s.get(`nba_scraper_job_duration_seconds_count{queue="q",kind="boxscore",outcome="${outcome}"}`);
  assert.deepEqual(
    ['completed', 'retry', 'failed', 'deferred'].map(count),
    [1, 1, 1, 1],
    'one run of each outcome',
  );
  assert.equal(s.get('nba_scraper_worker_active_jobs{queue="q"}'), 0);
  assert.equal(s.get('nba_scraper_blocked_total{host="site:80"}'), 1);
  assert.equal(s.get('nba_scraper_jobs_completed_total{queue="q",kind="boxscore"}'), 1);
  assert.equal(s.get('nba_scraper_jobs_retried_total{queue="q",kind="boxscore",code="ERR_HTTP_5XX"}'), 1);
  assert.equal(s.get('nba_scraper_jobs_failed_total{queue="q",kind="boxscore",code="ERR_PARSE"}'), 1);
  assert.equal(s.get('nba_scraper_stalled_jobs_recovered_total{queue="q",kind="season"}'), 1);
  assert.equal(s.get('nba_scraper_breaker_state{host="site:80"}'), 2);
  assert.equal(s.get('nba_scraper_breaker_transitions_total{host="site:80",state="open"}'), 1);
});
