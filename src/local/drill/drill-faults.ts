/**
 * The faults of the drill, each as one step: inject it into the running local stack, then watch
 * for the moment the system noticed (detected) and the moment it was whole again (recovered), by
 * what anyone can observe: the jobs in Redis, the workers' processes, the host holds every worker
 * shares, and the replay site's request log.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HostStateStore } from '../../fetch/host-state.ts';
import type { LocalStack } from '../demo/local-stack.ts';
import type { WorkerProcess } from '../processes/worker-processes.ts';
import type { FaultConfig } from '../replay/faults.ts';
import type { RequestRecord } from '../replay/request-stats.ts';
import { faultedPaths, firstAfter, servedAfter } from './drill-measure.ts';

export interface DrillContext {
  readonly stack: LocalStack;
  readonly hosts: HostStateStore;
  /** The host the workers fetch from (`127.0.0.1:<port>`). */
  readonly host: string;
  /** The site's faults outside the injections (latency). */
  readonly base: FaultConfig;
  /** Box score jobs done of the season so far. */
  progress(): Promise<number>;
}

/** When each phase happened (ms since the epoch), and what was seen. */
export interface FaultTimes {
  injectedAt: number;
  detectedAt: number;
  recoveredAt: number;
}

export type Say = (phase: 'injected' | 'detected' | 'recovered', text: string) => void;

export interface DrillFault {
  /** One line, as the report's first column. */
  readonly name: string;
  run(ctx: DrillContext, say: Say): Promise<FaultTimes>;
}

const POLL_MS = 100;
const DEADLINE_MS = 90_000;

/** Polls `probe` until it gives a value; throws after the deadline, naming what was awaited. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const until = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not seen within ${DEADLINE_MS / 1000} s: ${what}`);
    await sleep(POLL_MS);
  }
}

const nameOf = (w: WorkerProcess): string => `${hostname()}:${w.child.pid}`;
const requestLog = (ctx: DrillContext): RequestRecord[] => ctx.stack.site.stats({ log: true }).log;

/** The ids of the jobs a worker is running now. */
async function jobsOf(ctx: DrillContext, w: WorkerProcess): Promise<string[]> {
  const active = await ctx.stack.queue.getActive();
  return active.filter((j) => j.processedBy === nameOf(w)).map((j) => j.id as string);
}

/** A worker that is running jobs (the busiest), so that losing it costs something. */
async function busiest(ctx: DrillContext): Promise<{ worker: WorkerProcess; jobs: string[] }> {
  return waitFor('a worker running jobs', async () => {
    let best: { worker: WorkerProcess; jobs: string[] } | undefined;
    for (const worker of ctx.stack.pool.running) {
      const jobs = await jobsOf(ctx, worker);
      if (jobs.length > 0 && (!best || jobs.length > best.jobs.length)) best = { worker, jobs };
    }
    return best;
  });
}

/**
 * Resolves when none of `jobs` is held by `victim` any more, and again when each has run again
 * elsewhere (or finished: completed box score jobs leave Redis).
 */
async function handedBack(
  ctx: DrillContext,
  victim: string,
  jobs: readonly string[],
  since: number,
): Promise<{ released: number; rerun: number }> {
  const state = async (id: string): Promise<'victim' | 'released' | 'rerun'> => {
    const j = await ctx.stack.queue.getJob(id);
    if (!j) return 'rerun';
    const s = await j.getState();
    if (s === 'completed') return 'rerun';
    if (j.processedBy && j.processedBy !== victim && (j.processedOn ?? 0) > since) return 'rerun';
    return s === 'active' && j.processedBy === victim ? 'victim' : 'released';
  };
  const released = await waitFor("the dead worker's jobs back in the queue", async () => {
    const states = await Promise.all(jobs.map(state));
    return states.every((s) => s !== 'victim') ? Date.now() : undefined;
  });
  const rerun = await waitFor("the dead worker's jobs running again elsewhere", async () => {
    const states = await Promise.all(jobs.map(state));
    return states.every((s) => s === 'rerun') ? Date.now() : undefined;
  });
  return { released, rerun };
}

