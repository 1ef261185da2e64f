/**
 * Scenario 5, memory and CPU: one worker process (`nba-scraper worker`) crawling one season at
 * WORKER_CONCURRENCY 1, 10 and 50 against the replay site (faults off, politeness unlimited).
 * Reported per concurrency: the process's peak RSS (VmHWM, its whole life: start-up, the season
 * job, every page job) and its CPU seconds per 1,000 pages (box scores, totals and season-level
 * pages; the season job included), with the pages per second it reached.
 */

import { WORKER_NODE_FLAGS } from '../../src/local/processes/worker-node-flags.ts';
import type { BenchContext } from '../lib/context.ts';
import { deployedWorkerArgv } from '../lib/ours.ts';
import { num, range, summarise } from '../lib/stats.ts';
import { measureOneWorker, type ThroughputRun, withSeasonSite } from './throughput.ts';

export interface MemoryOptions {
  season: number;
  asOf: string | null;
  concurrencies: number[];
  reps: number;
}

export interface MemoryResult {
  opts: MemoryOptions;
  pages: number;
  /** Average size of the season's counted pages (box scores, totals, season-level pages), KB. */
  pageKb: number;
  runs: ThroughputRun[];
  /** At WORKER_CONCURRENCY 10 without the old-generation limit (V8 sizes the heap itself). */
  unlimited: ThroughputRun[];
}

/** The worker flags without the old-generation limit: what that limit buys, side by side. */
const UNLIMITED_FLAGS = WORKER_NODE_FLAGS.filter((f) => !f.startsWith('--max-old-space-size'));

export async function runMemory(ctx: BenchContext, opts: MemoryOptions): Promise<MemoryResult> {
  return withSeasonSite(ctx, opts.season, opts.asOf, async (site) => {
    const runs: ThroughputRun[] = [];
    const unlimited: ThroughputRun[] = [];
    const s = { ...site, season: opts.season, asOf: opts.asOf };
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const concurrency of opts.concurrencies) {
        const run = await measureOneWorker(ctx, s, { concurrency, rep, label: `concurrency ${concurrency}` });
        ctx.progress(
          `  rep ${rep + 1}/${opts.reps} concurrency ${concurrency}: peak RSS ${num(run.peakRssMb, 0)} MB, ` +
            `${num(run.cpuMsPerPage, 2)} CPU ms/page`,
        );
        runs.push(run);
      }
      const argv = await deployedWorkerArgv(UNLIMITED_FLAGS);
      const label = 'no old-generation limit';
      const run = await measureOneWorker(ctx, s, { concurrency: 10, rep, argv, label });
      ctx.progress(
        `  rep ${rep + 1}/${opts.reps} concurrency 10, ${label}: peak RSS ${num(run.peakRssMb, 0)} MB, ` +
          `${num(run.cpuMsPerPage, 2)} CPU ms/page`,
      );
      unlimited.push(run);
    }
    return { opts, pages: site.pages, pageKb: site.pageKb, runs, unlimited };
  });
}

export function memoryMarkdown(r: MemoryResult): string {
  const row = (label: string, runs: ThroughputRun[]): string => {
    const rss = summarise(runs.map((x) => x.peakRssMb));
    const cpu = summarise(runs.map((x) => x.cpuMsPerPage)); // ms per page = s per 1,000 pages
    const pps = summarise(runs.map((x) => x.pagesPerSecond));
    return `| ${label} | ${range(rss, 0)} | ${range(cpu, 2)} | ${range(pps)} |`;
  };
  const rows = r.opts.concurrencies.map((c) =>
    row(
      String(c),
      r.runs.filter((x) => x.concurrency === c),
    ),
  );
  rows.push(row(`10, with only \`${UNLIMITED_FLAGS.join(' ')}\``, r.unlimited));
  return [
    `One worker process, season ${r.opts.season}: ${r.pages} pages (box scores, totals and season-level ` +
      `pages, as in section 1) of ${num(r.pageKb, 0)} KB on average, ${r.opts.reps} repetition(s); median (min–max). Peak RSS is the process's VmHWM over its ` +
      'whole life; CPU is user + system time of the process from ready to the season job completed. ' +
      `Workers run with \`${WORKER_NODE_FLAGS.join(' ')}\` (src/local/processes/worker-node-flags.ts); the last row ` +
      "leaves out the old-generation limit, so V8 sizes its heap from the machine's memory.",
    '',
    '| WORKER_CONCURRENCY | peak RSS, MB | CPU seconds per 1,000 pages | pages/s |',
    '| ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** Peak RSS at the given concurrency (median), for the headline. */
export function memoryAt(r: MemoryResult, concurrency: number): number {
  return summarise(r.runs.filter((x) => x.concurrency === concurrency).map((x) => x.peakRssMb)).median;
}
