/**
 * Scenario 1, throughput and the limit: one season's pages fetched, archived, parsed and stored by
 *   - the raw loop (bench/contenders/raw-loop.ts): the per-page work alone, no queue — the limit;
 *   - our workers: 1, 2 and 4 processes at WORKER_CONCURRENCY 4, the season enqueued as in
 *     production (its season job reads the schedule and fans out the box score jobs, the totals
 *     job and the season-level page jobs);
 *   - Crawlee's HttpCrawler and CheerioCrawler (bench/contenders/crawlee.ts) with our parsers and
 *     store;
 * the raw loop and Crawlee in one process at the same total concurrency as our processes.
 *
 * The pages are the same for every contender: the season's box scores, its player totals and its
 * season-level pages (summary, one page per team, advanced stats, draft, awards; what our season
 * job fans out). Our season job also reads the schedule pages first (every contender is given
 * the list of pages instead); those are neither counted nor timed. Every contender is measured the
 * same way: from the arrival of its first request for a counted page at the replay site to the
 * moment its last page was stored (the newest modification time under the store's season
 * folder); pages = every counted page, each checked stored. Contenders of one configuration run
 * back to back in a repetition (their order rotates), so the ratios are taken within a repetition.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEASON_PAGES } from '../../src/dataset/season-pages.ts';
import type { BenchContext } from '../lib/context.ts';
import { runSeason, startOurs } from '../lib/ours.ts';
import { redisSnapshot } from '../lib/redis-info.ts';
import { type ChildResult, runChild } from '../lib/run-process.ts';
import { type BenchSite, COUNTED_KINDS, type CrawlItem, seasonPaths, startBenchSite } from '../lib/site.ts';
import { num, percent, range, ratios, type Summary, summarise } from '../lib/stats.ts';

export const CONTENDERS = ['raw', 'ours', 'crawlee-http', 'crawlee'] as const;
/** `crawlee`: CheerioCrawler; `crawlee-http`: HttpCrawler. */
export type Contender = (typeof CONTENDERS)[number];

export interface ThroughputRun {
  contender: Contender;
  processes: number;
  concurrency: number;
  rep: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** CPU ms of the contender's processes per page (ours: all workers, season job included; not Redis). */
  cpuMsPerPage: number;
  /** Ours: its Redis server's CPU ms per page (on top of cpuMsPerPage). */
  redisCpuMsPerPage?: number;
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
  /** Pages every contender fetches and stores: box scores, totals, season-level pages. */
  pages: number;
  /** Of which box scores. */
  boxScores?: number;
  /** Average size of a counted page, KB. */
  pageKb: number;
  runs: ThroughputRun[];
}

export async function runThroughput(ctx: BenchContext, opts: ThroughputOptions): Promise<ThroughputResult> {
  return withSeasonSite(
    ctx,
    opts.season,
    opts.asOf,
    async ({ site, itemsFile, pages, boxScores, pageKb }) => {
      const runs: ThroughputRun[] = [];
      const contenders = opts.contenders ?? [...CONTENDERS];
      for (let rep = 0; rep < opts.reps; rep++) {
        for (const processes of opts.processes) {
          const order = contenders.map((_, i) => contenders[(i + rep) % contenders.length]!);
          for (const contender of order) {
            const run = await measure(ctx, site, opts, { contender, processes, rep, itemsFile });
            if (run.pages !== pages) throw new Error(`${contender} stored ${run.pages} of ${pages} pages`);
            ctx.progress(
              `  rep ${rep + 1}/${opts.reps} ${processes} proc ${contender}: ${num(run.pagesPerSecond)} pages/s`,
            );
            runs.push(run);
          }
        }
      }
      return { opts, pages, boxScores, pageKb, runs };
    },
  );
}

export interface SeasonSite {
  site: BenchSite;
  /** JSON file listing the season's counted pages (CrawlItem[]: what the raw loop and Crawlee fetch). */
  itemsFile: string;
  /** Counted pages of the season: box scores, totals, season-level pages. */
  pages: number;
  /** Of which box scores. */
  boxScores: number;
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
    const bytes = paths.items.reduce((a, b) => a + (sizes[b.path] ?? 0), 0);
    const itemsFile = join(ctx.tmp, `items-${season}.json`);
    writeFileSync(itemsFile, JSON.stringify(paths.items));
    return await fn({
      site,
      itemsFile,
      pages: paths.items.length,
      boxScores: paths.boxScores.length,
      pageKb: bytes / 1024 / Math.max(1, paths.items.length),
    });
  } finally {
    await site.close();
  }
}

