/**
 * The whole system on loopback for integration tests: a private redis-server, the replay site,
 * worker processes (real OS processes running the CLI), a queue handle for the test, and one
 * stop() that tears everything down. Nothing is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import { type Config, childEnv, loadConfig } from '../../src/config.ts';
import { type LocalRedis, startLocalRedis } from '../../src/local/processes/local-redis.ts';
import { WorkerPool } from '../../src/local/processes/worker-processes.ts';
import type { FaultConfig } from '../../src/local/replay/faults.ts';
import { createReplaySite, type ReplaySite } from '../../src/local/replay/replay-site.ts';
import { enqueueSeasons } from '../../src/queue/producer.ts';
import { openQueue } from '../../src/queue/queues.ts';
import { readStatus, type SeasonStatus } from '../../src/queue/status.ts';
import { connectForCommand, type RedisClient, standaloneTarget } from '../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { openStore } from '../../src/store/open-store.ts';

export interface SystemOptions {
  seasons: number[];
  storeUrl: string;
  workers?: number;
  /** Extra settings for the workers (and the test's own config). */
  env?: Record<string, string>;
  faults?: FaultConfig | null;
  asOf?: string | null;
}

export interface System {
  redis: LocalRedis;
  site: ReplaySite;
  pool: WorkerPool;
  queue: Queue;
  connection: RedisClient;
  config: Config;
  env: Record<string, string>;
  logDir: string;
  enqueue(seasons?: number[]): ReturnType<typeof enqueueSeasons>;
  /** Game ids the site lists as played for the season, sorted. */
  playedGames(season: number): string[];
  /** Game ids whose box score the store holds for the season, sorted. */
  storedBoxScores(season: number): Promise<string[]>;
  /** Polls until every given season job is completed or failed; throws after `timeoutMs`. */
  waitForSeasons(seasons: number[], timeoutMs: number): Promise<SeasonStatus[]>;
  stop(): Promise<void>;
}

/** Settings that make tests fast: short retry intervals, no politeness for the loopback site. */
export const FAST_ENV: Record<string, string> = {
  LOG_LEVEL: 'info',
  RETRY_INTERVALS_MS: '200,500,1000',
  RETRY_MAX_DELAY_MS: '2000',
  WORKER_CONCURRENCY: '4',
  // Each worker's HTTP server on loopback, on a free port.
  METRICS_HOST: '127.0.0.1',
  METRICS_PORT: '0',
};

export async function startSystem(opts: SystemOptions): Promise<System> {
  const redis = await startLocalRedis();
  const site = await createReplaySite({
    seasons: opts.seasons,
    port: 0,
    faults: opts.faults ?? null,
    asOf: opts.asOf ?? null,
  });
  const env = {
    ...FAST_ENV,
    REDIS_URL: redis.url,
    STORE_URL: opts.storeUrl,
    SOURCE_BASE_URL: site.url,
    ...opts.env,
  };
  const config = loadConfig(env);
  const logDir = mkdtempSync(join(tmpdir(), 'nba-test-logs-'));
  const pool = new WorkerPool({ env: childEnv(env), logDir });
  pool.start(opts.workers ?? 2);
  const connection = await connectForCommand(standaloneTarget(redis.url));
  connection.on('error', () => {});
  const queue = openQueue(connection, config, DEFAULT_SOURCE.id);
  return {
    redis,
    site,
    pool,
    queue,
    connection,
    config,
    env,
    logDir,
    enqueue: (seasons = opts.seasons) => enqueueSeasons(queue, config, seasons),
    playedGames: (season) =>
      site
        .groundTruth(season)
        .games.filter((g) => g.played)
        .map((g) => g.gameId)
        .sort(),
    async storedBoxScores(season) {
      const store = await openStore(opts.storeUrl);
      try {
        return [...(await store.storedBoxScoreIds(season))].sort();
      } finally {
        await store.close();
      }
    },
    async waitForSeasons(seasons, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no status read';
      for (;;) {
        try {
          const s = await readStatus(queue, { seasons });
          const done = s.seasons.every((x) => x.state === 'completed' || x.state === 'failed');
          if (s.seasons.length === seasons.length && done) return s.seasons;
          last = JSON.stringify(s.seasons.map((x) => [x.season, x.state, x.boxScoresDone, x.boxScores]));
        } catch (err) {
          // Redis restarting: keep polling.
          last = `error: ${(err as Error).stack ?? String(err)}`;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `seasons ${seasons.join(',')} not finished within ${timeoutMs} ms (last: ${last}; logs: ${logDir})`,
          );
        }
        await sleep(250);
      }
    },
    async stop() {
      await pool.stopAll('SIGTERM', 30_000).catch(() => {});
      await queue.close().catch(() => {});
      connection.disconnect();
      await site.close().catch(() => {});
      await redis.stop().catch(() => {});
    },
  };
}

/** A file store in a temporary folder that is removed when the test file ends. */
export function tempFileStore(prefix = 'nba-test-store-'): { dir: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, url: `file://${dir}` };
}