const sigkill: DrillFault = {
  name: 'SIGKILL of a worker',
  async run(ctx, say) {
    const { worker, jobs } = await busiest(ctx);
    const injectedAt = Date.now();
    await ctx.stack.pool.stop(worker, 'SIGKILL');
    ctx.stack.pool.start(1); // its replacement, as a Deployment would start one
    say(
      'injected',
      `worker ${worker.index} (pid ${worker.child.pid}) killed with ${jobs.length} job(s) running; a new worker starts`,
    );
    const { released, rerun } = await handedBack(ctx, nameOf(worker), jobs, injectedAt);
    say('detected', 'its job locks expired: the stalled check put its jobs back in the queue');
    say('recovered', `all ${jobs.length} job(s) ran again on other workers`);
    return { injectedAt, detectedAt: released, recoveredAt: rerun };
  },
};

const sigterm: DrillFault = {
  name: 'SIGTERM of a worker (scale-down)',
  async run(ctx, say) {
    const { worker, jobs } = await busiest(ctx);
    const injectedAt = Date.now();
    say(
      'injected',
      `worker ${worker.index} (pid ${worker.child.pid}) asked to stop with ${jobs.length} job(s) running`,
    );
    const code = await ctx.stack.pool.stop(worker, 'SIGTERM');
    const detectedAt = Date.now();
    if (code !== 0) throw new Error(`the worker exited with ${code}, not 0`);
    say('detected', 'it stopped taking jobs, finished or handed back its running ones, and exited 0');
    const { rerun } = await handedBack(ctx, nameOf(worker), jobs, injectedAt);
    say(
      'recovered',
      `its ${jobs.length} job(s) are done; the fleet goes on with ${ctx.stack.pool.running.length} worker(s)`,
    );
    return { injectedAt, detectedAt, recoveredAt: Math.max(detectedAt, rerun) };
  },
};

const redisRestart: DrillFault = {
  name: 'Redis restart',
  async run(ctx, say) {
    const redis = ctx.stack.redis;
    if (!redis) throw new Error('the drill needs its own Redis');
    const before = await ctx.progress();
    let lostAt: number | undefined;
    const onLoss = (): void => {
      lostAt ??= Date.now();
    };
    ctx.stack.connection.once('close', onLoss);
    const injectedAt = Date.now();
    say('injected', 'redis-server stopped; it starts again in 2 s (AOF on)');
    await redis.restart(2_000);
    const detectedAt = await waitFor('the connection loss', () => lostAt);
    say('detected', 'connections lost; every process retries and reconnects by itself');
    const recoveredAt = await waitFor('a box score stored after the restart', async () =>
      (await ctx.progress()) > before ? Date.now() : undefined,
    );
    say(
      'recovered',
      `Redis back with every job; the crawl goes on (${ctx.stack.pool.running.length} workers running)`,
    );
    return { injectedAt, detectedAt, recoveredAt };
  },
};

/** Sets faults on the site for a while (or until `until` resolves), then puts the base faults back. */
async function burst(ctx: DrillContext, faults: FaultConfig, until: Promise<unknown>): Promise<void> {
  ctx.stack.site.setFaults({ ...ctx.base, ...faults });
  try {
    await until;
  } finally {
    ctx.stack.site.setFaults(ctx.base);
  }
}

