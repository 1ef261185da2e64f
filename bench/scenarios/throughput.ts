/**
 * Scenario 1, throughput and the limit: one season's box scores fetched, parsed and stored by
 *   - the raw loop (bench/contenders/raw-loop.ts): the per-page work alone, no queue — the limit;
 *   - our workers: 1, 2 and 4 processes at WORKER_CONCURRENCY 4, the season enqueued as in
 *     production (its season job reads the schedule and fans out the box score jobs);
 *   - Crawlee's CheerioCrawler (bench/contenders/crawlee.ts) with our parser and store;
 * the raw loop and Crawlee in one process at the same total concurrency as our processes.
 *
 * Every contender is measured the same way: from the arrival of its first box score request at
 * the replay site to the moment its last box score was stored (the modification time of the
 * store's box score directory), pages = box score documents stored. Contenders of one
 * configuration run back to back in a repetition (their order rotates), so the ratios are taken
 * within a repetition.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context.ts';
import { runSeason, startOurs } from '../lib/ours.ts';
import { runChild } from '../lib/run-process.ts';
import { type BenchSite, seasonPaths, startBenchSite } from '../lib/site.ts';
import { num, percent, range, ratios, type Summary, summarise } from '../lib/stats.ts';

export type Contender = 'raw' | 'ours' | 'crawlee';

export interface ThroughputRun {
  contender: Contender;
  processes: number;
  concurrency: number;
  rep: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** CPU seconds of the contender's processes per page (ours: all workers, season job included). */
  cpuMsPerPage: number;
  peakRssMb: number;
}

export interface ThroughputOptions {
  season: number;
  asOf: string | null;
  reps: number;
  processes: number[];
  perProcessConcurrency: number;
  /** Worker settings on top of the defaults (for before/after experiments). */
  env?: Record<string, string>;
  /** Node arguments of our worker processes in place of `<cli> worker` (bench/lib/worker-entry.ts). */
  argv?: string[];
  contenders?: Contender[];
}

export interface ThroughputResult {
  opts: ThroughputOptions;
  pages: number;
  pageKb: number;
  runs: ThroughputRun[];
}

export async function runThroughput(ctx: BenchContext, opts: ThroughputOptions): Promise<ThroughputResult> {
  return withSeasonSite(ctx, opts.season, opts.asOf, async ({ site, itemsFile, pages, pageKb }) => {
    const runs: ThroughputRun[] = [];
    const contenders = opts.contenders ?? ['raw', 'ours', 'crawlee'];
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const processes of opts.processes) {
        const order = contenders.map((_, i) => contenders[(i + rep) % contenders.length]!);
        for (const contender of order) {
          const run = await measure(ctx, site, opts, { contender, processes, rep, itemsFile });
          if (run.pages !== pages) throw new Error(`${contender} stored ${run.pages} of ${pages} box scores`);
          ctx.progress(
            `  rep ${rep + 1}/${opts.reps} ${processes} proc ${contender}: ${num(run.pagesPerSecond)} pages/s`,
          );
          runs.push(run);
        }
      }
    }
    return { opts, pages, pageKb, runs };
  });
}

export interface SeasonSite {
  site: BenchSite;
  /** JSON file listing the season's box score pages (what the raw loop and Crawlee fetch). */
  itemsFile: string;
  /** Box score pages of the season. */
  pages: number;
  /** Their average size, KB. */
  pageKb: number;
}

/** A replay site serving `season`, every page of it rendered and cached up front. */
export async function withSeasonSite<T>(
  ctx: BenchContext,
  season: number,
  asOf: string | null,
  fn: (s: SeasonSite) => Promise<T>,
): Promise<T> {
  const site = await startBenchSite({ seasons: [season], asOf });
  try {
    const truth = await site.groundTruth(season);
    const paths = seasonPaths(truth);
    ctx.progress(`rendering ${paths.all.length} pages of ${season} into the replay site's cache`);
    const sizes = await site.warm(paths.all);
    const boxBytes = paths.boxScores.reduce((a, b) => a + (sizes[b.path] ?? 0), 0);
    const itemsFile = join(ctx.tmp, `items-${season}.json`);
    writeFileSync(itemsFile, JSON.stringify(paths.boxScores));
    return await fn({
      site,
      itemsFile,
      pages: paths.boxScores.length,
      pageKb: boxBytes / 1024 / Math.max(1, paths.boxScores.length),
    });
  } finally {
    await site.close();
  }
}

