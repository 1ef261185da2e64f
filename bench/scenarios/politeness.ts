/**
 * Scenario 4, politeness accuracy: the request rate the site sees against the configured budget,
 * with 1, 2, 4 and 8 worker processes sharing it (HOST_RATE_LIMITS=127.0.0.1=<budget>, the
 * default WORKER_CONCURRENCY and HOST_MAX_ACTIVE_JOBS). The configurations run at the same time,
 * each with its own Redis and its own replay site (a budget is per host, and the site's port is
 * part of the host), for a fixed time after the season is enqueued; the site records every
 * request's arrival time.
 *
 * Judged on sliding windows of `windowMs` starting at every request: the busiest window must
 * never hold more than the budget (scaled to the window); the fullest window that ends before the
 * run stopped says how close to the budget the fleet gets.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { enqueueSeasons } from '../../src/queue/producer.ts';
import type { BenchContext } from '../lib/context.ts';
import { type OursSystem, startOurs } from '../lib/ours.ts';
import { type BenchSite, startBenchSite } from '../lib/site.ts';
import { num, percent, range, summarise } from '../lib/stats.ts';

export interface PolitenessOptions {
  processes: number[];
  /** Requests per minute. */
  budget: number;
  runMs: number;
  windowMs: number;
  reps: number;
}

export interface PolitenessRun {
  processes: number;
  rep: number;
  requests: number;
  /** Allowed requests per window (budget scaled to the window). */
  allowed: number;
  busiest: number;
  fullestComplete: number;
}

export interface PolitenessResult {
  opts: PolitenessOptions;
  runs: PolitenessRun[];
}

export async function runPoliteness(ctx: BenchContext, opts: PolitenessOptions): Promise<PolitenessResult> {
  const runs: PolitenessRun[] = [];
  for (let rep = 0; rep < opts.reps; rep++) {
    const setups: { processes: number; site: BenchSite; sys: OursSystem }[] = [];
    try {
      for (const processes of opts.processes) {
        const site = await startBenchSite({ seasons: [2018] });
        setups.push({
          processes,
          site,
          sys: undefined as unknown as OursSystem,
        });
        setups.at(-1)!.sys = await startOurs({
          siteUrl: site.url,
          storeDir: mkdtempSync(join(ctx.tmp, 'store-polite-')),
          logDir: mkdtempSync(join(ctx.tmp, 'logs-polite-')),
          processes,
          concurrency: 4,
          env: { HOST_RATE_LIMITS: `127.0.0.1=${opts.budget}` },
        });
      }
      ctx.progress(
        `  rep ${rep + 1}/${opts.reps}: ${opts.processes.join(', ')} processes at ${opts.budget}/min for ${opts.runMs / 1000} s`,
      );
      for (const s of setups) await s.site.resetStats();
      await Promise.all(setups.map((s) => enqueueSeasons(s.sys.queue, s.sys.config, [2018])));
      await sleep(opts.runMs);
      // Stop the fleets first, then read what the sites saw.
      await Promise.all(setups.map((s) => s.sys.pool.stopAll('SIGTERM', 30_000)));
      for (const s of setups) {
        const times = (await s.site.stats()).log.map((r) => r.t).sort((a, b) => a - b);
        const run = judge(times, opts, s.processes, rep);
        ctx.progress(
          `    ${s.processes} proc: busiest ${run.busiest}, fullest complete ${run.fullestComplete} of ${run.allowed}`,
        );
        runs.push(run);
      }
    } finally {
      for (const s of setups) {
        await s.sys?.stop();
        await s.site.close();
      }
    }
  }
  return { opts, runs };
}

function judge(times: number[], opts: PolitenessOptions, processes: number, rep: number): PolitenessRun {
  const allowed = Math.floor((opts.budget * opts.windowMs) / 60_000);
  let busiest = 0;
  let fullestComplete = 0;
  const last = times.at(-1) ?? 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + opts.windowMs) j++;
    busiest = Math.max(busiest, j - i);
    if (times[i]! + opts.windowMs <= last) fullestComplete = Math.max(fullestComplete, j - i);
  }
  return { processes, rep, requests: times.length, allowed, busiest, fullestComplete };
}

export function politenessMarkdown(r: PolitenessResult): string {
  const o = r.opts;
  const allowed = Math.floor((o.budget * o.windowMs) / 60_000);
  const rows = o.processes.map((p) => {
    const runs = r.runs.filter((x) => x.processes === p);
    const busiest = summarise(runs.map((x) => x.busiest));
    const fullest = summarise(runs.map((x) => x.fullestComplete / x.allowed));
    const over = runs.some((x) => x.busiest > x.allowed);
    return (
      `| ${p} | ${range(summarise(runs.map((x) => x.requests)), 0)} | ${range(busiest, 0)} | ` +
      `${over ? '**yes**' : 'never'} | ${range(summarise(runs.map((x) => x.fullestComplete)), 0)} | ` +
      `${percent(fullest.median, 1)} (${percent(fullest.min, 1)}–${percent(fullest.max, 1)}) |`
    );
  });
  return [
    `Budget ${o.budget} requests/min (HOST_RATE_LIMITS=127.0.0.1=${o.budget}), runs of ${o.runMs / 1000} s, ` +
      `windows of ${o.windowMs / 1000} s (${allowed} requests allowed per window), ${o.reps} repetition(s); the ` +
      'configurations ran at the same time, each with its own Redis and replay site. Worker defaults: ' +
      'WORKER_CONCURRENCY 4, HOST_MAX_ACTIVE_JOBS 4.',
    '',
    '| processes | requests in the run | busiest window | over the budget? | fullest complete window | share of the budget |',
    '| ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export function politenessHeadline(r: PolitenessResult): string {
  const over = r.runs.some((x) => x.busiest > x.allowed);
  const multi = r.runs.filter((x) => x.processes >= 4).map((x) => x.fullestComplete / x.allowed);
  const lo = num(100 * Math.min(...multi), 1);
  const hi = num(100 * Math.max(...multi), 1);
  return (
    `budget ${r.opts.budget}/min: ${over ? 'OVER the budget in some window' : 'never over the budget'}; ` +
    `${lo === hi ? lo : `${lo}–${hi}`} % of it with 4 and 8 processes`
  );
}
