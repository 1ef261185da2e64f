/**
 * The exporter's gauges from a poll's snapshot: counts per state, per-season progress, failures by
 * code (zero for the known codes), hosts, the autoscaling signal of each queue's host; series of
 * seasons that are gone disappear.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { createExporterMetrics } from '../../../src/metrics/exporter-metrics.ts';
import { createMetricsRegistry } from '../../../src/metrics/registry.ts';
import { parseMemoryInfo, type SystemSnapshot } from '../../../src/metrics/system-snapshot.ts';

async function samples(text: Promise<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const line of (await text).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

const season = (n: number, state: string, done: number) => ({
  season: n,
  state,
  pagesDone: 7,
  pagesTotal: 8,
  games: 1230,
  boxScores: 100,
  boxScoresDone: done,
  boxScoresFailed: 2,
  otherJobsFailed: 0,
  etaSeconds: null,
  failedReason: null,
});

function snapshot(seasons: ReturnType<typeof season>[], host = 'a'): SystemSnapshot {
  return {
    at: 1_000_000,
    queues: [
      {
        status: {
          queue: 'q',
          paused: false,
          counts: {
            waiting: 5,
            prioritized: 1,
            active: 2,
            delayed: 0,
            'waiting-children': 1,
            completed: 9,
            failed: 3,
          },
          seasons,
          failures: [{ code: 'ERR_PARSE', count: 3, sample: 'boxscore-x: ERR_PARSE: ...' }],
        },
        host,
        rateLimitMs: 1500,
      },
    ],
    hosts: [
      {
        host: 'a',
        breaker: 'open',
        breakerChangedAt: 1,
        holdUntil: 1_060_000,
        holdKind: 'blocked',
        holdReason: '403',
      },
      {
        host: 'b',
        breaker: 'closed',
        breakerChangedAt: null,
        holdUntil: 0,
        holdKind: null,
        holdReason: null,
      },
    ],
    redisMemory: { used: 2048, max: 0 },
  };
}

test('a snapshot becomes the documented gauges', async () => {
  const m = createExporterMetrics(createMetricsRegistry('exporter'), loadConfig({ WORKER_CONCURRENCY: '4' }));
  m.update(snapshot([season(2018, 'waiting-children', 40), season(2017, 'completed', 100)]), 0.02);
  const s = await samples(m.registry.metrics());
  assert.equal(s.get('nba_scraper_queue_jobs{queue="q",state="waiting"}'), 5);
  assert.equal(s.get('nba_scraper_queue_jobs{queue="q",state="failed"}'), 3);
  assert.equal(s.get('nba_scraper_queue_paused{queue="q"}'), 0);
  assert.equal(s.get('nba_scraper_queue_rate_limit_remaining_seconds{queue="q"}'), 1.5);
  assert.equal(s.get('nba_scraper_queue_failed_jobs{queue="q",code="ERR_PARSE"}'), 3);
  assert.equal(s.get('nba_scraper_queue_failed_jobs{queue="q",code="ERR_NETWORK"}'), 0);
  assert.equal(s.get('nba_scraper_season_state{queue="q",season="2018",state="waiting-children"}'), 1);
  assert.equal(s.get('nba_scraper_season_state{queue="q",season="2018",state="completed"}'), 0);
  assert.equal(s.get('nba_scraper_season_boxscores_done{queue="q",season="2018"}'), 40);
  assert.equal(s.get('nba_scraper_season_boxscores_expected{queue="q",season="2017"}'), 100);
  assert.equal(s.get('nba_scraper_season_boxscores_failed{queue="q",season="2017"}'), 2);
  assert.equal(s.get('nba_scraper_season_schedule_pages{queue="q",season="2018"}'), 7);
  assert.equal(s.get('nba_scraper_season_schedule_pages_expected{queue="q",season="2018"}'), 8);
  assert.equal(s.get('nba_scraper_season_games{queue="q",season="2018"}'), 1230);
  assert.equal(s.get('nba_scraper_host_breaker_state{host="a"}'), 2);
  assert.equal(s.get('nba_scraper_host_hold_remaining_seconds{host="a",kind="blocked"}'), 60);
  assert.equal(s.get('nba_scraper_host_hold_remaining_seconds{host="a",kind="rate-limited"}'), 0);
  assert.equal(s.get('nba_scraper_host_hold_remaining_seconds{host="b",kind="blocked"}'), 0);
  // Host a is on hold: nothing of the queue's backlog (5 waiting + 1 prioritized) can be served.
  assert.equal(s.get('nba_scraper_queue_serviceable_backlog{queue="q",host="a"}'), 0);
  assert.equal(s.get('nba_scraper_queue_useful_workers{queue="q",host="a"}'), 0);
  assert.equal(s.get('nba_scraper_redis_memory_used_bytes'), 2048);
  assert.equal(s.get('nba_scraper_exporter_last_success_timestamp_seconds'), 1000);
  assert.equal(s.get('nba_scraper_exporter_poll_duration_seconds_count'), 1);

  // A season that is no longer in Redis disappears; clear() drops everything read from Redis.
  // The queue now fetches host b (no hold, no budget): its whole backlog, on ceil(6 / 4) workers.
  m.update(snapshot([season(2018, 'completed', 100)], 'b'), 0.01);
  const again = await samples(m.registry.metrics());
  assert.equal(again.get('nba_scraper_queue_serviceable_backlog{queue="q",host="b"}'), 6);
  assert.equal(again.get('nba_scraper_queue_useful_workers{queue="q",host="b"}'), 2);
  assert.equal(again.has('nba_scraper_queue_useful_workers{queue="q",host="a"}'), false);
  assert.equal(again.has('nba_scraper_season_boxscores_done{queue="q",season="2017"}'), false);
  assert.equal(again.get('nba_scraper_season_boxscores_done{queue="q",season="2018"}'), 100);
  m.pollFailed(0.5);
  m.clear();
  const cleared = await samples(m.registry.metrics());
  assert.equal(
    [...cleared.keys()].some((k) => /^nba_scraper_queue_(jobs|serviceable_backlog|useful_workers)/.test(k)),
    false,
  );
  assert.equal(cleared.get('nba_scraper_exporter_poll_errors_total'), 1);
  assert.equal(cleared.get('nba_scraper_exporter_last_success_timestamp_seconds'), 1000);
});

test('parseMemoryInfo reads used_memory and maxmemory from INFO memory', () => {
  const info =
    '# Memory\r\nused_memory:1048576\r\nused_memory_human:1.00M\r\nmaxmemory:268435456\r\nmaxmemory_policy:noeviction\r\n';
  assert.deepEqual(parseMemoryInfo(info), { used: 1_048_576, max: 268_435_456 });
  assert.equal(parseMemoryInfo('# Memory\r\n'), null);
});