const serverErrors: DrillFault = {
  name: 'burst of 5xx and timeouts',
  async run(ctx, say) {
    const injectedAt = Date.now();
    say('injected', 'for 4 s, 30 % of pages answer 5xx and 15 % trickle for 6 s (past the fetch timeout)');
    const detected = waitFor('a faulted answer', () =>
      firstAfter(requestLog(ctx), injectedAt, (r) => r.fault !== null),
    );
    await burst(
      ctx,
      { seed: 7, serverErrors: { rate: 0.3 }, slowBody: { rate: 0.15, durationMs: 6_000, chunks: 6 } },
      sleep(4_000),
    );
    const first = await detected;
    say('detected', 'requests failed (ERR_HTTP_5XX, ERR_TIMEOUT): the jobs are retried with backoff');
    const endedAt = Date.now();
    const hit = faultedPaths(requestLog(ctx), injectedAt, endedAt);
    const recoveredAt = await waitFor('every faulted page served', () =>
      servedAfter(requestLog(ctx), hit, injectedAt) ? Date.now() : undefined,
    );
    say('recovered', `all ${hit.size} page(s) the burst hit were fetched again and stored`);
    return { injectedAt, detectedAt: first.t, recoveredAt };
  },
};

/** A hold of `kind` on the host, from the state every worker shares; undefined when none. */
async function holdOf(ctx: DrillContext, kind: 'rate-limited' | 'blocked'): Promise<number | undefined> {
  const host = (await ctx.hosts.readAll()).find((h) => h.host === ctx.host);
  return host && host.holdKind === kind && host.holdUntil > Date.now() ? host.holdUntil : undefined;
}

/** The host's hold of `kind` ended and a page was served after it. */
async function holdOver(ctx: DrillContext, holdUntil: number): Promise<number> {
  return waitFor('a page served after the hold', () => {
    const r = firstAfter(requestLog(ctx), holdUntil, (x) => x.status === 200);
    return r ? Math.round(r.t) : undefined;
  });
}

const rateLimited: DrillFault = {
  name: '429 with Retry-After',
  async run(ctx, say) {
    const injectedAt = Date.now();
    say('injected', 'the site allows 1 request per 3 s and answers 429 with Retry-After beyond it');
    let holdUntil = 0;
    await burst(
      ctx,
      { rateLimit: { maxPerMinute: 1, windowMs: 3_000, blockAfter: 1_000 } },
      waitFor('a rate-limited hold', async () => {
        holdUntil = (await holdOf(ctx, 'rate-limited')) ?? 0;
        return holdUntil > 0 ? holdUntil : undefined;
      }),
    );
    const detectedAt = Date.now();
    say(
      'detected',
      `every worker holds off the host until ${new Date(holdUntil).toISOString().slice(11, 23)} (no attempt used)`,
    );
    const recoveredAt = await holdOver(ctx, holdUntil);
    say('recovered', 'the hold ended and pages flow again');
    return { injectedAt, detectedAt, recoveredAt };
  },
};

const blockPage: DrillFault = {
  name: 'block page',
  async run(ctx, say) {
    const injectedAt = Date.now();
    say('injected', 'the site serves its block page (200) to a client over 1 request per minute');
    let holdUntil = 0;
    await burst(
      ctx,
      { rateLimit: { maxPerMinute: 1, windowMs: 60_000, blockAfter: 0, blockMs: 2_000, blockStatus: 200 } },
      waitFor('a blocked hold', async () => {
        holdUntil = (await holdOf(ctx, 'blocked')) ?? 0;
        return holdUntil > 0 ? holdUntil : undefined;
      }),
    );
    const detectedAt = Date.now();
    say(
      'detected',
      `the parser refused the block page; every worker holds off the host until ${new Date(holdUntil).toISOString().slice(11, 23)}`,
    );
    const recoveredAt = await holdOver(ctx, holdUntil);
    say('recovered', 'the block hold ended and pages flow again');
    return { injectedAt, detectedAt, recoveredAt };
  },
};

/**
 * The drill's faults in the order it injects them. The 5xx burst comes last: a retried job waits
 * behind the queue's backlog (BullMQ appends it to the wait list), so its recovery lasts as long
 * as the backlog, shortest near the end of the season.
 */
export const DRILL_FAULTS: readonly DrillFault[] = [
  sigkill,
  sigterm,
  redisRestart,
  rateLimited,
  blockPage,
  serverErrors,
];
