/**
 * Scenario 7, a long crawl: ten seasons enqueued at once on the replay site, crawled to the end by
 * two worker processes (WORKER_CONCURRENCY 4 each, as in throughput), then the same pages by the
 * raw loop in one process at the same total concurrency. What it shows is whether anything grows
 * with the crawl:
 *   - pages per second, per time window (from the replay site's request log) and per season (its
 *     pages over the span from its first request to its last);
 *   - Redis `used_memory` (INFO memory), sampled every second: its peak and its value at the end
 *     (completed page jobs are removed, so it must not grow with the crawl);
 *   - the worker processes' RSS (VmRSS) when the first season completes and at the end;
 *   - CPU ms per page (workers + Redis) per window and per season, the first season against the last.
 * Whether the seasons ran one after another or interleaved is read from their spans and said.
 *
 * The replay site renders and caches every page before timing: ten seasons are ~13,000 pages of
 * ~326 KB, ~4.3 GB of rendered HTML, kept as Buffers outside V8's heap in the site's own process
 * (its peak RSS is reported). The scenario has a deadline: past it, it stops what runs and fails
 * with a message saying how far the crawl got.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { seasonJobId } from '../../src/queue/job-types.ts';
import { enqueueSeasons } from '../../src/queue/producer.ts';
import type { BenchContext } from '../lib/context.ts';
import { startOurs } from '../lib/ours.ts';
import { cpuSeconds, peakRssMb, rssMb } from '../lib/procfs.ts';
import { redisSnapshot, redisUsedMemory } from '../lib/redis-info.ts';
import { COUNTED_KINDS, type CrawlItem, seasonPaths, startBenchSite } from '../lib/site.ts';
import { num, percent } from '../lib/stats.ts';
import { newestMtime, runContender, storedPages } from './throughput.ts';

export interface LongCrawlOptions {
  seasons: number[];
  /** Our worker processes, and WORKER_CONCURRENCY of each. */
  processes: number;
  concurrency: number;
  /**
   * The crawl (first counted request to last page stored) is cut into this many windows of equal
   * length: the series has the same resolution however fast the machine crawls.
   */
  windows: number;
  /** How often the worker processes and Redis are sampled, ms. */
  sampleMs: number;
  /** The whole scenario (rendering, our crawl, the raw loop) must end within this, ms. */
  deadlineMs: number;
}

export interface LongCrawlSample {
  /** ms since the crawl's first counted request. */
  t: number;
  /** CPU seconds so far of the worker processes (summed) and of Redis, since the enqueue. */
  workerCpu: number;
  redisCpu: number;
  /** VmRSS of each worker process, MB. */
  rssMb: number[];
  /** Redis used_memory, bytes. */
  redisBytes: number;
}

export interface LongCrawlWindow {
  /** Start and end, s since the crawl's first counted request. */
  from: number;
  to: number;
  pages: number;
  pagesPerSecond: number;
  cpuMsPerPage: number;
  /** At the window's end: the largest worker RSS, MB, and Redis used_memory, MB. */
  rssMb: number;
  redisMb: number;
  /** Seasons completed by the window's end. */
  seasonsDone: number;
}

export interface LongCrawlSeason {
  season: number;
  pages: number;
  /** First and last request for its pages, s since the crawl's first counted request. */
  first: number;
  last: number;
  /** Its season job completed, s since the crawl's first counted request. */
  completed: number;
  /** Its pages over its own span (first to last request). */
  pagesPerSecond: number;
  /** CPU ms (workers + Redis) per page requested during its span, whatever the season. */
  cpuMsPerPage: number;
  /** The larger worker's RSS (VmRSS) and Redis used_memory when its season job completed, MB. */
  rssMb: number;
  redisMb: number;
}

