/**
 * Parse-time benchmark of the basketball-reference parsers (not a test).
 *
 *   node bench/parse.ts [--rounds N] [--boxscores N] [--seasons 2018,2024] [--module PATH]
 *
 * Times `parseBoxScore`, `parseSchedule` and `parsePlayerTotals` on every real page of the
 * fixtures folder ($FIXTURES_DIR, else ../shared/fixtures/basketball-reference) and on generated
 * replay pages (all month and season pages, a sample of box scores and the totals page of each
 * season), rendered up front so only parsing is timed. Pages are parsed round-robin: one untimed
 * round first (its calls give the cold `first` time), then the timed rounds, each call one sample.
 * Reports, per page kind, the cold first call, min / median / p95 / max wall time, and the mean CPU
 * time of the main thread per call (steadier than wall time on a busy machine, as it leaves out
 * time spent waiting for a core; summed over all calls, since the thread clock ticks coarsely);
 * then the longest single synchronous parse seen, cold calls included (what a worker's lock
 * duration must stay far above).
 *
 * `--module` times another copy of the module (for before/after numbers): the path of its index.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createSiteContent } from '../src/local/replay/content.ts';
import type * as Module from '../src/sources/basketball-reference/index.ts';

type Parsers = Pick<typeof Module, 'parseBoxScore' | 'parseSchedule' | 'parsePlayerTotals' | 'parsePage'>;
type Kind = 'boxscore' | 'schedule' | 'totals';

interface BenchPage {
  source: 'fixture' | 'generated';
  kind: Kind;
  name: string;
  html: string;
  run: () => unknown;
}

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    boxscores: { type: 'string', default: '120' },
    seasons: { type: 'string', default: '2018,2024' },
    module: { type: 'string' },
  },
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modulePath = resolve(args.module ?? join(repoRoot, 'src/sources/basketball-reference/index.ts'));
const parsers = (await import(pathToFileURL(modulePath).href)) as Parsers;
const fixturesDir = process.env.FIXTURES_DIR
  ? resolve(process.env.FIXTURES_DIR)
  : resolve(repoRoot, '../shared/fixtures/basketball-reference');

function runnerFor(html: string, kind: Kind, season: number, gameId: string | undefined): () => unknown {
  if (kind === 'boxscore') return () => parsers.parseBoxScore(html, gameId!);
  if (kind === 'totals') return () => parsers.parsePlayerTotals(html, season);
  return () => parsers.parseSchedule(html, season);
}

function fixturePages(): BenchPage[] {
  if (!existsSync(join(fixturesDir, 'README.md'))) {
    console.log(`(no fixtures in ${fixturesDir}: only generated pages are timed)`);
    return [];
  }
  const pages: BenchPage[] = [];
  for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(fixturesDir, file), 'utf8');
    let parsed: ReturnType<Parsers['parsePage']>;
    try {
      parsed = parsers.parsePage(html);
    } catch {
      continue; // 404 page, daily scores: nothing the parsers read
    }
    const kind = parsed.kind === 'season' ? 'schedule' : parsed.kind;
    if (kind !== 'schedule' && kind !== 'boxscore' && kind !== 'totals') continue; // kinds not timed here
    const gameId = parsed.kind === 'boxscore' ? parsed.records[0].gameId : undefined;
    pages.push({
      source: 'fixture',
      kind,
      name: file,
      html,
      run: runnerFor(html, kind, parsed.season, gameId),
    });
  }
  return pages;
}

function generatedPages(seasons: number[], boxScores: number): BenchPage[] {
  const site = createSiteContent({ seasons });
  const pages: BenchPage[] = [];
  const add = (kind: Kind, path: string, season: number, gameId?: string) => {
    const found = site.lookup(path);
    if (found?.type !== 'page') throw new Error(`the replay site has no page ${path}`);
    const html = found.render();
    pages.push({ source: 'generated', kind, name: path, html, run: runnerFor(html, kind, season, gameId) });
  };
  const perSeason = Math.ceil(boxScores / seasons.length);
  for (const season of seasons) {
    const truth = site.groundTruth(season);
    add('schedule', `/leagues/NBA_${season}_games.html`, season);
    for (const m of truth.months) add('schedule', m.path, season);
    add('totals', `/leagues/NBA_${season}_totals.html`, season);
    const games = truth.games.filter((g) => g.played);
    const step = Math.max(1, Math.floor(games.length / perSeason));
    for (let i = 0; i < games.length && i / step < perSeason; i += step) {
      const id = games[i]!.gameId;
      add('boxscore', `/boxscores/${id}.html`, season, id);
    }
  }
  return pages;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

const ms = (n: number) => n.toFixed(2).padStart(9);

const seasons = args.seasons.split(',').map(Number);
const rounds = Number(args.rounds);
const pages = [...fixturePages(), ...generatedPages(seasons, Number(args.boxscores))];

// Cold first calls (module code not yet optimised), then the timed rounds.
let longest = { ms: 0, name: '' };
const cold = new Map<string, number>();
for (const p of pages) {
  const t0 = performance.now();
  p.run();
  const dt = performance.now() - t0;
  const key = `${p.source} ${p.kind}`;
  if (!cold.has(key)) cold.set(key, dt);
  if (dt > longest.ms) longest = { ms: dt, name: `${p.name} (cold)` };
}
const samples = new Map<string, { wall: number[]; cpuMs: number }>();
for (let r = 0; r < rounds; r++) {
  for (const p of pages) {
    const c0 = process.threadCpuUsage();
    const t0 = performance.now();
    p.run();
    const dt = performance.now() - t0;
    const c = process.threadCpuUsage(c0);
    if (dt > longest.ms) longest = { ms: dt, name: p.name };
    const key = `${p.source} ${p.kind}`;
    const list = samples.get(key) ?? { wall: [], cpuMs: 0 };
    list.wall.push(dt);
    list.cpuMs += (c.user + c.system) / 1000;
    samples.set(key, list);
  }
}

console.log(`module: ${modulePath}`);
console.log(
  `node ${process.version}, ${rounds} timed rounds after one cold round; ms per parse call (wall; mean CPU of the main thread)`,
);
const head = ['n', 'avg KB', 'first', 'min', 'median', 'p95', 'max', 'cpu mean'];
console.log(`${'pages'.padEnd(20)}${head.map((h, i) => h.padStart(i < 2 ? 7 : 9)).join('')}`);
for (const [key, list] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
  const [source, kind] = key.split(' ') as [BenchPage['source'], Kind];
  const group = pages.filter((p) => p.source === source && p.kind === kind);
  const kb = group.reduce((s, p) => s + p.html.length, 0) / group.length / 1024;
  const wall = [...list.wall].sort((a, b) => a - b);
  const cols = [
    String(group.length).padStart(7),
    kb.toFixed(0).padStart(7),
    ...[cold.get(key)!, wall[0]!, quantile(wall, 0.5), quantile(wall, 0.95), wall.at(-1)!].map(ms),
    ms(list.cpuMs / wall.length),
  ];
  console.log(`${key.padEnd(20)}${cols.join('')}`);
}
console.log(`longest single synchronous parse: ${longest.ms.toFixed(1)} ms (${longest.name})`);
