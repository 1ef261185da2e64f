/**
 * Our system for one benchmark run: a private redis-server, N worker processes (`nba-scraper
 * worker` as deployed: the TypeScript build in dist/ under the workers' V8 flags, or another entry
 * via `argv`) pointed at the replay site and a fresh file store, the
 * season enqueued once every worker is ready, and everything stopped when the season job has
 * finished. Reports each process's CPU seconds and peak RSS while it ran the season.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Queue } from 'bullmq';
import { type Config, loadConfig } from '../../src/config.ts';
import { type LocalRedis, startLocalRedis } from '../../src/local/processes/local-redis.ts';
import { WORKER_NODE_FLAGS } from '../../src/local/processes/worker-node-flags.ts';
import { WorkerPool, type WorkerProcess } from '../../src/local/processes/worker-processes.ts';
import { seasonJobId } from '../../src/queue/job-types.ts';
import { enqueueSeasons } from '../../src/queue/producer.ts';
import { openQueue } from '../../src/queue/queues.ts';
import { connectForCommand, type RedisClient, standaloneTarget } from '../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { cpuSeconds, peakRssMb } from './procfs.ts';
import { baseEnv } from './run-process.ts';

export interface OursOptions {
  siteUrl: string;
  storeDir: string;
  logDir: string;
  processes: number;
  concurrency: number;
  /** Settings on top of the defaults the benchmark uses. */
  env?: Record<string, string>;
  /** Node arguments of each worker in place of `deployedWorkerArgv()`. */
  argv?: string[];
}

const DIST_CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The arguments of `nba-scraper worker` as the image runs it: the TypeScript build
 * (`dist/cli/main.js`; `npm run bench` builds it first) under `flags` (default the workers' V8
 * flags). Not the TypeScript sources: Node would strip their types when it loads them, which costs
 * ~30 MB of resident memory that no pod has. Throws when the build is missing or older than a
 * source file (checked once per process), so that a measurement never runs stale code.
 */
export async function deployedWorkerArgv(flags: readonly string[] = WORKER_NODE_FLAGS): Promise<string[]> {
  buildChecked ??= checkBuild();
  await buildChecked;
  return [...flags, DIST_CLI, 'worker'];
}

let buildChecked: Promise<void> | undefined;

async function checkBuild(): Promise<void> {
  if (!existsSync(DIST_CLI)) throw new Error(`${DIST_CLI} is missing: run \`npm run build\` first`);
  const built = statSync(DIST_CLI).mtimeMs;
  for (const file of await readdir(SRC, { recursive: true })) {
    if (file.endsWith('.ts') && statSync(`${SRC}${file}`).mtimeMs > built) {
      throw new Error(`src/${file} is newer than the build in dist/: run \`npm run build\` first`);
    }
  }
}

export interface OursSystem {
  redis: LocalRedis;
  pool: WorkerPool;
  queue: Queue;
  connection: RedisClient;
  config: Config;
  workers: WorkerProcess[];
  /** Starts `n` more workers and waits until they take jobs. */
  addWorkers(n: number): Promise<WorkerProcess[]>;
  stop(): Promise<void>;
}

/** The settings of every run: worker logs at info (as deployed), metrics server on a free port. */
export function oursEnv(o: OursOptions, redisUrl: string): Record<string, string> {
  return baseEnv({
    LOG_LEVEL: 'info',
    REDIS_URL: redisUrl,
    STORE_URL: `file://${o.storeDir}`,
    SOURCE_BASE_URL: o.siteUrl,
    WORKER_CONCURRENCY: String(o.concurrency),
    METRICS_HOST: '127.0.0.1',
    METRICS_PORT: '0',
    ...o.env,
  });
}

/** Waits until every given worker has logged that it started (it takes jobs from then on). */
export async function waitReady(workers: WorkerProcess[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const w of workers) {
    for (;;) {
      if (existsSync(w.logFile) && readFileSync(w.logFile, 'utf8').includes('"msg":"worker started"')) break;
      if (w.child.exitCode !== null || w.child.signalCode !== null) {
        throw new Error(`worker ${w.child.pid} exited at start: ${tail(w.logFile)}`);
      }
      if (Date.now() > deadline) throw new Error(`worker ${w.child.pid} not ready: ${tail(w.logFile)}`);
      await sleep(50);
    }
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2_000);
  } catch {
    return '(no log)';
  }
}

export async function startOurs(o: OursOptions): Promise<OursSystem> {
  const redis = await startLocalRedis();
  const env = oursEnv(o, redis.url);
  const config = loadConfig(env);
  const pool = new WorkerPool({ env, logDir: o.logDir, argv: o.argv ?? (await deployedWorkerArgv()) });
  const connection = await connectForCommand(standaloneTarget(redis.url));
  connection.on('error', () => {});
  const queue = openQueue(connection, config, DEFAULT_SOURCE.id);
  const stop = async (): Promise<void> => {
    await pool.stopAll('SIGTERM', 30_000).catch(() => {});
    await queue.close().catch(() => {});
    connection.disconnect();
    await redis.stop().catch(() => {});
  };
  try {
    const workers = pool.start(o.processes);
    await waitReady(workers);
    return {
      redis,
      pool,
      queue,
      connection,
      config,
      workers,
      async addWorkers(n) {
        const added = pool.start(n);
        await waitReady(added);
        return added;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface SeasonRun {
  /** From enqueue to the season job's completion, ms. */
  seasonMs: number;
  /** CPU seconds of each worker process from ready to the season's end. */
  cpuSeconds: number[];
  /** Peak RSS of each worker process, MB (over its whole life). */
  peakRssMb: number[];
}

/** Enqueues the season and waits for its job to complete; throws if it fails or times out. */
export async function runSeason(sys: OursSystem, season: number, timeoutMs: number): Promise<SeasonRun> {
  const pids = sys.workers.map((w) => w.child.pid!);
  const cpu0 = pids.map(cpuSeconds);
  const started = Date.now();
  await enqueueSeasons(sys.queue, sys.config, [season]);
  const id = seasonJobId(season);
  for (;;) {
    const state = await sys.queue.getJobState(id);
    if (state === 'completed') break;
    if (state === 'failed') {
      const job = await sys.queue.getJob(id);
      throw new Error(`season ${season} failed: ${job?.failedReason}`);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`season ${season} not done in ${timeoutMs} ms`);
    await sleep(100);
  }
  const seasonMs = Date.now() - started;
  const failed = await sys.queue.getFailedCount();
  if (failed > 0) throw new Error(`${failed} jobs failed during the season run`);
  return {
    seasonMs,
    cpuSeconds: pids.map((pid, i) => cpuSeconds(pid) - cpu0[i]!),
    peakRssMb: pids.map(peakRssMb),
  };
}