export interface LongCrawlResult {
  opts: LongCrawlOptions;
  pages: number;
  boxScores: number;
  pageKb: number;
  /** Rendering and caching every page before timing, s; the site process's peak RSS, MB. */
  renderSeconds: number;
  siteRssMb: number;
  ours: {
    seconds: number;
    pagesPerSecond: number;
    cpuMsPerPage: number;
    redisCpuMsPerPage: number;
    windows: LongCrawlWindow[];
    seasons: LongCrawlSeason[];
    redisPeakMb: number;
    redisEndMb: number;
    /** Worker RSS (VmRSS, MB) of each process when the first season completed, and at the end. */
    rssFirstSeasonMb: number[];
    rssEndMb: number[];
    peakRssMb: number[];
  };
  raw: { seconds: number; pagesPerSecond: number; cpuMsPerPage: number; concurrency: number };
}

export async function runLongCrawl(ctx: BenchContext, opts: LongCrawlOptions): Promise<LongCrawlResult> {
  const deadline = Date.now() + opts.deadlineMs;
  const left = (what: string): number => {
    const ms = deadline - Date.now();
    if (ms <= 0) throw new Error(`long crawl: deadline of ${opts.deadlineMs / 1000} s passed ${what}`);
    return ms;
  };
  const site = await startBenchSite({ seasons: opts.seasons, cacheBytes: 12 * 1024 ** 3 });
  try {
    const items: CrawlItem[] = [];
    const all: string[] = [];
    for (const season of opts.seasons) {
      const paths = seasonPaths(await site.groundTruth(season));
      items.push(...paths.items);
      all.push(...paths.all);
    }
    const boxScores = items.filter((i) => i.kind === 'boxscore').length;
    ctx.progress(
      `long crawl: rendering ${all.length} pages of ${opts.seasons.length} seasons into the site's cache`,
    );
    const r0 = Date.now();
    const sizes = await site.warm(all);
    const renderSeconds = (Date.now() - r0) / 1000;
    const bytes = items.reduce((a, i) => a + (sizes[i.path] ?? 0), 0);
    const siteRssMb = peakRssMb(site.pid);
    ctx.progress(
      `long crawl: rendered in ${num(renderSeconds, 0)} s (${num(bytes / 1024 ** 3, 2)} GiB of counted pages; ` +
        `site RSS ${num(siteRssMb, 0)} MB)`,
    );
    left('while rendering');
    const itemsFile = join(ctx.tmp, 'items-long-crawl.json');
    writeFileSync(itemsFile, JSON.stringify(items));
    const seasonOf = new Map(items.map((i) => [i.path, i.season]));

    // --- ours ----------------------------------------------------------------------------------
    const storeDir = mkdtempSync(join(ctx.tmp, 'store-long-ours-'));
    let ours: LongCrawlResult['ours'];
    try {
      await site.resetStats();
      const sys = await startOurs({
        siteUrl: site.url,
        storeDir,
        logDir: mkdtempSync(join(ctx.tmp, 'logs-')),
        processes: opts.processes,
        concurrency: opts.concurrency,
      });
      const samples: LongCrawlSample[] = [];
      const completedAt = new Map<number, number>();
      let rssFirstSeasonMb: number[] = [];
      let peak: number[];
      try {
        const pids = sys.workers.map((w) => w.child.pid!);
        const cpu0 = pids.map(cpuSeconds);
        const redis0 = (await redisSnapshot(sys.connection)).cpu;
        const sample = async (): Promise<LongCrawlSample> => ({
          t: Date.now(),
          workerCpu: pids.reduce((a, pid, i) => a + cpuSeconds(pid) - cpu0[i]!, 0),
          redisCpu: (await redisSnapshot(sys.connection)).cpu - redis0,
          rssMb: pids.map(rssMb),
          redisBytes: await redisUsedMemory(sys.connection),
        });
        samples.push(await sample());
        await enqueueSeasons(sys.queue, sys.config, opts.seasons);
        ctx.progress(`long crawl: ${opts.seasons.length} seasons enqueued, ${items.length} pages to store`);
        let lastProgress = Date.now();
        while (completedAt.size < opts.seasons.length) {
          await sleep(opts.sampleMs);
          const s = await sample();
          samples.push(s);
          for (const season of opts.seasons) {
            if (completedAt.has(season)) continue;
            const state = await sys.queue.getJobState(seasonJobId(season));
            if (state === 'failed') {
              const job = await sys.queue.getJob(seasonJobId(season));
              throw new Error(`long crawl: season ${season} failed: ${job?.failedReason}`);
            }
            if (state === 'completed') {
              completedAt.set(season, Date.now());
              if (completedAt.size === 1) rssFirstSeasonMb = pids.map(rssMb);
            }
          }
          if (Date.now() - lastProgress > 30_000) {
            lastProgress = Date.now();
            ctx.progress(`long crawl: ${completedAt.size}/${opts.seasons.length} seasons done`);
          }
          if (Date.now() > deadline) {
            const stored = storedPages(storeDir, items);
            throw new Error(
              `long crawl: deadline of ${opts.deadlineMs / 1000} s passed with ${completedAt.size} of ` +
                `${opts.seasons.length} seasons done (${stored} of ${items.length} pages stored); aborted`,
            );
          }
        }
        samples.push(await sample());
        const failed = await sys.queue.getFailedCount();
        if (failed > 0) throw new Error(`long crawl: ${failed} jobs failed`);
        peak = pids.map(peakRssMb);
      } finally {
        await sys.stop();
      }
      const pages = storedPages(storeDir, items);
      if (pages !== items.length)
        throw new Error(`long crawl: ours stored ${pages} of ${items.length} pages`);
      const log = (await site.stats()).log.filter((x) => COUNTED_KINDS.includes(x.kind));
      const t0 = Math.min(...log.map((x) => x.t));
      const t1 = Math.max(...opts.seasons.map((s) => newestMtime(join(storeDir, String(s)))));
      const end = samples.at(-1)!;
      ours = {
        seconds: (t1 - t0) / 1000,
        pagesPerSecond: pages / ((t1 - t0) / 1000),
        cpuMsPerPage: (1000 * (end.workerCpu + end.redisCpu)) / pages,
        redisCpuMsPerPage: (1000 * end.redisCpu) / pages,
        windows: windows(opts, log, samples, completedAt, t0, t1),
        seasons: opts.seasons.map((season) => {
          const ts = log.filter((x) => seasonOf.get(x.path) === season).map((x) => x.t);
          const first = Math.min(...ts);
          const last = Math.max(...ts);
          const a = nearest(samples, first);
          const b = nearest(samples, last);
          const inSpan = log.filter((x) => x.t >= first && x.t <= last).length;
          const done = nearest(samples, completedAt.get(season)!);
          return {
            season,
            pages: ts.length,
            first: (first - t0) / 1000,
            last: (last - t0) / 1000,
            completed: (completedAt.get(season)! - t0) / 1000,
            pagesPerSecond: ts.length / Math.max(0.001, (last - first) / 1000),
            cpuMsPerPage: (1000 * (b.workerCpu + b.redisCpu - a.workerCpu - a.redisCpu)) / inSpan,
            rssMb: Math.max(...done.rssMb),
            redisMb: done.redisBytes / 1024 ** 2,
          };
        }),
        redisPeakMb: Math.max(...samples.map((s) => s.redisBytes)) / 1024 ** 2,
        redisEndMb: end.redisBytes / 1024 ** 2,
        rssFirstSeasonMb,
        rssEndMb: end.rssMb,
        peakRssMb: peak,
      };
      ctx.progress(
        `long crawl: ours ${num(ours.pagesPerSecond)} pages/s over ${num(ours.seconds, 0)} s; ` +
          `Redis peak ${num(ours.redisPeakMb)} MB, end ${num(ours.redisEndMb)} MB`,
      );
    } finally {
      rmSync(storeDir, { recursive: true, force: true });
    }

    // --- the raw loop on the same pages ----------------------------------------------------------
    const rawDir = mkdtempSync(join(ctx.tmp, 'store-long-raw-'));
    let raw: LongCrawlResult['raw'];
    try {
      await site.resetStats();
      const concurrency = opts.processes * opts.concurrency;
      const res = await runContender(
        ctx,
        'raw',
        { baseUrl: site.url, storeDir: rawDir, concurrency, itemsFile },
        left('before the raw loop'),
      ).catch((err: Error) => {
        throw new Error(
          `long crawl: the raw loop did not finish before the deadline or failed: ${err.message}`,
        );
      });
      if (res.errors > 0) throw new Error(`long crawl: raw loop: ${res.errors} pages failed`);
      const pages = storedPages(rawDir, items);
      if (pages !== items.length)
        throw new Error(`long crawl: raw loop stored ${pages} of ${items.length} pages`);
      const log = (await site.stats()).log.filter((x) => COUNTED_KINDS.includes(x.kind));
      const t0 = Math.min(...log.map((x) => x.t));
      const t1 = Math.max(...opts.seasons.map((s) => newestMtime(join(rawDir, String(s)))));
      raw = {
        seconds: (t1 - t0) / 1000,
        pagesPerSecond: pages / ((t1 - t0) / 1000),
        cpuMsPerPage: (1000 * res.cpuSeconds) / pages,
        concurrency,
      };
      ctx.progress(`long crawl: raw loop ${num(raw.pagesPerSecond)} pages/s over ${num(raw.seconds, 0)} s`);
    } finally {
      rmSync(rawDir, { recursive: true, force: true });
    }
    return {
      opts,
      pages: items.length,
      boxScores,
      pageKb: bytes / 1024 / items.length,
      renderSeconds,
      siteRssMb: Math.max(siteRssMb, peakRssMb(site.pid)),
      ours,
      raw,
    };
  } finally {
    await site.close();
  }
}

