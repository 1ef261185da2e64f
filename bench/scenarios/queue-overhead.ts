/**
 * Scenario 2, queue overhead per job: Redis commands (≈ round trips), worker CPU and Redis CPU
 * per box score job, with 1, 10, 100, 1,000 and 10,000 jobs queued behind it.
 *
 * The worker is queue-probe.ts: wired like `nba-scraper worker`, but its page costs nothing (no
 * HTTP transfer, parse or store I/O), so what it spends is the queue's and our job plumbing's
 * cost. The jobs are box score jobs with our job options, children of a parent job as in a season
 * run. The backlog is held at B during the timed window: for every job the worker completes, the
 * benchmark adds one (their Redis commands, calibrated beforehand, are subtracted). Redis counts
 * come from INFO commandstats around the window, taken atomically with the backlog's length.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { loadConfig } from '../../src/config.ts';
import { startLocalRedis } from '../../src/local/processes/local-redis.ts';
import { boxScoreJobOptions } from '../../src/queue/job-options.ts';
import { BOXSCORE_JOB, type BoxScoreJobData, boxScoreJobId } from '../../src/queue/job-types.ts';
import { openQueue } from '../../src/queue/queues.ts';
import { connectForCommand, standaloneTarget } from '../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import type { BenchContext } from '../lib/context.ts';
import { parseRedisInfo, type RedisSnapshot, redisDelta } from '../lib/redis-info.ts';
import { baseEnv } from '../lib/run-process.ts';
import { num, range, type Summary, summarise } from '../lib/stats.ts';

export interface QueueOverheadOptions {
  backlogs: number[];
  /** Jobs timed per measurement. */
  jobs: number;
  reps: number;
  concurrency: number;
}

export interface QueueMeasurement {
  backlog: number;
  rep: number;
  jobs: number;
  /** Round trips the worker made per job (a pipeline counts once). */
  roundTripsPerJob: number;
  /** Round trips per job by command or BullMQ script name. */
  byCommand: Record<string, number>;
  /** Commands Redis executed per job, those run inside Lua scripts included (INFO commandstats). */
  commandsPerJob: number;
  workerCpuMsPerJob: number;
  redisCpuMsPerJob: number;
  wallMsPerJob: number;
}

export interface QueueOverheadResult {
  opts: QueueOverheadOptions;
  runs: QueueMeasurement[];
}

const PARENT_QUEUE = 'bench-parent';
const PARENT_ID = 'season-bench';

