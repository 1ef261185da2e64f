/**
 * The completeness ledger: from a season's stored schedule, what the dataset must hold, and what
 * it holds — by data kind. A game counts as stored only when its box score parsed and was
 * stored (a block page or an empty table never is: they fail to parse). A season-level page
 * counts as stored when its tables hold rows of its scope (the season, or the team).
 */
import { DEFAULT_SOURCE } from '../sources/registry.ts';
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import {
  SEASON_PAGES,
  type SeasonPageKind,
  type SeasonPageTarget,
  seasonPageTargets,
} from './season-pages.ts';

/** One kind of season-level page in the ledger. */
export interface SeasonPagesLedger {
  kind: SeasonPageKind;
  /** Pages the season must have (one per team for team pages). */
  expected: number;
  /** Of those, pages whose rows are stored. */
  stored: number;
  /** The pages not stored (their paths on the source), for reconcile. */
  missing: SeasonPageTarget[];
  /** Rows stored in the kind's tables. */
  rows: number;
}

export interface SeasonLedger {
  season: number;
  /** Games the stored schedule lists. */
  games: number;
  /** Of those, games with a result (their box score must exist). */
  played: number;
  /** Box scores stored for played games. */
  boxScoresStored: number;
  /** Played games without a stored box score. */
  missingBoxScores: string[];
  /** Player totals rows stored (regular season and playoffs). */
  totalsRows: number;
  /** Season-level pages, by kind (standings, team pages, advanced stats, draft, awards). */
  pages: SeasonPagesLedger[];
  /**
   * True when the schedule, every played game's box score, the totals and every season-level page
   * the season must have are stored.
   */
  complete: boolean;
}

async function rowsOf(store: Store, table: Parameters<Store['readRows']>[0], season: number) {
  const rows = [];
  for await (const row of store.readRows(table, season)) rows.push(row);
  return rows;
}

async function pagesLedger(
  store: Store,
  site: SourceSite,
  season: number,
  schedule: Awaited<ReturnType<Store['readSchedule']>>,
): Promise<SeasonPagesLedger[]> {
  const targets = seasonPageTargets(site, season, schedule);
  const out: SeasonPagesLedger[] = [];
  for (const spec of Object.values(SEASON_PAGES)) {
    const mine = targets.filter((t) => t.kind === spec.kind);
    // The page's first table tells whether its scope is stored (a team page: by team).
    const [first, ...others] = spec.tables;
    const firstRows = first ? await rowsOf(store, first, season) : [];
    let rows = firstRows.length;
    for (const t of others) rows += (await rowsOf(store, t, season)).length;
    const teams = new Set(firstRows.map((r) => r.team));
    const missing = mine.filter((t) => (t.team === null ? firstRows.length === 0 : !teams.has(t.team)));
    out.push({ kind: spec.kind, expected: mine.length, stored: mine.length - missing.length, missing, rows });
  }
  return out;
}

/** `site`: the source whose season-level pages the season must have (the default source). */
export async function seasonLedger(
  store: Store,
  season: number,
  site: SourceSite = DEFAULT_SOURCE,
): Promise<SeasonLedger> {
  const [schedule, stored, totals] = await Promise.all([
    store.readSchedule(season),
    store.storedBoxScoreIds(season),
    store.readPlayerTotals(season),
  ]);
  const played = schedule.filter((g) => g.status === 'final');
  const missing = played.filter((g) => !stored.has(g.gameId)).map((g) => g.gameId);
  const pages = await pagesLedger(store, site, season, schedule);
  return {
    season,
    games: schedule.length,
    played: played.length,
    boxScoresStored: played.length - missing.length,
    missingBoxScores: missing,
    totalsRows: totals.length,
    pages,
    complete:
      schedule.length > 0 &&
      missing.length === 0 &&
      (played.length === 0 || totals.length > 0) &&
      pages.every((p) => p.missing.length === 0),
  };
}