/** The sample nearest to time t. */
function nearest(samples: LongCrawlSample[], t: number): LongCrawlSample {
  return samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best), samples[0]!);
}

/** The crawl, from its first counted request to its last page stored, cut into opts.windows equal windows. */
function windows(
  opts: LongCrawlOptions,
  log: { t: number }[],
  samples: LongCrawlSample[],
  completedAt: Map<number, number>,
  t0: number,
  t1: number,
): LongCrawlWindow[] {
  const at = (t: number): LongCrawlSample => nearest(samples, t);
  const out: LongCrawlWindow[] = [];
  const length = (t1 - t0) / opts.windows;
  for (let i = 0; i < opts.windows; i++) {
    const from = t0 + i * length;
    const to = i === opts.windows - 1 ? t1 : from + length;
    const pages = log.filter((x) => x.t >= from && (x.t < to || (to === t1 && x.t <= to))).length;
    const a = at(from);
    const b = at(to);
    const cpu = b.workerCpu + b.redisCpu - (a.workerCpu + a.redisCpu);
    out.push({
      from: (from - t0) / 1000,
      to: (to - t0) / 1000,
      pages,
      pagesPerSecond: pages / ((to - from) / 1000),
      cpuMsPerPage: pages > 0 ? (1000 * cpu) / pages : Number.NaN,
      rssMb: Math.max(...b.rssMb),
      redisMb: b.redisBytes / 1024 ** 2,
      seasonsDone: [...completedAt.values()].filter((t) => t <= to).length,
    });
  }
  return out;
}

