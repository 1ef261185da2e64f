/**
 * Compares the season-level tables the store holds (standings, rosters, team season stats,
 * advanced player stats, draft picks, awards) with what the replay site says its pages hold
 * (`GET /__replay/seasons/<year>/{standings,teams,advanced,draft,awards}.json`, 404 while the site
 * does not show a page), row by row on each table's natural key, through the store's own row
 * mappers. Used by the demo and the fault drill to prove their result.
 */
import type { AwardEntry } from '../../domain/awards.ts';
import type { DraftPick } from '../../domain/draft.ts';
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { StandingsRow } from '../../domain/standings.ts';
import type { TeamSeasonPage } from '../../domain/team-season.ts';
import {
  awardRows,
  draftRows,
  playerAdvancedRows,
  SEASON_TABLE_NAMES,
  SEASON_TABLES,
  type SeasonTableName,
  standingsRows,
  teamSeasonRows,
} from '../../store/season-tables.ts';
import type { Store } from '../../store/store.ts';
import type { Cell, Row } from '../../store/table-schema.ts';

export interface TableCheck {
  table: SeasonTableName;
  expected: number;
  stored: number;
  missing: number;
  unexpected: number;
  /** Rows stored under an expected key with other values. */
  differing: number;
  /** The key of the first row that is missing, unexpected or differs. */
  example: string | null;
}

async function truthOf<T>(siteUrl: string, season: number, name: string): Promise<T | null> {
  const res = await fetch(`${siteUrl}/__replay/seasons/${season}/${name}.json`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`replay site has no ${name} truth for ${season} (HTTP ${res.status})`);
  return (await res.json()) as T;
}

/** The rows each table should hold for the season, from the site's ground truth. */
export async function expectedSeasonRows(
  siteUrl: string,
  season: number,
): Promise<Record<SeasonTableName, Row[]>> {
  const [standings, teams, advanced, draft, awards] = await Promise.all([
    truthOf<StandingsRow[]>(siteUrl, season, 'standings'),
    truthOf<TeamSeasonPage[]>(siteUrl, season, 'teams'),
    truthOf<PlayerAdvanced[]>(siteUrl, season, 'advanced'),
    truthOf<DraftPick[]>(siteUrl, season, 'draft'),
    truthOf<AwardEntry[]>(siteUrl, season, 'awards'),
  ]);
  const pages = (teams ?? []).map(teamSeasonRows);
  return {
    standings: standingsRows(standings ?? []),
    rosters: pages.flatMap((p) => p.rosters),
    team_season_stats: pages.flatMap((p) => p.team_season_stats),
    player_advanced: playerAdvancedRows(advanced ?? []),
    draft_picks: draftRows(draft ?? []),
    awards: awardRows(awards ?? []),
  };
}

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return (a ?? null) === (b ?? null);
}

function compare(table: SeasonTableName, expected: readonly Row[], stored: readonly Row[]): TableCheck {
  const { key, columns } = SEASON_TABLES[table];
  const keyOf = (r: Row): string => JSON.stringify(key.map((k) => r[k] ?? null));
  const storedByKey = new Map(stored.map((r) => [keyOf(r), r]));
  const expectedKeys = new Set(expected.map(keyOf));
  const check: TableCheck = {
    table,
    expected: expected.length,
    stored: stored.length,
    missing: 0,
    unexpected: 0,
    differing: 0,
    example: null,
  };
  for (const row of expected) {
    const k = keyOf(row);
    const got = storedByKey.get(k);
    if (!got) check.missing++;
    else if (!columns.every((c) => same(row[c.name], got[c.name]))) check.differing++;
    else continue;
    check.example ??= k;
  }
  for (const k of storedByKey.keys()) {
    if (expectedKeys.has(k)) continue;
    check.unexpected++;
    check.example ??= k;
  }
  return check;
}

export function tableMatches(c: TableCheck): boolean {
  return c.missing === 0 && c.unexpected === 0 && c.differing === 0;
}

/** One check per season table: what the store holds against the site's ground truth. */
export async function checkSeasonTables(
  store: Store,
  siteUrl: string,
  season: number,
): Promise<TableCheck[]> {
  const expected = await expectedSeasonRows(siteUrl, season);
  const checks: TableCheck[] = [];
  for (const table of SEASON_TABLE_NAMES) {
    const stored: Row[] = [];
    for await (const row of store.readRows(table, season)) stored.push(row);
    checks.push(compare(table, expected[table], stored));
  }
  return checks;
}

/** `2018 standings: all 60 rows match the site`, or what differs. */
export function describeTableCheck(season: number, c: TableCheck): string {
  if (tableMatches(c)) {
    return c.expected === 0
      ? `${season} ${c.table}: no rows, as the site shows no such page yet`
      : `${season} ${c.table}: all ${c.expected} rows match the site`;
  }
  return `${season} ${c.table}: ${c.stored} stored, ${c.expected} expected; ${c.missing} missing, ${c.unexpected} unexpected, ${c.differing} differ (first: ${c.example})`;
}
