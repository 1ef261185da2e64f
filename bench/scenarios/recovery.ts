/**
 * Scenario 3, recovery: how long after a worker is killed (SIGKILL) its running jobs run again on
 * another worker, and how many pages are fetched twice; the same for a graceful stop (SIGTERM).
 *
 * Four worker processes (WORKER_CONCURRENCY 4, the default LOCK_DURATION_MS and
 * STALLED_INTERVAL_MS) and box score pages the replay site answers after a fixed delay, so jobs
 * are in flight when the signal comes. Each trial adds 8 jobs (16 slots: the survivors always have
 * free capacity, so what is measured is recovery, not queueing), waits until all 8 run, then a
 * random time within one lock renewal period (LOCK_DURATION_MS / 2: a crash comes at any point of
 * a lock's life, not just after a job started), signals the worker running most of them, and
 * starts a replacement. After a SIGKILL all its orphans are
 * watched at once; an orphan has recovered when its job shows another worker and a start time
 * (`processedOn`) after the kill. Pages redone = requests the site saw for the trial's pages
 * beyond one each.
 */
import { mkdtempSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { WorkerProcess } from '../../src/local/processes/worker-processes.ts';
import { boxScoreJobOptions } from '../../src/queue/job-options.ts';
import { BOXSCORE_JOB, boxScoreJobId } from '../../src/queue/job-types.ts';
import type { BenchContext } from '../lib/context.ts';
import { type OursSystem, startOurs, waitReady } from '../lib/ours.ts';
import { type BoxScoreItem, boxScoreItems, startBenchSite } from '../lib/site.ts';
import { num, quantile, range, summarise } from '../lib/stats.ts';

export interface RecoveryOptions {
  kills: number;
  terms: number;
  /** Delay of every box score answer, ms. */
  latencyMs: number;
  workers: number;
  concurrency: number;
  jobsPerTrial: number;
}

export interface KillTrial {
  orphans: number;
  /** Kill -> running again elsewhere, ms, one per orphan. */
  recoveryMs: number[];
  redone: number;
}

export interface TermTrial {
  running: number;
  /** SIGTERM -> process exited (its running jobs finished), ms. */
  exitMs: number;
  exitCode: number | string;
  redone: number;
  /** Jobs of the trial that ran on another worker after the signal (handed back). */
  handedBack: number;
}

export interface RecoveryResult {
  opts: RecoveryOptions;
  lockDurationMs: number;
  stalledIntervalMs: number;
  kills: KillTrial[];
  terms: TermTrial[];
}

const nameOf = (w: WorkerProcess): string => `${hostname()}:${w.child.pid}`;

export async function runRecovery(ctx: BenchContext, opts: RecoveryOptions): Promise<RecoveryResult> {
  const site = await startBenchSite({ seasons: [2018] });
  let sys: OursSystem | undefined;
  try {
    const items = boxScoreItems(await site.groundTruth(2018));
    await site.setFaults({ kinds: ['boxscore'], latency: { fixedMs: opts.latencyMs } });
    sys = await startOurs({
      siteUrl: site.url,
      storeDir: mkdtempSync(join(ctx.tmp, 'store-recovery-')),
      logDir: mkdtempSync(join(ctx.tmp, 'logs-recovery-')),
      processes: opts.workers,
      concurrency: opts.concurrency,
    });
    let next = 0;
    const batch = (): BoxScoreItem[] => {
      if (next + opts.jobsPerTrial > items.length) throw new Error('recovery: out of box score pages');
      const b = items.slice(next, next + opts.jobsPerTrial);
      next += opts.jobsPerTrial;
      return b;
    };
    const kills: KillTrial[] = [];
    for (let i = 0; i < opts.kills; i++) {
      const t = await killTrial(sys, site, batch());
      ctx.progress(
        `  SIGKILL ${i + 1}/${opts.kills}: ${t.orphans} orphans back after ${t.recoveryMs.map((ms) => num(ms / 1000)).join(', ')} s; ${t.redone} pages redone`,
      );
      kills.push(t);
    }
    const terms: TermTrial[] = [];
    for (let i = 0; i < opts.terms; i++) {
      const t = await termTrial(sys, site, batch());
      ctx.progress(
        `  SIGTERM ${i + 1}/${opts.terms}: ${t.running} running, exited ${t.exitCode} after ${num(t.exitMs / 1000)} s; ${t.redone} pages redone`,
      );
      terms.push(t);
    }
    return {
      opts,
      lockDurationMs: sys.config.lockDurationMs,
      stalledIntervalMs: sys.config.stalledIntervalMs,
      kills,
      terms,
    };
  } finally {
    await sys?.stop();
    await site.close();
  }
}

async function addTrialJobs(sys: OursSystem, items: BoxScoreItem[]): Promise<string[]> {
  const opts = boxScoreJobOptions(sys.config);
  await sys.queue.addBulk(
    items.map((data) => ({ name: BOXSCORE_JOB, data, opts: { ...opts, jobId: boxScoreJobId(data.gameId) } })),
  );
  return items.map((i) => boxScoreJobId(i.gameId));
}

/** Waits until every job of the trial runs; returns them (with the worker running each). */
async function allActive(sys: OursSystem, ids: string[]): Promise<Job[]> {
  const want = new Set(ids);
  for (let i = 0; i < 500; i++) {
    const active = (await sys.queue.getActive()).filter((j) => want.has(j.id!) && j.processedBy);
    if (active.length === ids.length) return active;
    await sleep(20);
  }
  throw new Error('recovery: the trial jobs never all ran');
}

function busiest(sys: OursSystem, active: Job[]): { victim: WorkerProcess; jobs: Job[] } {
  let best: { victim: WorkerProcess; jobs: Job[] } | undefined;
  for (const w of sys.pool.running) {
    const jobs = active.filter((j) => j.processedBy === nameOf(w));
    if (!best || jobs.length > best.jobs.length) best = { victim: w, jobs };
  }
  if (!best || best.jobs.length === 0) throw new Error('recovery: no worker runs a trial job');
  return best;
}

async function waitDrained(sys: OursSystem, ids: string[]): Promise<void> {
  for (let i = 0; i < 1_500; i++) {
    const states = await Promise.all(ids.map((id) => sys.queue.getJobState(id)));
    if (states.every((s) => s === 'completed' || s === 'unknown')) return;
    if (states.some((s) => s === 'failed')) throw new Error('recovery: a trial job failed');
    await sleep(50);
  }
  throw new Error('recovery: trial jobs did not finish');
}

async function redoneCount(site: Awaited<ReturnType<typeof startBenchSite>>, items: BoxScoreItem[]) {
  const paths = new Set(items.map((i) => i.path));
  const stats = await site.stats();
  return stats.log.filter((r) => paths.has(r.path)).length - items.length;
}

/** A random point within one lock renewal period (BullMQ renews every LOCK_DURATION_MS / 2). */
function randomPointOfLock(sys: OursSystem): Promise<void> {
  return sleep(Math.random() * (sys.config.lockDurationMs / 2));
}

async function killTrial(
  sys: OursSystem,
  site: Awaited<ReturnType<typeof startBenchSite>>,
  items: BoxScoreItem[],
): Promise<KillTrial> {
  const ids = await addTrialJobs(sys, items);
  const active = await allActive(sys, ids);
  await randomPointOfLock(sys);
  const { victim, jobs } = busiest(sys, active);
  const victimName = nameOf(victim);
  const killedAt = Date.now();
  await sys.pool.stop(victim, 'SIGKILL');
  const replacement = sys.pool.start(1);
  const pending = new Map(jobs.map((j) => [j.id!, j]));
  const recoveryMs: number[] = [];
  for (let i = 0; i < 1_200 && pending.size > 0; i++) {
    await Promise.all(
      [...pending.keys()].map(async (id) => {
        const j = await sys.queue.getJob(id);
        if (!j) {
          pending.delete(id); // ran again and finished between two looks: no start time to read
        } else if (j.processedBy && j.processedBy !== victimName && (j.processedOn ?? 0) > killedAt) {
          recoveryMs.push(j.processedOn! - killedAt);
          pending.delete(id);
        }
      }),
    );
    if (pending.size > 0) await sleep(25);
  }
  await waitReady(replacement);
  await waitDrained(sys, ids);
  return { orphans: jobs.length, recoveryMs, redone: await redoneCount(site, items) };
}

async function termTrial(
  sys: OursSystem,
  site: Awaited<ReturnType<typeof startBenchSite>>,
  items: BoxScoreItem[],
): Promise<TermTrial> {
  const ids = await addTrialJobs(sys, items);
  const active = await allActive(sys, ids);
  await randomPointOfLock(sys);
  const { victim, jobs } = busiest(sys, active);
  const victimName = nameOf(victim);
  const stoppedAt = Date.now();
  const exitCode = await sys.pool.stop(victim, 'SIGTERM', 60_000);
  const exitMs = Date.now() - stoppedAt;
  const replacement = sys.pool.start(1);
  await waitDrained(sys, ids);
  await waitReady(replacement);
  let handedBack = 0;
  for (const j of jobs) {
    const now = await sys.queue.getJob(j.id!);
    // Completed box score jobs are removed; one still there ran (again) on another worker.
    if (now && now.processedBy !== victimName) handedBack++;
  }
  return { running: jobs.length, exitMs, exitCode, redone: await redoneCount(site, items), handedBack };
}

export function recoveryMarkdown(r: RecoveryResult): string {
  const all = r.kills.flatMap((k) => k.recoveryMs).map((ms) => ms / 1000);
  const worst = r.kills.map((k) => Math.max(...k.recoveryMs) / 1000);
  const orphans = summarise(r.kills.map((k) => k.orphans));
  const redone = summarise(r.kills.map((k) => k.redone));
  const exits = r.terms.map((t) => t.exitMs / 1000);
  const termRedone = summarise(r.terms.map((t) => t.redone));
  const q = (xs: number[]) =>
    `${num(Math.min(...xs))} / ${num(quantile(xs, 0.5))} / ${num(quantile(xs, 0.95))} / ${num(Math.max(...xs))}`;
  const o = r.opts;
  return [
    `${o.workers} worker processes × WORKER_CONCURRENCY ${o.concurrency}, LOCK_DURATION_MS ${r.lockDurationMs}, ` +
      `STALLED_INTERVAL_MS ${r.stalledIntervalMs}; every box score answer delayed ${o.latencyMs} ms; ` +
      `${o.jobsPerTrial} jobs per trial; the worker running most of them signalled at a random point ` +
      `of its locks' renewal period. Expected from the settings: the lock has ${r.lockDurationMs / 2000}–` +
      `${r.lockDurationMs / 1000} s left at the kill, then the next stalled check comes within ` +
      `${r.stalledIntervalMs / 1000} s: ${r.lockDurationMs / 2000}–${(r.lockDurationMs + r.stalledIntervalMs) / 1000} s.`,
    '',
    '| signal | trials | jobs running on the signalled worker | time until they run again elsewhere, s: min / median / p95 / max | pages redone per signal | exit |',
    '| --- | ---: | ---: | --- | ---: | --- |',
    `| SIGKILL | ${r.kills.length} | ${range(orphans, 0)} (${all.length} in all) | ${all.length ? q(all) : 'n/a'} (per kill, the last orphan: ${worst.length ? q(worst) : 'n/a'}) | ${range(redone, 0)} | killed |`,
    `| SIGTERM | ${r.terms.length} | ${range(summarise(r.terms.map((t) => t.running)), 0)} | finished where they ran; handed back: ${r.terms.reduce((a, t) => a + t.handedBack, 0)}; SIGTERM → exit: ${exits.length ? q(exits) : 'n/a'} | ${range(termRedone, 0)} | ${[...new Set(r.terms.map((t) => String(t.exitCode)))].join(', ')} |`,
  ].join('\n');
}