/**
 * The steady windows: all but the first (the ramp-up: the season jobs read their schedules and fan
 * out) and the last (it drains the queue), and how far their pages/s stray from their median.
 */
export function flatness(r: LongCrawlResult): { full: LongCrawlWindow[]; spread: number; flat: boolean } {
  const full = r.ours.windows.slice(1, -1);
  const pps = full.map((w) => w.pagesPerSecond).sort((a, b) => a - b);
  const med = pps.length ? pps[pps.length >> 1]! : Number.NaN;
  const spread = pps.length ? Math.max(...pps.map((x) => Math.abs(x / med - 1))) : Number.NaN;
  return { full, spread, flat: spread <= 0.1 };
}

/** Worker RSS at the end over RSS when the first season completed (largest process of each). */
export function rssGrowth(r: LongCrawlResult): number {
  return Math.max(...r.ours.rssEndMb) / Math.max(...r.ours.rssFirstSeasonMb);
}

/** CPU ms per page during the last season's span over the first season's. */
export function cpuGrowth(r: LongCrawlResult): number {
  const s = r.ours.seasons;
  if (s.length < 2) return Number.NaN;
  const byFirst = [...s].sort((a, b) => a.first - b.first);
  return byFirst.at(-1)!.cpuMsPerPage / byFirst[0]!.cpuMsPerPage;
}