/** One run of one contender over the season's counted pages. */
export async function measure(
  ctx: BenchContext,
  site: BenchSite,
  opts: ThroughputOptions,
  r: { contender: Contender; processes: number; rep: number; itemsFile: string },
): Promise<ThroughputRun> {
  const storeDir = mkdtempSync(join(ctx.tmp, `store-${r.contender}-`));
  const concurrency = r.processes * opts.perProcessConcurrency;
  const items = JSON.parse(readFileSync(r.itemsFile, 'utf8')) as CrawlItem[];
  await site.resetStats();
  let cpuSeconds: number;
  let redisCpuSeconds: number | undefined;
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
        // runSeason throws when any job failed, so every page it fanned out was stored.
        const redis0 = await redisSnapshot(sys.connection);
        const season = await runSeason(sys, opts.season, 600_000);
        redisCpuSeconds = (await redisSnapshot(sys.connection)).cpu - redis0.cpu;
        cpuSeconds = season.cpuSeconds.reduce((a, b) => a + b, 0);
        peakRssMb = Math.max(...season.peakRssMb);
      } finally {
        await sys.stop();
      }
    } else {
      const res = await runContender(ctx, r.contender, {
        baseUrl: site.url,
        storeDir,
        concurrency,
        itemsFile: r.itemsFile,
      });
      if (res.errors > 0) throw new Error(`${r.contender}: ${res.errors} pages failed`);
      cpuSeconds = res.cpuSeconds;
      peakRssMb = res.peakRssMb;
    }
    const stats = await site.stats();
    const t0 = Math.min(...stats.log.filter((x) => COUNTED_KINDS.includes(x.kind)).map((x) => x.t));
    const t1 = newestMtime(join(storeDir, String(opts.season)));
    const pages = storedPages(storeDir, items);
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
      ...(redisCpuSeconds === undefined ? {} : { redisCpuMsPerPage: (1000 * redisCpuSeconds) / pages }),
      peakRssMb,
    };
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
}

/** Runs the raw loop or a Crawlee crawler in a process of its own over the items. */
export function runContender(
  ctx: BenchContext,
  contender: Exclude<Contender, 'ours'>,
  arg: { baseUrl: string; storeDir: string; concurrency: number; itemsFile: string },
  timeoutMs = 600_000,
): Promise<ChildResult> {
  const script = ctx.path(`contenders/${contender === 'raw' ? 'raw-loop' : 'crawlee'}.ts`);
  const crawler = contender === 'crawlee-http' ? 'http' : 'cheerio';
  return runChild(script, { ...arg, crawler }, { timeoutMs, cwd: arg.storeDir });
}

