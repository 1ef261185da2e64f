/**
 * The local stack the demo and the drill run on: the store, a Redis on loopback (unless REDIS_URL
 * is set), the replay site, N worker processes and a queue connection, with one cleanup that
 * stops everything it started, in reverse order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { type Config, childEnv } from '../../config.ts';
import type { Logger } from '../../log/logger.ts';
import { openQueue } from '../../queue/queues.ts';
import {
  connectForCommand,
  type RedisClient,
  redisTargetOf,
  standaloneTarget,
} from '../../redis/connection.ts';
import { DEFAULT_SOURCE } from '../../sources/registry.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/store.ts';
import { type LocalRedis, startLocalRedis } from '../processes/local-redis.ts';
import { WorkerPool } from '../processes/worker-processes.ts';
import type { FaultConfig } from '../replay/faults.ts';
import { createReplaySite, type ReplaySite } from '../replay/replay-site.ts';

export interface LocalStackOptions {
  config: Config;
  logger: Logger;
  seasons: number[];
  workers: number;
  storeUrl: string;
  /** Where progress lines go. */
  say(line: string): void;
  /** Settings of the worker processes on top of the stack's (REDIS_URL, STORE_URL, SOURCE_BASE_URL). */
  workerEnv?: Record<string, string>;
  /** Start a private Redis even when REDIS_URL is set (the drill restarts it). */
  ownRedis?: boolean;
  /** Faults of the replay site from the start. */
  faults?: FaultConfig | null;
}

export interface LocalStack {
  readonly store: Store;
  /** The private Redis, or null when REDIS_URL is used. */
  readonly redis: LocalRedis | null;
  readonly redisUrl: string;
  readonly site: ReplaySite;
  readonly pool: WorkerPool;
  readonly env: Record<string, string>;
  readonly logDir: string;
  /** A queue on its own connection, for enqueueing and watching. */
  readonly queue: Queue;
  readonly connection: RedisClient;
  /** Registers a step for `stop` (run before the steps registered earlier). */
  onStop(step: () => Promise<void>): void;
  /** Stops everything that was started, last started first; idempotent. */
  stop(): Promise<void>;
}

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const { config, logger, say } = opts;
  const steps: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of steps.reverse())
      await step().catch((err: unknown) => logger.error({ err }, 'cleanup step failed'));
    steps.length = 0;
  };
  try {
    // The store first: a bad STORE_URL fails before anything is started.
    const store = await openStore(opts.storeUrl, { logger });
    steps.push(() => store.close());

    let redis: LocalRedis | null = null;
    let redisUrl = opts.ownRedis ? undefined : config.redisUrl;
    if (!redisUrl) {
      const started = await startLocalRedis();
      redis = started;
      steps.push(() => started.stop());
      redisUrl = started.url;
      say(`redis-server started on ${started.url}`);
    }
    const site = await createReplaySite({
      seasons: opts.seasons,
      fixturesDir: config.fixturesDir,
      port: 0,
      logger,
      faults: opts.faults ?? null,
    });
    steps.push(() => site.close());
    say(`replay site serving seasons ${opts.seasons.join(', ')} at ${site.url}`);

    const logDir = mkdtempSync(join(tmpdir(), 'nba-scraper-demo-'));
    const env = childEnv({
      REDIS_URL: redisUrl,
      STORE_URL: opts.storeUrl,
      SOURCE_BASE_URL: site.url,
      ...opts.workerEnv,
    });
    const pool = new WorkerPool({ logDir, env });
    steps.push(() => pool.stopAll('SIGTERM'));
    pool.start(opts.workers);
    say(`${opts.workers} worker processes started (logs in ${logDir})`);

    const connection = await connectForCommand(
      redis === null ? redisTargetOf(config) : standaloneTarget(redisUrl),
    );
    const queue = openQueue(connection, config, DEFAULT_SOURCE.id);
    steps.push(async () => {
      await queue.close();
      await connection.quit();
    });
    return {
      store,
      redis,
      redisUrl,
      site,
      pool,
      env,
      logDir,
      queue,
      connection,
      onStop: (step) => steps.push(step),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