/** Whether the seasons ran one after another (their spans overlap by less than a tenth of the crawl). */
export function sequential(r: LongCrawlResult): boolean {
  const s = [...r.ours.seasons].sort((a, b) => a.first - b.first);
  let overlap = 0;
  for (let i = 1; i < s.length; i++) overlap += Math.max(0, s[i - 1]!.last - s[i]!.first);
  return overlap < 0.1 * r.ours.seconds;
}

/** How far the seasons' pages/s over their spans stray from their median. */
export function seasonSpread(r: LongCrawlResult): number {
  const pps = r.ours.seasons.map((x) => x.pagesPerSecond).sort((a, b) => a - b);
  const med = pps[pps.length >> 1]!;
  return Math.max(...pps.map((x) => Math.abs(x / med - 1)));
}

export function longCrawlHeadline(r: LongCrawlResult): string {
  const f = flatness(r);
  return (
    `Long crawl, ${r.opts.seasons.length} seasons at once (${r.pages.toLocaleString('en-US')} pages) on ` +
    `${r.opts.processes} processes: ${num(r.ours.pagesPerSecond)} pages/s = ` +
    `${percent(r.ours.pagesPerSecond / r.raw.pagesPerSecond)} of the raw loop, pages/s ` +
    `${f.flat ? 'flat' : 'not flat'} (steady windows within ${percent(f.spread, 0)} of their median); Redis peak ` +
    `${num(r.ours.redisPeakMb, 0)} MB, ${num(r.ours.redisEndMb, 0)} MB at the end; worker RSS at the end ` +
    `${num(rssGrowth(r), 2)}× its value after the first season`
  );
}

