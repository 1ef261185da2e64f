/** The replay site in a child process (site-child.ts), driven over IPC. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type SeasonPageKind, seasonPageTargets } from '../../src/dataset/season-pages.ts';
import type { SeasonGroundTruth } from '../../src/local/replay/content.ts';
import type { FaultConfig } from '../../src/local/replay/faults.ts';
import type { ReplayStatsSnapshot, StatsQuery } from '../../src/local/replay/request-stats.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { PAGE_KINDS } from '../../src/sources/source.ts';

export type SiteRequest = { id: number } & (
  | { op: 'stats'; query?: StatsQuery }
  | { op: 'resetStats' }
  | { op: 'setFaults'; faults: FaultConfig | null }
  | { op: 'groundTruth'; season: number }
  | { op: 'warm'; paths: string[] }
  | { op: 'close' }
);

export interface SiteResponse {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

type Op = SiteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface BenchSite {
  readonly url: string;
  readonly pid: number;
  stats(query?: StatsQuery): Promise<ReplayStatsSnapshot>;
  resetStats(): Promise<void>;
  setFaults(faults: FaultConfig | null): Promise<void>;
  groundTruth(season: number): Promise<SeasonGroundTruth>;
  /**
   * Requests every path once (so it is rendered and cached), then resets the stats; returns each
   * page's size in bytes.
   */
  warm(paths: string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface BenchSiteOptions {
  seasons: number[];
  asOf?: string | null;
  /** Bytes of rendered pages the site keeps (default 2 GiB: one season's pages, ~430 MB, and more). */
  cacheBytes?: number;
}

export async function startBenchSite(opts: BenchSiteOptions): Promise<BenchSite> {
  const child = fork(
    fileURLToPath(new URL('./site-child.ts', import.meta.url)),
    [
      JSON.stringify({
        seasons: opts.seasons,
        asOf: opts.asOf ?? null,
        cacheBytes: opts.cacheBytes ?? 2 * 1024 ** 3,
      }),
    ],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' },
  );
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (msg: SiteResponse) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(`replay site: ${msg.error}`));
  });
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`replay site exited (${code})`));
    pending.clear();
  });
  const url = await new Promise<string>((resolve, reject) => {
    pending.set(0, { resolve: (v) => resolve(v as string), reject });
  });
  const call = <T>(req: Op): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: (v) => resolve(v as T), reject });
      child.send({ id, ...req });
    });
  return {
    url,
    pid: child.pid!,
    stats: (query) => call({ op: 'stats', query }),
    resetStats: () => call({ op: 'resetStats' }),
    setFaults: (faults) => call({ op: 'setFaults', faults }),
    groundTruth: (season) => call({ op: 'groundTruth', season }),
    warm: (paths) => call({ op: 'warm', paths }),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await call({ op: 'close' }).catch(() => {});
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Paths of every page the season pipeline reads (season page, month pages, box scores, totals,
 * season-level pages), and the pages every contender fetches, archives, parses and stores: the
 * box scores, the player totals and the season-level pages (summary, one page per team, advanced
 * stats, draft, awards; dataset/season-pages.ts), in the order our season job enqueues them.
 */
export function seasonPaths(truth: SeasonGroundTruth): {
  all: string[];
  boxScores: BoxScoreItem[];
  items: CrawlItem[];
} {
  const boxScores = boxScoreItems(truth);
  const totals: CrawlItem = {
    season: truth.season,
    kind: 'totals',
    path: `/leagues/NBA_${truth.season}_totals.html`,
    gameId: null,
    team: null,
  };
  const seasonPages: CrawlItem[] = seasonPageTargets(DEFAULT_SOURCE, truth.season, truth.games).map((t) => ({
    season: truth.season,
    kind: t.kind,
    path: t.path,
    gameId: null,
    team: t.team,
  }));
  const items: CrawlItem[] = [
    ...boxScores.map((b) => ({ ...b, kind: 'boxscore' as const, team: null })),
    totals,
    ...seasonPages,
  ];
  return {
    all: [
      `/leagues/NBA_${truth.season}_games.html`,
      ...truth.months.map((m) => m.path),
      ...items.map((i) => i.path),
    ],
    boxScores,
    items,
  };
}

/** The page kinds every contender fetches and stores, and so the ones counted and timed. */
export const COUNTED_KINDS: readonly string[] = PAGE_KINDS.filter((k) => k !== 'season' && k !== 'schedule');

/** One page a contender fetches, archives, parses and stores. */
export interface CrawlItem {
  season: number;
  kind: 'boxscore' | 'totals' | SeasonPageKind;
  path: string;
  /** The game of a box score, else null. */
  gameId: string | null;
  /** The team of a team page, else null. */
  team: string | null;
}

export interface BoxScoreItem {
  season: number;
  gameId: string;
  path: string;
}

export function boxScoreItems(truth: SeasonGroundTruth): BoxScoreItem[] {
  return truth.games
    .filter((g) => g.played && g.boxScorePath !== null)
    .map((g) => ({ season: truth.season, gameId: g.gameId, path: g.boxScorePath! }));
}