/** The newest modification time of any file or folder under `dir`, ms. */
export function newestMtime(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/**
 * The counted pages found stored in a file store: each box score's document, and for the other
 * pages the table they fill (dataset/season-pages.ts; the totals folder) holding a document of
 * that season (of that team for a team page). A page missing from the store is not counted.
 */
export function storedPages(storeDir: string, items: readonly CrawlItem[]): number {
  const listing = new Map<string, Set<string>>();
  const names = (dir: string): Set<string> => {
    let set = listing.get(dir);
    if (!set) {
      try {
        set = new Set(
          readdirSync(join(storeDir, dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')),
        );
      } catch {
        set = new Set();
      }
      listing.set(dir, set);
    }
    return set;
  };
  let n = 0;
  for (const item of items) {
    const season = String(item.season);
    let ok: boolean;
    if (item.kind === 'boxscore') {
      ok = names(join(season, 'boxscores')).has(`${encodeURIComponent(item.gameId!)}.json`);
    } else if (item.kind === 'totals') {
      ok = names(join(season, 'totals')).size > 0;
    } else {
      const spec = SEASON_PAGES[item.kind];
      ok = spec.tables.every((t) => {
        const docs = names(join(season, 'tables', t));
        return item.team === null ? docs.size > 0 : [...docs].some((f) => f.startsWith(item.team!));
      });
    }
    if (ok) n++;
  }
  return n;
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
  if (run.pages !== s.pages) throw new Error(`${r.label}: stored ${run.pages} of ${s.pages} pages`);
  return run;
}

export interface ThroughputRow {
  processes: number;
  concurrency: number;
  pps: Record<Contender, Summary>;
  oursOverLimit: Summary;
  oursOverHttp: Summary;
  oursOverCheerio: Summary;
  cpu: Record<Contender, Summary>;
  /** Of ours' CPU, Redis's share (ms per page). */
  redisCpu: Summary;
}

export function throughputRows(result: ThroughputResult): ThroughputRow[] {
  return result.opts.processes.map((processes) => {
    const of = (c: Contender) =>
      result.runs.filter((r) => r.processes === processes && r.contender === c).sort((a, b) => a.rep - b.rep);
    const pps = (c: Contender) => of(c).map((r) => r.pagesPerSecond);
    // Every process of the contender: ours adds its Redis server to its workers.
    const cpu = (c: Contender) => summarise(of(c).map((r) => r.cpuMsPerPage + (r.redisCpuMsPerPage ?? 0)));
    const each = <T>(f: (c: Contender) => T) =>
      Object.fromEntries(CONTENDERS.map((c) => [c, f(c)])) as Record<Contender, T>;
    return {
      processes,
      concurrency: processes * result.opts.perProcessConcurrency,
      pps: each((c) => summarise(pps(c))),
      oursOverLimit: ratios(pps('ours'), pps('raw')),
      oursOverHttp: ratios(pps('ours'), pps('crawlee-http')),
      oursOverCheerio: ratios(pps('ours'), pps('crawlee')),
      cpu: each(cpu),
      redisCpu: summarise(of('ours').map((r) => r.redisCpuMsPerPage ?? Number.NaN)),
    };
  });
}

export function throughputMarkdown(result: ThroughputResult): string {
  const rows = throughputRows(result);
  const o = result.opts;
  const others = result.pages - (result.boxScores ?? result.pages);
  const lines = [
    `Season ${o.season}${o.asOf ? ` as of ${o.asOf}` : ''}: ${result.pages} pages for every contender ` +
      `(${result.boxScores ?? result.pages} box scores, ${others} season pages: the player totals, the summary, ` +
      `one page per team, advanced stats${others > 33 ? ', draft, awards' : ''}; ${num(result.pageKb, 0)} KB ` +
      `on average), ${o.reps} repetition(s); our processes run WORKER_CONCURRENCY=${o.perProcessConcurrency}, ` +
      'the raw loop and Crawlee one process at the same total concurrency. Pages per second: median ' +
      '(min–max); ratios are taken between runs of the same repetition.',
    '',
    '| our processes | concurrency | raw loop (limit) | ours | Crawlee HttpCrawler | Crawlee CheerioCrawler | ' +
      'ours / limit | ours / HttpCrawler | ours / CheerioCrawler |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${r.concurrency} | ${range(r.pps.raw)} | ${range(r.pps.ours)} | ` +
        `${range(r.pps['crawlee-http'])} | ${range(r.pps.crawlee)} | ${range(r.oursOverLimit, 2)} | ` +
        `${range(r.oursOverHttp, 2)} | ${range(r.oursOverCheerio, 2)} |`,
    ),
    '',
    'CPU milliseconds per page, every process of the contender counted: ours is its worker processes ' +
      '(the season job with its schedule pages included) plus its Redis server (shown apart as well); ' +
      'the raw loop and Crawlee are one process each. The replay site is not counted for anyone.',
    '',
    '| our processes | raw loop | ours (workers + Redis) | of which Redis | Crawlee HttpCrawler | Crawlee CheerioCrawler |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${range(r.cpu.raw)} | ${range(r.cpu.ours)} | ${range(r.redisCpu)} | ` +
        `${range(r.cpu['crawlee-http'])} | ${range(r.cpu.crawlee)} |`,
    ),
  ];
  return lines.join('\n');
}

/** One line for the headline: ours / limit and ours / each Crawlee crawler per configuration. */
export function throughputHeadline(result: ThroughputResult): string[] {
  return throughputRows(result).map(
    (r) =>
      `${r.processes} worker process${r.processes > 1 ? 'es' : ''} (concurrency ${r.concurrency}): ` +
      `${num(r.pps.ours.median)} pages/s = ${percent(r.oursOverLimit.median)} of the raw loop, ` +
      `${num(r.oursOverHttp.median, 2)}× Crawlee HttpCrawler, ${num(r.oursOverCheerio.median, 2)}× CheerioCrawler`,
  );
}