export function longCrawlMarkdown(r: LongCrawlResult): string {
  const o = r.opts;
  const f = flatness(r);
  const seasons = `${o.seasons[0]}–${o.seasons.at(-1)}`;
  const lines = [
    `Seasons ${seasons} (${o.seasons.length}) enqueued at once, crawled to the end by ${o.processes} worker ` +
      `processes at WORKER_CONCURRENCY ${o.concurrency}: ${r.pages.toLocaleString('en-US')} pages ` +
      `(${r.boxScores.toLocaleString('en-US')} box scores and each season's totals and season-level pages; ` +
      `${num(r.pageKb, 0)} KB on average), then the same pages by the raw loop in one process at ` +
      `concurrency ${r.raw.concurrency}. One run. The replay site rendered and cached every page before ` +
      `timing (${num(r.renderSeconds, 0)} s; ~${num((r.pages * r.pageKb) / 1024 ** 2, 1)} GB of HTML held as ` +
      `Buffers; the site process peaked at ${num(r.siteRssMb / 1024, 1)} GB RSS). Worker RSS and Redis ` +
      `\`used_memory\` are sampled every ${o.sampleMs / 1000} s; CPU is the worker processes' plus Redis's.`,
    '',
    '| | wall time | pages/s | CPU ms / page |',
    '| --- | ---: | ---: | ---: |',
    `| ours, ${o.processes} processes × ${o.concurrency} | ${num(r.ours.seconds, 0)} s | ${num(r.ours.pagesPerSecond)} | ` +
      `${num(r.ours.cpuMsPerPage, 1)} (Redis ${num(r.ours.redisCpuMsPerPage, 1)}) |`,
    `| raw loop, 1 process × ${r.raw.concurrency} | ${num(r.raw.seconds, 0)} s | ${num(r.raw.pagesPerSecond)} | ` +
      `${num(r.raw.cpuMsPerPage, 1)} |`,
    `| ours / raw loop | ${num(r.ours.seconds / r.raw.seconds, 2)}× the time | ` +
      `${percent(r.ours.pagesPerSecond / r.raw.pagesPerSecond)} | |`,
    '',
    `Over time, in ${o.windows} windows of ${num(r.ours.seconds / o.windows, 1)} s from the first counted request (pages counted when ` +
      "the site received their request; RSS is the larger worker, both read at the window's end):",
    '',
    '| window, s | pages | pages/s | CPU ms / page | worker RSS, MB | Redis used_memory, MB | seasons done |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.ours.windows.map(
      (w) =>
        `| ${num(w.from, 0)}–${num(w.to, 0)} | ${w.pages} | ${num(w.pagesPerSecond)} | ${num(w.cpuMsPerPage, 1)} | ` +
        `${num(w.rssMb, 0)} | ${num(w.redisMb, 1)} | ${w.seasonsDone} |`,
    ),
    '',
    `Pages/s ${f.flat ? 'is flat' : 'is **not** flat'} within the crawl: the ${f.full.length} steady windows ` +
      `are within ${percent(f.spread, 0)} of their median (the target is 10 %; left out: the first window, ` +
      'where the season jobs read their schedules and fan out, and the last, which drains ' +
      `the queue). Redis \`used_memory\`: peak ${num(r.ours.redisPeakMb, 1)} MB, ${num(r.ours.redisEndMb, 1)} MB ` +
      `at the end (completed page jobs are removed; the ${o.seasons.length} completed season jobs stay). ` +
      `Worker RSS (VmRSS) when the first season completed: ${r.ours.rssFirstSeasonMb.map((x) => num(x, 0)).join(' and ')} ` +
      `MB; at the end: ${r.ours.rssEndMb.map((x) => num(x, 0)).join(' and ')} MB (${num(rssGrowth(r), 2)}×, ` +
      `the bound is 1.2×); peak (VmHWM) ${r.ours.peakRssMb.map((x) => num(x, 0)).join(' and ')} MB.`,
    '',
    (sequential(r)
      ? 'Per season: the seasons ran one after another (each season job fanned out its pages as one ' +
        `block of the FIFO queue), so each row is that season's own rate and cost; their pages/s are within ` +
        `${percent(seasonSpread(r), 0)} of their median. `
      : 'Per season: the seasons ran partly interleaved (the FIFO queue holds the pages in the order ' +
        "the season jobs fanned them out, and their spans overlap), so a season's pages/s over its span " +
        "is only its share of the crawl's rate, and its CPU per page is that of every page requested in " +
        'its span. ') +
      `CPU per page during the last season's span is ${num(cpuGrowth(r), 2)}× the first's (the first ` +
      "also holds the season jobs' schedule reading and fan-out).",
    '',
    '| season | pages | first request, s | last request, s | season job completed, s | its pages/s over its span | ' +
      'CPU ms / page | worker RSS at its end, MB | Redis used_memory at its end, MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.ours.seasons.map(
      (s) =>
        `| ${s.season} | ${s.pages} | ${num(s.first, 0)} | ${num(s.last, 0)} | ${num(s.completed, 0)} | ` +
        `${num(s.pagesPerSecond)} | ${num(s.cpuMsPerPage, 1)} | ${num(s.rssMb, 0)} | ${num(s.redisMb, 1)} |`,
    ),
  ];
  return lines.join('\n');
}
