/**
 * `nba-scraper exporter` as a real process against a real redis-server: it exports the job counts,
 * per-season progress and host holds exactly as `status` reads them; drops them (rather than
 * show stale numbers) when Redis goes away, and is not ready meanwhile; recovers when Redis is back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Queue } from 'bullmq';
import { loadConfig } from '../../../src/config.ts';
import { createHostStateStore } from '../../../src/fetch/host-state.ts';
import { type ExporterProcess, startExporterProcess } from '../../../src/local/processes/exporter-process.ts';
import { type LocalRedis, startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { enqueueSeasons } from '../../../src/queue/producer.ts';
import { openQueue } from '../../../src/queue/queues.ts';
import { readStatus } from '../../../src/queue/status.ts';
import { connectForCommand, type RedisClient, standaloneTarget } from '../../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../../src/sources/registry.ts';
import { waitFor } from '../../helpers/wait.ts';

async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

/** The host the exporter watches, and the hold the first test puts on it (far longer than the test). */
const HOST = '127.0.0.1:8123';
const HOLD_S = 600;

describe('the exporter process', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nba-exporter-'));
  let redis: LocalRedis;
  let exporter: ExporterProcess;
  let port: number;
  let connection: RedisClient;
  let queue: Queue;
  const q = DEFAULT_SOURCE.id;

  before(async () => {
    redis = await startLocalRedis();
    const env = {
      ...(process.env as Record<string, string>),
      REDIS_URL: redis.url,
      SOURCE_BASE_URL: `http://${HOST}`,
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: '0',
      EXPORTER_INTERVAL_MS: '500',
      // The store is another test's (exporter.dataset.test.ts): off here, which this test checks.
      EXPORTER_DATASET_INTERVAL_MS: '0',
      // Far above what a PING takes on a busy machine: /readyz says whether Redis answers, not how fast.
      HEALTH_REDIS_PING_TIMEOUT_MS: '5000',
    };
    connection = await connectForCommand(standaloneTarget(redis.url));
    connection.on('error', () => {});
    queue = openQueue(connection, loadConfig(env), q);
    queue.on('error', () => {});
    exporter = startExporterProcess(env, join(dir, 'exporter.log'));
    port = await exporter.port();
  });
  after(async () => {
    await exporter.stop();
    await queue.close().catch(() => {});
    connection.disconnect();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('exports the queue, the seasons and the hosts as status reads them', async () => {
    await enqueueSeasons(queue, loadConfig({ REDIS_URL: redis.url }), [2017, 2018]);
    await createHostStateStore(connection, '{nba}').hold(HOST, HOLD_S * 1000, 'blocked', '403');
    const status = await readStatus(queue, { seasons: [2017, 2018] });
    // One poll may come between the enqueue and the hold: wait for a poll that saw both.
    const s = await waitFor(
      'a poll after the enqueue and the hold',
      () => scrape(port),
      (m) =>
        m.get(`nba_scraper_queue_jobs{queue="${q}",state="waiting"}`) === 2 &&
        (m.get(`nba_scraper_host_hold_remaining_seconds{host="${HOST}",kind="blocked"}`) ?? 0) > 0,
    );
    for (const [state, count] of Object.entries(status.counts))
      assert.equal(s.get(`nba_scraper_queue_jobs{queue="${q}",state="${state}"}`), count, state);
    for (const season of status.seasons) {
      const l = `queue="${q}",season="${season.season}"`;
      assert.equal(s.get(`nba_scraper_season_state{${l},state="waiting"}`), 1);
      assert.equal(s.get(`nba_scraper_season_state{${l},state="completed"}`), 0);
      assert.equal(s.get(`nba_scraper_season_boxscores_expected{${l}}`), season.boxScores);
      assert.equal(s.get(`nba_scraper_season_boxscores_done{${l}}`), season.boxScoresDone);
      assert.equal(s.get(`nba_scraper_season_schedule_pages_expected{${l}}`), season.pagesTotal);
    }
    // The time left of the hold, counted down from its length (a busy machine may take a minute).
    const hold = s.get(`nba_scraper_host_hold_remaining_seconds{host="${HOST}",kind="blocked"}`) ?? 0;
    assert.ok(hold > HOLD_S - 60 && hold <= HOLD_S, `hold ${hold}`);
    assert.equal(s.get(`nba_scraper_host_hold_remaining_seconds{host="${HOST}",kind="rate-limited"}`), 0);
    assert.equal(s.get(`nba_scraper_host_breaker_state{host="${HOST}"}`), 0);
    assert.equal(s.get(`nba_scraper_queue_paused{queue="${q}"}`), 0);
    assert.ok((s.get('nba_scraper_redis_memory_used_bytes') ?? 0) > 100_000);
    assert.equal(s.get('nba_scraper_exporter_poll_errors_total'), 0);
    // EXPORTER_DATASET_INTERVAL_MS=0: the store is never read.
    assert.ok(![...s.keys()].some((k) => k.startsWith('nba_scraper_dataset_')));
    assert.equal(s.get('nba_scraper_exporter_dataset_read_errors_total'), 0);
    assert.equal(s.get('nba_scraper_exporter_dataset_read_duration_seconds_count'), 0);
    assert.ok(!s.has('nba_scraper_worker_concurrency{queue="basketball-reference"}'));
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(ready.status, 200);
  });

  test('Redis gone: not ready, poll errors counted, values dropped; back: values again', async () => {
    await redis.stop({ keepData: true });
    const down = await waitFor(
      'values dropped and Redis unreachable',
      () => scrape(port),
      // The queue poll and the Redis health check run on their own timers: wait for both.
      (m) =>
        !m.has(`nba_scraper_queue_jobs{queue="${q}",state="waiting"}`) &&
        m.get('nba_scraper_redis_reachable') === 0,
    );
    assert.ok((down.get('nba_scraper_exporter_poll_errors_total') ?? 0) >= 1);
    assert.equal(down.get('nba_scraper_redis_reachable'), 0);
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 503);
    await redis.restart();
    const back = await waitFor(
      'values and Redis back',
      () => scrape(port),
      (m) =>
        m.get(`nba_scraper_queue_jobs{queue="${q}",state="waiting"}`) === 2 &&
        m.get('nba_scraper_redis_reachable') === 1,
    );
    assert.equal(back.get('nba_scraper_redis_reachable'), 1);
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
  });

  test('SIGTERM: exits 0', async () => {
    assert.equal(await exporter.stop(), 0);
  });
});