export async function runQueueOverhead(
  ctx: BenchContext,
  opts: QueueOverheadOptions,
): Promise<QueueOverheadResult> {
  const redis = await startLocalRedis();
  const env = baseEnv({
    LOG_LEVEL: 'info',
    REDIS_URL: redis.url,
    SOURCE_BASE_URL: 'http://127.0.0.1:9',
    METRICS_PORT: '-1',
  });
  const config = loadConfig(env);
  const conn = await connectForCommand(standaloneTarget(redis.url));
  const queue = openQueue(conn, config, DEFAULT_SOURCE.id);
  const parents = new Queue(PARENT_QUEUE, { connection: conn, prefix: config.queuePrefix });
  const keys = {
    wait: `${config.queuePrefix}:${queue.name}:wait`,
    active: `${config.queuePrefix}:${queue.name}:active`,
  };
  const jobOpts = {
    ...boxScoreJobOptions(config),
    parent: { id: PARENT_ID, queue: `${config.queuePrefix}:${PARENT_QUEUE}` },
  };
  let seq = 0;
  const addJobs = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, n - i) }, () => {
        const gameId = `g${++seq}`;
        const data: BoxScoreJobData = { season: 2018, gameId, path: `/boxscores/${gameId}.html` };
        return { name: BOXSCORE_JOB, data, opts: { ...jobOpts, jobId: boxScoreJobId(gameId) } };
      });
      await queue.addBulk(batch);
    }
  };
  const addOne = (): Promise<unknown> => {
    const gameId = `g${++seq}`;
    return queue.add(
      BOXSCORE_JOB,
      { season: 2018, gameId, path: `/boxscores/${gameId}.html` },
      { ...jobOpts, jobId: boxScoreJobId(gameId) },
    );
  };
  const snapshot = async (): Promise<{ snap: RedisSnapshot; queued: number }> => {
    const res = (await conn.multi().info('all').llen(keys.wait).llen(keys.active).exec()) ?? [];
    const info = String(res[0]?.[1] ?? '');
    const snap = parseRedisInfo(info);
    return { snap, queued: Number(res[1]?.[1] ?? 0) + Number(res[2]?.[1] ?? 0) };
  };
  const fresh = async (): Promise<void> => {
    await conn.flushall();
    await parents.add('season', {}, { jobId: PARENT_ID });
  };

  try {
    // Calibration: the Redis commands and CPU of the benchmark's own refill adds and resume.
    await fresh();
    await queue.pause();
    const c0 = await snapshot();
    const calibrationAdds = 200;
    for (let i = 0; i < calibrationAdds; i++) await addOne();
    const c1 = await snapshot();
    const own = redisDelta(c0.snap, c1.snap);
    subtractSnapshotCommands(own.calls);
    const perAdd = new Map([...own.calls].map(([k, v]) => [k, v / calibrationAdds]));
    const redisCpuPerAdd = own.cpu / calibrationAdds;
    ctx.progress(`  one refill add: ${[...perAdd].map(([k, v]) => `${k} ${num(v, 2)}`).join(', ')}`);

    const runs: QueueMeasurement[] = [];
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const backlog of opts.backlogs) {
        await fresh();
        await queue.pause();
        await addJobs(backlog);
        const m = await measureOne(ctx, env, opts, {
          backlog,
          rep,
          snapshot,
          addOne,
          resume: () => queue.resume(),
          perAdd,
          redisCpuPerAdd,
        });
        ctx.progress(
          `  backlog ${backlog}: ${num(m.roundTripsPerJob, 2)} round trips, ${num(m.commandsPerJob, 1)} Redis commands, ${num(m.workerCpuMsPerJob, 3)} ms worker CPU per job`,
        );
        runs.push(m);
      }
    }
    return { opts, runs };
  } finally {
    await parents.close().catch(() => {});
    await queue.close().catch(() => {});
    conn.disconnect();
    await redis.stop();
  }
}

/** The snapshot transactions' own commands (MULTI, LLEN ×2, EXEC after the first INFO). */
function subtractSnapshotCommands(calls: Map<string, number>): void {
  for (const [cmd, n] of [
    ['multi', 1],
    ['llen', 2],
    ['exec', 1],
  ] as const) {
    const left = (calls.get(cmd) ?? 0) - n;
    if (left > 0) calls.set(cmd, left);
    else calls.delete(cmd);
  }
}