/** One run of one contender over the season's box scores. */
export async function measure(
  ctx: BenchContext,
  site: BenchSite,
  opts: ThroughputOptions,
  r: { contender: Contender; processes: number; rep: number; itemsFile: string },
): Promise<ThroughputRun> {
  const storeDir = mkdtempSync(join(ctx.tmp, `store-${r.contender}-`));
  const concurrency = r.processes * opts.perProcessConcurrency;
  await site.resetStats();
  let cpuSeconds: number;
  let peakRssMb: number;
  try {
    if (r.contender === 'ours') {
      const sys = await startOurs({
        siteUrl: site.url,
        storeDir,
        logDir: mkdtempSync(join(ctx.tmp, 'logs-')),
        processes: r.processes,
        concurrency: opts.perProcessConcurrency,
        env: opts.env,
        argv: opts.argv,
      });
      try {
        const season = await runSeason(sys, opts.season, 600_000);
        cpuSeconds = season.cpuSeconds.reduce((a, b) => a + b, 0);
        peakRssMb = Math.max(...season.peakRssMb);
      } finally {
        await sys.stop();
      }
    } else {
      const script = ctx.path(`contenders/${r.contender === 'raw' ? 'raw-loop' : 'crawlee'}.ts`);
      const res = await runChild(
        script,
        { baseUrl: site.url, storeDir, concurrency, itemsFile: r.itemsFile },
        { timeoutMs: 600_000, cwd: storeDir },
      );
      if (res.errors > 0) throw new Error(`${r.contender}: ${res.errors} pages failed`);
      cpuSeconds = res.cpuSeconds;
      peakRssMb = res.peakRssMb;
    }
    const stats = await site.stats();
    const arrivals = stats.log.filter((x) => x.kind === 'boxscore').map((x) => x.t);
    const dir = join(storeDir, String(opts.season), 'boxscores');
    const t0 = Math.min(...arrivals);
    const t1 = statSync(dir).mtimeMs;
    const pages = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.')).length;
    const seconds = (t1 - t0) / 1000;
    return {
      contender: r.contender,
      processes: r.processes,
      concurrency,
      rep: r.rep,
      pages,
      seconds,
      pagesPerSecond: pages / seconds,
      cpuMsPerPage: (1000 * cpuSeconds) / pages,
      peakRssMb,
    };
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
}

/**
 * One run of one worker process over the season's box scores (all of them must be stored), with
 * `argv` in place of `<WORKER_NODE_FLAGS> <cli> worker` when given.
 */
export async function measureOneWorker(
  ctx: BenchContext,
  s: SeasonSite & { season: number; asOf: string | null },
  r: { concurrency: number; rep: number; argv?: string[]; label: string },
): Promise<ThroughputRun> {
  const run = await measure(
    ctx,
    s.site,
    {
      season: s.season,
      asOf: s.asOf,
      reps: 1,
      processes: [1],
      perProcessConcurrency: r.concurrency,
      argv: r.argv,
    },
    { contender: 'ours', processes: 1, rep: r.rep, itemsFile: s.itemsFile },
  );
  if (run.pages !== s.pages) throw new Error(`${r.label}: stored ${run.pages} of ${s.pages} box scores`);
  return run;
}

export interface ThroughputRow {
  processes: number;
  concurrency: number;
  raw: Summary;
  ours: Summary;
  crawlee: Summary;
  oursOverLimit: Summary;
  oursOverCrawlee: Summary;
  cpu: Record<Contender, Summary>;
}

export function throughputRows(result: ThroughputResult): ThroughputRow[] {
  return result.opts.processes.map((processes) => {
    const of = (c: Contender) =>
      result.runs.filter((r) => r.processes === processes && r.contender === c).sort((a, b) => a.rep - b.rep);
    const pps = (c: Contender) => of(c).map((r) => r.pagesPerSecond);
    const cpu = (c: Contender) => summarise(of(c).map((r) => r.cpuMsPerPage));
    return {
      processes,
      concurrency: processes * result.opts.perProcessConcurrency,
      raw: summarise(pps('raw')),
      ours: summarise(pps('ours')),
      crawlee: summarise(pps('crawlee')),
      oursOverLimit: ratios(pps('ours'), pps('raw')),
      oursOverCrawlee: ratios(pps('ours'), pps('crawlee')),
      cpu: { raw: cpu('raw'), ours: cpu('ours'), crawlee: cpu('crawlee') },
    };
  });
}

export function throughputMarkdown(result: ThroughputResult): string {
  const rows = throughputRows(result);
  const o = result.opts;
  const lines = [
    `Season ${o.season}${o.asOf ? ` as of ${o.asOf}` : ''}: ${result.pages} box score pages (${num(result.pageKb, 0)} KB on average), ` +
      `${o.reps} repetition(s); our processes run WORKER_CONCURRENCY=${o.perProcessConcurrency}, the raw loop ` +
      'and Crawlee one process at the same total concurrency. Pages per second: median (min–max); ' +
      'ratios are taken between runs of the same repetition.',
    '',
    '| our processes | concurrency | raw loop (limit) | ours | Crawlee CheerioCrawler | ours / limit | ours / Crawlee |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${r.concurrency} | ${range(r.raw)} | ${range(r.ours)} | ${range(r.crawlee)} | ` +
        `${range(r.oursOverLimit, 2)} | ${range(r.oursOverCrawlee, 2)} |`,
    ),
    '',
    'CPU milliseconds per page (all processes of the contender; ours includes the season job and the ' +
      'totals job, Redis and the replay site are not counted):',
    '',
    '| our processes | raw loop | ours | Crawlee |',
    '| ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) => `| ${r.processes} | ${range(r.cpu.raw)} | ${range(r.cpu.ours)} | ${range(r.cpu.crawlee)} |`,
    ),
  ];
  return lines.join('\n');
}

/** One line for the headline: ours / limit and ours / Crawlee per configuration. */
export function throughputHeadline(result: ThroughputResult): string[] {
  return throughputRows(result).map(
    (r) =>
      `${r.processes} worker process${r.processes > 1 ? 'es' : ''} (concurrency ${r.concurrency}): ` +
      `${num(r.ours.median)} pages/s = ${percent(r.oursOverLimit.median)} of the raw loop, ` +
      `${num(r.oursOverCrawlee.median, 2)}× Crawlee`,
  );
}
