/**
 * `npm run bench`: every benchmark scenario, on loopback, against the replay site, then
 * BENCHMARKS.md (machine, versions, date, every figure, the command) and the headline block of
 * README.md rewritten from the results. Not part of the test suite.
 *
 *   node bench/run.ts [--quick] [--only throughput,queue,recovery,politeness,memory,switches,long-crawl,parse]
 *                     [--seasons 2009-2018] [--out BENCHMARKS.md] [--no-readme]
 *
 * `--only long-crawl` runs one scenario alone (any list of them, comma-separated); `--seasons`
 * gives the long crawl's seasons (default 2009-2018, 2017-2018 when quick).
 *
 * `--quick` runs every scenario small (a part of a season, one repetition) to check the harness;
 * its figures are not the published ones. Each scenario is bounded in time and cleans up after
 * itself: its Redis servers, replay sites and worker processes are stopped when it ends or fails.
 * Raw results go to .tmp/bench/results.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { biomeFormat } from '../scripts/lib/biome-format.ts';
import { BENCH_DIR, createContext } from './lib/context.ts';
import { num, percent, summarise } from './lib/stats.ts';
import {
  cpuGrowth,
  flatness,
  type LongCrawlResult,
  longCrawlHeadline,
  longCrawlMarkdown,
  rssGrowth,
  runLongCrawl,
} from './scenarios/long-crawl.ts';
import { type MemoryResult, memoryAt, memoryMarkdown, runMemory } from './scenarios/memory.ts';
import {
  type PolitenessResult,
  politenessHeadline,
  politenessMarkdown,
  runPoliteness,
} from './scenarios/politeness.ts';
import {
  type QueueOverheadResult,
  queueOverheadMarkdown,
  runQueueOverhead,
} from './scenarios/queue-overhead.ts';
import { type RecoveryResult, recoveryMarkdown, runRecovery } from './scenarios/recovery.ts';
import { runSwitches, type SwitchesResult, switchesMarkdown } from './scenarios/switches.ts';
import {
  runThroughput,
  type ThroughputResult,
  throughputHeadline,
  throughputMarkdown,
  throughputRows,
} from './scenarios/throughput.ts';

const SCENARIOS = [
  'throughput',
  'queue',
  'recovery',
  'politeness',
  'memory',
  'switches',
  'long-crawl',
  'parse',
] as const;
type Scenario = (typeof SCENARIOS)[number];

const ROOT = join(BENCH_DIR, '..');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'BENCHMARKS.md') },
    'no-readme': { type: 'boolean', default: false },
    seasons: { type: 'string' },
  },
});

const only = (args.only ?? SCENARIOS.join(',')).split(',').map((s) => s.trim());
for (const s of only) {
  if (!(SCENARIOS as readonly string[]).includes(s)) {
    process.stderr.write(`bench: unknown scenario "${s}"; choose from ${SCENARIOS.join(', ')}\n`);
    process.exit(2);
  }
}
const wanted = (s: Scenario): boolean => only.includes(s);
const quick = args.quick;

/** The long crawl's seasons: `--seasons FROM-TO`, else 2009-2018 (2017-2018 when quick). */
function longCrawlSeasons(): number[] {
  const spec = args.seasons ?? (quick ? '2017-2018' : '2009-2018');
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(spec);
  const from = Number(m?.[1]);
  const to = Number(m?.[2] ?? m?.[1]);
  if (!m || to < from) {
    process.stderr.write(`bench: --seasons wants YEAR or FROM-TO (e.g. 2009-2018), not "${spec}"\n`);
    process.exit(2);
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A season of box scores: all of 2017-18, or its first weeks when quick. */
const SEASON = 2018;
const AS_OF = quick ? '2017-11-10' : null;

interface Results {
  startedAt: string;
  seconds?: number;
  throughput?: ThroughputResult;
  queue?: QueueOverheadResult;
  recovery?: RecoveryResult;
  politeness?: PolitenessResult;
  memory?: MemoryResult;
  switches?: SwitchesResult;
  longCrawl?: LongCrawlResult;
  parse?: string;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'nba-bench-'));
  const ctx = createContext(quick, tmp);
  const results: Results = { startedAt: new Date().toISOString() };
  const t0 = Date.now();
  try {
    if (wanted('throughput')) {
      ctx.progress('throughput: raw loop vs our workers vs Crawlee');
      results.throughput = await runThroughput(ctx, {
        season: SEASON,
        asOf: AS_OF,
        reps: quick ? 1 : 3,
        processes: quick ? [1, 2] : [1, 2, 4],
        perProcessConcurrency: 4,
      });
    }
    if (wanted('queue')) {
      ctx.progress('queue overhead per job against the backlog');
      results.queue = await runQueueOverhead(ctx, {
        backlogs: quick ? [1, 1_000] : [1, 10, 100, 1_000, 10_000],
        jobs: quick ? 200 : 1_000,
        reps: quick ? 1 : 3,
        concurrency: 4,
      });
    }
    if (wanted('recovery')) {
      ctx.progress('recovery after SIGKILL and SIGTERM');
      results.recovery = await runRecovery(ctx, {
        kills: quick ? 3 : 20,
        terms: quick ? 1 : 5,
        latencyMs: 6_000,
        workers: 4,
        concurrency: 4,
        jobsPerTrial: 8,
      });
    }
    if (wanted('politeness')) {
      ctx.progress('politeness: requests per window against the budget');
      results.politeness = await runPoliteness(ctx, {
        processes: quick ? [1, 4] : [1, 2, 4, 8],
        budget: 60,
        runMs: quick ? 75_000 : 180_000,
        windowMs: 60_000,
        // One repetition: its figures were the same in every repetition so far, and the time goes
        // to the long crawl.
        reps: 1,
      });
    }
    if (wanted('memory')) {
      ctx.progress('memory and CPU of one worker by concurrency');
      results.memory = await runMemory(ctx, {
        season: SEASON,
        asOf: AS_OF,
        concurrencies: quick ? [1, 10] : [1, 10, 50],
        reps: quick ? 1 : 2,
      });
    }
    if (wanted('switches')) {
      ctx.progress('checkpoints and metrics on vs off');
      results.switches = await runSwitches(ctx, {
        season: SEASON,
        asOf: AS_OF,
        // Two repetitions (three before the long crawl came), to keep the whole run under 50 minutes.
        reps: quick ? 1 : 2,
        concurrency: 4,
      });
    }
    if (wanted('long-crawl')) {
      const seasons = longCrawlSeasons();
      ctx.progress(`long crawl: seasons ${seasons[0]}-${seasons.at(-1)} at once, 2 worker processes`);
      results.longCrawl = await runLongCrawl(ctx, {
        seasons,
        processes: 2,
        concurrency: 4,
        windows: quick ? 4 : 10,
        sampleMs: 1_000,
        deadlineMs: 20 * 60_000,
      });
    }
    if (wanted('parse')) {
      ctx.progress('parser cost per page');
      results.parse = parseBench(quick);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  results.seconds = (Date.now() - t0) / 1000;

  const rawDir = join(ROOT, '.tmp', 'bench');
  mkdirSync(rawDir, { recursive: true });
  writeFileSync(join(rawDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const headline = headlineLines(results);
  writeFileSync(args.out, biomeFormat(args.out, render(results, headline)));
  ctx.progress(`wrote ${args.out}`);
  if (!args['no-readme'] && !quick && only.length === SCENARIOS.length) {
    updateReadme(headline);
    ctx.progress('updated the headline in README.md');
  }
  for (const line of headline) process.stdout.write(`${line}\n`);
}

function parseBench(q: boolean): string {
  const r = spawnSync(
    process.execPath,
    [join(BENCH_DIR, 'parse.ts'), '--rounds', q ? '3' : '15', '--boxscores', q ? '30' : '120'],
    { encoding: 'utf8', cwd: ROOT, timeout: 600_000 },
  );
  if (r.status !== 0) throw new Error(`bench/parse.ts failed: ${r.stderr}`);
  return r.stdout.trim();
}

// --- rendering --------------------------------------------------------------------------------

function headlineLines(r: Results): string[] {
  const lines: string[] = [];
  if (r.throughput) lines.push(...throughputHeadline(r.throughput).map((l) => `Throughput, ${l}.`));
  if (r.recovery) {
    const all = r.recovery.kills.flatMap((k) => k.recoveryMs).map((ms) => ms / 1000);
    const s = summarise(all);
    const redone = r.recovery.terms.reduce((a, t) => a + t.redone, 0);
    lines.push(
      `Recovery after SIGKILL: median ${num(s.median)} s (max ${num(s.max)} s) until a killed worker's jobs run ` +
        `elsewhere, over ${r.recovery.kills.length} kills; after SIGTERM ${redone} pages redone.`,
    );
  }
  if (r.longCrawl) lines.push(`${longCrawlHeadline(r.longCrawl)}.`);
  if (r.politeness) lines.push(`Politeness: ${politenessHeadline(r.politeness)}.`);
  if (r.memory) lines.push(`Memory: peak RSS ${num(memoryAt(r.memory, 10), 0)} MB at WORKER_CONCURRENCY 10.`);
  if (r.queue) {
    const at = (b: number) =>
      summarise(r.queue!.runs.filter((m) => m.backlog === b).map((m) => m.roundTripsPerJob)).median;
    const backlogs = r.queue.opts.backlogs;
    const lo = backlogs[0]!;
    const hi = backlogs.at(-1)!;
    lines.push(
      `Queue cost: ${num(at(lo), 1)} Redis round trips per job with ${lo} job queued, ${num(at(hi), 1)} with ` +
        `${hi.toLocaleString('en-US')}.`,
    );
  }
  return lines;
}

function render(r: Results, headline: string[]): string {
  const command = `npm run bench${quick ? ' -- --quick' : ''}${args.only ? ` -- --only ${args.only}` : ''}`;
  const sections: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`${command}\` (bench/run.ts) on ${r.startedAt.slice(0, 10)}; the whole run took ` +
      `${num((r.seconds ?? 0) / 60, 0)} minutes. Do not edit by hand: run it again.` +
      (quick ? ' **Quick run: small samples, not the published figures.**' : ''),
    '',
    '## Headline',
    '',
    ...headline.map((l) => `- ${l}`),
    '',
    '## Machine and versions',
    '',
    ...machine().map((l) => `- ${l}`),
    '',
    'Everything runs on loopback on this one machine: the replay site (its own process, every page ' +
      'rendered and cached before timing), a private `redis-server` per scenario, the contenders. Faults ' +
      'are off and politeness is unlimited except where a scenario says otherwise. Our workers write to ' +
      'the file store, as do the raw loop and Crawlee.',
  ];
  if (r.throughput) {
    sections.push(
      '',
      '## 1. Throughput against the limit and against Crawlee (HttpCrawler, CheerioCrawler)',
      '',
      'Every contender fetches, archives, parses (with our parsers) and stores (in our file store) the ' +
        "same pages: the season's box scores and the season pages its season job fans out beside them " +
        '(player totals; summary, one page per team, advanced stats, draft and awards, stored with ' +
        '`replaceSeasonRows`), at the same total concurrency. The limit is a raw loop in one process: ' +
        'the per-page work of our jobs (`processBoxScore`, `processTotals`, `processPage`) in N lanes, no ' +
        'queue, no politeness, no metrics, no logs. Crawlee runs the same work in its request handler ' +
        'with the concurrency pinned (min = max) and retries off, as `@crawlee/http` HttpCrawler (no ' +
        'DOM: the fair comparison) and as `@crawlee/cheerio` CheerioCrawler (which also builds a cheerio ' +
        'DOM of every page that the handler never reads). Ours is the product as deployed: the season ' +
        'enqueued, its season job reads the schedule pages (given to the others as a list instead; not ' +
        'counted, not timed) and fans out the page jobs. Time runs from the first request for a counted ' +
        'page the site sees to the last page stored; every counted page is checked stored.',
      '',
      throughputMarkdown(r.throughput),
    );
  }
  if (r.queue) {
    sections.push(
      '',
      '## 2. Queue overhead per job',
      '',
      'A worker wired like `nba-scraper worker` whose page costs nothing (fixed page, parse result ' +
        'reused, store discards), so what it spends is the queue and our job plumbing. Round trips are ' +
        "counted in the worker (a pipeline counts once); Redis commands from Redis's INFO commandstats " +
        "(commands run inside BullMQ's Lua scripts included); the benchmark's refill adds are subtracted.",
      '',
      queueOverheadMarkdown(r.queue),
    );
  }
  if (r.recovery) {
    sections.push(
      '',
      '## 3. Recovery after a crash and after a graceful stop',
      '',
      recoveryMarkdown(r.recovery),
    );
  }
  if (r.politeness) {
    sections.push('', '## 4. Politeness accuracy', '', politenessMarkdown(r.politeness));
  }
  if (r.memory) {
    sections.push('', '## 5. Memory and CPU of one worker', '', memoryMarkdown(r.memory));
  }
  if (r.switches) {
    sections.push('', '## 6. What checkpoints and metrics cost', '', switchesMarkdown(r.switches));
  }
  if (r.longCrawl) {
    sections.push(
      '',
      `## 7. A long crawl: ${r.longCrawl.opts.seasons.length} seasons at once`,
      '',
      longCrawlMarkdown(r.longCrawl),
    );
  }
  if (r.parse) {
    sections.push(
      '',
      '## Parser cost',
      '',
      '`node bench/parse.ts`: every real page of the fixtures folder (when present) and generated pages; ' +
        "the longest synchronous parse is what BullMQ's lock duration must stay far above.",
      '',
      '```text',
      r.parse,
      '```',
    );
  }
  sections.push('', ...PROFILE_NOTES);
  sections.push('', ...targetsSection(r), '', '## Reproduce', '', '```sh', command, '```', '');
  return sections.join('\n');
}

/**
 * What profiling found and what was changed because of it: written by hand when the profile was
 * taken (node --cpu-prof on a worker, summarised by bench/profile-summary.ts), kept here so this
 * file stays the one source of BENCHMARKS.md.
 */
const PROFILE_NOTES = [
  '## What the profiles showed',
  '',
  'CPU profiles of one worker at WORKER_CONCURRENCY 4 over 2017-18 (`node bench/cpu.ts --cpu-prof`, ' +
    'summed with `node bench/profile-summary.ts`; the profiler inflates every figure), milliseconds per ' +
    'page, from the rounds before this one:',
  '',
  '| where | before | after | what was done |',
  '| --- | ---: | ---: | --- |',
  '| V8 garbage collector | 13.0 | 8.8 | fewer short-lived strings (below); the rest is the 2 MB semi-space ' +
    '(`--max-semi-space-size=2`, src/local/processes/worker-node-flags.ts) |',
  "| got's body assembly and text decoding | 5.0 | 3.5 | the body is taken as bytes and decoded once " +
    '(`responseType: buffer`); what is left is allocating the page string |',
  '| UTF-8 encoding for the archive | 1.2 | 0 | the archive stores the bytes as received |',
  '| htmlparser2 and our parsers | 9.4 | 6.1 | kept (the change follows machine load, not code) |',
  '| zlib for the archive (level 6) | 2.7 | 1.9 | kept: level 2 would save ~1.4 ms for files 1.5× larger; ' +
    'the raw loop does the same work |',
  '| file store system calls | 5.8 | 4.6 | kept (same as the raw loop) |',
  '| BullMQ, ioredis, prom-client | 0.8 | 0.6 | the two hold reads per job are one read per 250 ms (section 2) |',
  '',
  'This round followed the garbage instead of the CPU (`--trace-gc-nvp`, and the sampling heap profiler with ' +
    'the objects collected by full GCs), because under the same V8 flags the raw loop costs about as much as ' +
    'our worker (`node bench/cpu.ts --raw-flags`: 20-23 ms per page against 13.7-17 without them): the gap ' +
    'to the limit is the flags, not the queue. What it found and what changed:',
  '',
  '- Every box score DOM survived to the old generation. The parsers cached a DOM index in a `WeakMap` keyed ' +
    "by the page's root; V8's scavenges keep a WeakMap's values alive, and the index references the whole DOM " +
    'and through its texts the page string. Each scavenge of a parse loop kept ~5 MB alive and promoted ' +
    '~13 MB; with the index on the root itself, 0.05-0.8 MB and ~1 MB, and a parse costs 7.5 ms instead of 11.6 ' +
    '(16 MB semi-space). Full GCs fell from 46 to 6 over 1500 parses.',
  '- The page string (up to 1 MB: two bytes per character once one is not Latin-1, so a V8 large object) was ' +
    "decoded before the archive's awaits and promoted with every scavenge it lived through; it is now decoded " +
    'where the page is parsed (`FetchedPage.text()`), and the archive takes the bytes.',
  "- The benchmark ran our workers from the TypeScript sources under Node's type stripping, ~30 MB of " +
    'resident memory no pod has; they now run the build in dist/, as the image does (the memory section).',
  '',
  'This round removed the page string and retuned the young generation:',
  '',
  '- No string of a whole page is made any more. The parsers take the bytes as fetched; the guards and the ' +
    'cuts (header, footer, period tables) are found window by window on a Latin-1 view of the bytes, in ' +
    "strings under V8's large-object size (128 KB), and only the kept parts are decoded, in 32 KB pieces " +
    'that htmlparser2 reads as a stream (src/sources/basketball-reference/page-scan.ts and page.ts). A string ' +
    'above 128 KB gets memory of its own from the system: decoding a 330 KB box score whole cost 0.99 ms, its ' +
    'pieces 0.05 ms; in the profile, `Buffer.toString` fell from 1.0 to 0.15 ms per page. The raw loop and ' +
    'the Crawlee contenders run the same parsers the same way, so they gained as much.',
  '- A 2 MB semi-space promoted part of every DOM (1-2 MB alive while a page is parsed). Interleaved runs of ' +
    '`node bench/cpu.ts` at concurrency 4, CPU ms per page / peak RSS MB: `--max-semi-space-size=2` 19.9-22.5 ' +
    '/ 148-173, `--max-semi-space-size=16` 17.4-18.6 / 173-184 (at concurrency 10: 183-195 MB). Workers now ' +
    'run with 16 MB and the 1 GB old-generation limit (src/local/processes/worker-node-flags.ts).',
  '',
  'This round found what the old-generation limit was paying for:',
  '',
  "- V8's allocation-site pretenuring. A scavenge that comes in the middle of a parse finds all of that page's " +
    'DOM alive, and V8 concludes that the DOM allocation sites make long-lived objects: from then on it ' +
    'allocates DOM nodes straight in the old generation, where only a full GC frees them. The sampling heap ' +
    'profiler (objects collected by full GCs kept) counted 1.8 GB over a season, mostly DOM nodes; without ' +
    'pretenuring 0.76 GB (most of the rest is young garbage that a full GC happens to sweep). Main-thread GC ' +
    'over the season: 1.6 s -> 0.6 s (scavenges 991 -> 241 ms). Interleaved `node bench/cpu.ts` runs at ' +
    'concurrency 4: 11.8-13.2 -> 9.7-11.0 ms per page, peak RSS unchanged or lower (178-191 MB at concurrency ' +
    "10). Workers now run with `--no-allocation-site-pretenuring`; NODE_OPTIONS refuses that flag, so the chart's " +
    "worker container gives its flags on the command line (`worker.nodeFlags`, before the image's entry point).",
  "- Every job's deadline was `AbortSignal.any([worker signal, AbortSignal.timeout(5 min)])`: the timer, the " +
    "signals and the request's abort listeners lived 5 minutes after the job ended, thousands of them over a " +
    'season. The deadline is now a timer cleared when the job ends (src/queue/job-deadline.ts); 0.88 -> 0.91 of ' +
    'the raw loop at 1 process in back-to-back runs.',
  '- The bytes of every page (300 KB a box score, outside the V8 heap) stayed allocated until a full GC ' +
    'whenever the job holding them outlived two scavenges, and V8 counts that memory when it decides to start ' +
    'one (`--trace-incremental-marking`: every full GC was started by a task with the old generation half ' +
    "full). Jobs now free a page's bytes once its records are stored (`FetchedPage.release`, " +
    'src/fetch/release-bytes.ts): 32 full GCs over a season instead of 68-72, background marking 1.1 s instead ' +
    'of 2.3 s, about 0.6 ms less CPU per page, peak RSS unchanged (177 MB at concurrency 10). Starting full ' +
    'GCs later instead (`--incremental-marking-soft-trigger=70`) saved as much CPU but raised peak RSS to ' +
    "235-244 MB: the dead pages' bytes waited longer.",
  '- Larger young generation (32 MB semi-space) or a 1.5 GB old-generation limit: no faster, and 10-30 MB more ' +
    'peak RSS; the flags stay 16 MB and 1 GB.',
  '',
  'What remains between the worker and the raw loop at 1 process is the queue and GC under the 1 GB limit: ' +
    'about 32 full GCs over a season at concurrency 4, 24-29 MB live after each, ' +
    'BullMQ, ioredis, prom-client and pino about 0.2 ms per page. With one job queued, BullMQ 6.7 re-adds its ' +
    'marker every time a job is taken, so an idle worker pops a stale marker and asks again: 4 round trips per ' +
    'job at best, ~4.6-6 measured; no worker option changes it. Against Crawlee HttpCrawler the 1.5x goal ' +
    'cannot be reached where the raw loop itself is within 1.5x of HttpCrawler: HttpCrawler runs the same ' +
    'fetch, archive, parse and store, and adds only its own crawler overhead.',
];

/** The issue's targets, each with the figure that judges it. */
function targetsSection(r: Results): string[] {
  const rows: string[] = [];
  const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');
  if (r.throughput) {
    const t = r.throughput;
    const rows1 = throughputRows(t);
    const limits = rows1.map((x) => x.oursOverLimit.median);
    rows.push(
      `| ours ≥ 0.90 of the raw loop at ${rows1.map((x) => x.processes).join(', ')} processes | ` +
        `${limits.map((x) => num(x, 2)).join(', ')} | ${verdict(limits.every((x) => x >= 0.9))} |`,
    );
    const cpu1 = t.runs.filter((x) => x.contender === 'ours' && x.processes === 1);
    if (cpu1.length > 0) {
      const ms = summarise(cpu1.map((x) => x.cpuMsPerPage + (x.redisCpuMsPerPage ?? 0))).median;
      rows.push(
        `| ≤ 20 ms CPU per page at one process (workers + Redis) | ${num(ms)} ms | ${verdict(ms <= 20)} |`,
      );
    }
    const http = rows1.map((x) => x.oursOverHttp.median);
    rows.push(
      `| at least 1.5× Crawlee HttpCrawler at equal concurrency | ${http.map((x) => `${num(x, 2)}×`).join(', ')} | ` +
        `${verdict(http.every((x) => x >= 1.5))} |`,
    );
    const cheerio = rows1.map((x) => x.oursOverCheerio.median);
    rows.push(
      `| ahead of Crawlee CheerioCrawler at equal concurrency | ${cheerio.map((x) => `${num(x, 2)}×`).join(', ')} | ` +
        `${verdict(cheerio.every((x) => x > 1))} |`,
    );
  }
  if (r.recovery) {
    const m = summarise(r.recovery.kills.flatMap((k) => k.recoveryMs)).median / 1000;
    rows.push(`| recovery median under 5 s | ${num(m)} s | ${verdict(m < 5)} |`);
  }
  if (r.politeness) {
    const over = r.politeness.runs.some((x) => x.busiest > x.allowed);
    const multi = r.politeness.runs.filter((x) => x.processes >= 4).map((x) => x.fullestComplete / x.allowed);
    const low = Math.min(...multi);
    rows.push(`| politeness never over the budget | ${over ? 'over' : 'never over'} | ${verdict(!over)} |`);
    rows.push(
      `| at least 95 % of the budget with 4+ processes | ${percent(low, 1)} | ${verdict(low >= 0.95)} |`,
    );
  }
  if (r.longCrawl) {
    const l = r.longCrawl;
    const f = flatness(l);
    rows.push(
      `| long crawl: pages/s flat within 10 % | steady windows within ${percent(f.spread, 0)} of their median | ` +
        `${verdict(f.full.length > 1 ? f.flat : null)} |`,
    );
    const g = rssGrowth(l);
    rows.push(
      `| long crawl: worker RSS at the end ≤ 1.2 × after the first season | ${num(g, 2)}× | ${verdict(g <= 1.2)} |`,
    );
    rows.push(
      `| long crawl: Redis memory does not grow with the crawl | peak ${num(l.ours.redisPeakMb, 1)} MB, end ` +
        `${num(l.ours.redisEndMb, 1)} MB | ${verdict(l.ours.redisEndMb <= l.ours.redisPeakMb)} |`,
    );
    const c = cpuGrowth(l);
    rows.push(
      `| long crawl: CPU per page does not grow (last season's ≤ 1.1 × first's) | ${num(c, 2)}× | ` +
        `${verdict(Number.isFinite(c) ? c <= 1.1 : null)} |`,
    );
  }
  if (r.memory) {
    const rss = memoryAt(r.memory, 10);
    rows.push(`| peak RSS ≤ 200 MB at concurrency 10 | ${num(rss, 0)} MB | ${verdict(rss <= 200)} |`);
  }
  if (r.queue) {
    const at = (b: number) =>
      summarise(r.queue!.runs.filter((m) => m.backlog === b).map((m) => m.roundTripsPerJob)).median;
    const backlogs = r.queue.opts.backlogs;
    const hi = backlogs.at(-1)!;
    rows.push(
      `| ≤ 2 Redis round trips per job with a backlog (${hi.toLocaleString('en-US')}) | ${num(at(hi), 2)} | ` +
        `${verdict(at(hi) <= 2)} |`,
    );
    rows.push(
      `| ≤ 4 Redis round trips per job with ${backlogs[0]} job queued | ${num(at(backlogs[0]!), 2)} | ` +
        `${verdict(at(backlogs[0]!) <= 4)} |`,
    );
  }
  if (rows.length === 0) return [];
  return ['## Targets', '', '| target | measured | |', '| --- | --- | --- |', ...rows];
}

function machine(): string[] {
  const version = (file: string): string => {
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  const osName = (() => {
    try {
      return /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'Linux';
    } catch {
      return 'Linux';
    }
  })();
  const redis = (() => {
    try {
      return /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?';
    } catch {
      return 'not installed';
    }
  })();
  const cpu = cpus();
  const nm = join(ROOT, 'node_modules');
  return [
    `CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'}; memory ${num(totalmem() / 1024 ** 3, 1)} GiB ` +
      `(${num(freemem() / 1024 ** 3, 1)} GiB free at the end)`,
    `OS: ${osName}, kernel ${release()}`,
    `Node ${process.version}; redis-server ${redis}`,
    `bullmq ${version(join(nm, 'bullmq/package.json'))}, ioredis ${version(join(nm, 'ioredis/package.json'))}, ` +
      `got ${version(join(nm, 'got/package.json'))}, bottleneck ${version(join(nm, 'bottleneck/package.json'))}, ` +
      `htmlparser2 ${version(join(nm, 'htmlparser2/package.json'))}, ` +
      `@crawlee/http ${version(join(BENCH_DIR, 'node_modules/@crawlee/http/package.json'))}, ` +
      `@crawlee/cheerio ${version(join(BENCH_DIR, 'node_modules/@crawlee/cheerio/package.json'))}`,
  ];
}

const README_START = '<!-- bench:headline:start (written by npm run bench) -->';
const README_END = '<!-- bench:headline:end -->';

function updateReadme(headline: string[]): void {
  const file = join(ROOT, 'README.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(README_START);
  const b = text.indexOf(README_END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  const block = [README_START, '', ...headline.map((l) => `- ${l}`), '', README_END].join('\n');
  writeFileSync(file, biomeFormat(file, text.slice(0, a) + block + text.slice(b + README_END.length)));
}

await main();