async function measureOne(
  ctx: BenchContext,
  env: Record<string, string>,
  opts: QueueOverheadOptions,
  m: {
    backlog: number;
    rep: number;
    snapshot: () => Promise<{ snap: RedisSnapshot; queued: number }>;
    addOne: () => Promise<unknown>;
    resume: () => Promise<void>;
    perAdd: Map<string, number>;
    redisCpuPerAdd: number;
  },
): Promise<QueueMeasurement> {
  const logFile = join(mkdtempSync(join(ctx.tmp, 'probe-')), 'worker.log');
  const out = openSync(logFile, 'a');
  const child = fork(ctx.path('scenarios/queue-probe.ts'), [String(opts.concurrency)], {
    env,
    stdio: ['ignore', out, out, 'ipc'],
  });
  try {
    await message(child, 'ready');
    const before = await m.snapshot();
    const started = message(child, 'started');
    child.send({ t: 'start', jobs: opts.jobs });
    await started;
    const t0 = performance.now();
    let adds = 0;
    let chain: Promise<unknown> = m.resume();
    type Finished = { cpuSeconds: number; trips: Record<string, number> };
    let timing = true;
    const finished = new Promise<Finished>((resolve) => {
      child.on('message', (msg: { t: string } & Partial<Finished>) => {
        // Jobs the worker completes after the timed ones are not refilled: no add may still be on
        // its way when the scenario stops Redis.
        if (msg.t === 'done' && timing) {
          adds++;
          chain = chain.then(() => m.addOne());
        } else if (msg.t === 'finished') {
          timing = false;
          resolve({ cpuSeconds: msg.cpuSeconds ?? Number.NaN, trips: msg.trips ?? {} });
        }
      });
    });
    const { cpuSeconds, trips } = await finished;
    const wallMs = performance.now() - t0;
    // Refill adds issued so far are sent before the snapshot on the same connection.
    const addsCounted = adds;
    await chain;
    const after = await m.snapshot();
    const processed = m.backlog + addsCounted - after.queued;
    const delta = redisDelta(before.snap, after.snap);
    subtractSnapshotCommands(delta.calls);
    let commands = 0;
    for (const [cmd, n] of delta.calls) {
      const ownCalls = (m.perAdd.get(cmd) ?? 0) * addsCounted + (cmd === 'evalsha' ? 1 : 0); // + resume
      commands += Math.max(0, n - ownCalls);
    }
    const byCommand: Record<string, number> = {};
    let roundTripsTotal = 0;
    for (const [cmd, n] of Object.entries(trips)) {
      byCommand[cmd] = n / opts.jobs;
      roundTripsTotal += n;
    }
    return {
      backlog: m.backlog,
      rep: m.rep,
      jobs: processed,
      roundTripsPerJob: roundTripsTotal / opts.jobs,
      byCommand,
      commandsPerJob: commands / processed,
      workerCpuMsPerJob: (1000 * cpuSeconds) / opts.jobs,
      redisCpuMsPerJob: (1000 * (delta.cpu - m.redisCpuPerAdd * addsCounted)) / processed,
      wallMsPerJob: wallMs / opts.jobs,
    };
  } finally {
    child.send({ t: 'stop' });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function message(child: ChildProcess, t: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMsg = (msg: { t: string }): void => {
      if (msg.t !== t) return;
      child.off('message', onMsg);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null): void => reject(new Error(`queue probe exited (${code})`));
    child.on('message', onMsg);
    child.once('exit', onExit);
  });
}

export function queueOverheadMarkdown(result: QueueOverheadResult): string {
  const o = result.opts;
  const rows = o.backlogs.map((backlog) => {
    const runs = result.runs.filter((r) => r.backlog === backlog);
    const s = (f: (r: QueueMeasurement) => number): Summary => summarise(runs.map(f));
    const cmds = new Set(runs.flatMap((r) => Object.keys(r.byCommand)));
    const mix = [...cmds]
      .map((c) => [c, summarise(runs.map((r) => r.byCommand[c] ?? 0)).median] as const)
      .filter(([, v]) => v >= 0.01)
      .sort((a, b) => b[1] - a[1])
      .map(([c, v]) => `${c} ${num(v, 2)}`)
      .join(', ');
    return (
      `| ${backlog.toLocaleString('en-US')} | ${range(
        s((r) => r.roundTripsPerJob),
        2,
      )} | ${mix} | ` +
      `${range(
        s((r) => r.commandsPerJob),
        1,
      )} | ` +
      `${range(
        s((r) => r.workerCpuMsPerJob),
        3,
      )} | ${range(
        s((r) => r.redisCpuMsPerJob),
        3,
      )} | ` +
      `${range(
        s((r) => r.wallMsPerJob),
        3,
      )} |`
    );
  });
  return [
    `${o.jobs} box score jobs timed per measurement at WORKER_CONCURRENCY=${o.concurrency}, the backlog ` +
      `held at B jobs behind them, ${o.reps} repetition(s); median (min–max).`,
    '',
    '| backlog B | round trips / job | round trips by command or script (median) | Redis commands / job (incl. inside scripts) | worker CPU ms / job | Redis CPU ms / job | wall ms / job |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
