/**
 * The season-level tables (standings, rosters, team season stats, advanced player stats, draft
 * picks, awards): their columns, natural keys and row order, the SCOPE each write replaces, and
 * the pure functions that turn the domain records into rows. A write replaces every stored row of
 * its scope (`standings` of a season, `rosters` of a season and team, ...), so writing the same
 * page twice stores it once and a row the page no longer lists goes away.
 */
import type { AwardEntry } from '../domain/awards.ts';
import type { DraftPick } from '../domain/draft.ts';
import type { PlayerAdvanced } from '../domain/player-advanced.ts';
import type { StandingsRow } from '../domain/standings.ts';
import type { TeamSeasonPage } from '../domain/team-season.ts';
import { StoreError } from '../errors/store-error.ts';
import { type Cell, col, type Row, type Table } from './table-schema.ts';

/** Team stats of `team_season_stats` (totals or per game: stored as numbers with decimals). */
export const TEAM_STATS = [
  'g',
  'mp',
  'fg',
  'fga',
  'fg_pct',
  'fg3',
  'fg3a',
  'fg3_pct',
  'fg2',
  'fg2a',
  'fg2_pct',
  'ft',
  'fta',
  'ft_pct',
  'orb',
  'drb',
  'trb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
  'pts',
] as const;

/** The team's ratings (`team_misc`), on its `team` / `total` row only. */
export const TEAM_RATINGS = [
  'wins',
  'losses',
  'wins_pyth',
  'losses_pyth',
  'mov',
  'sos',
  'srs',
  'off_rtg',
  'def_rtg',
  'pace',
  'fta_per_fga_pct',
  'fg3a_per_fga_pct',
  'ts_pct',
  'efg_pct',
  'tov_pct',
  'orb_pct',
  'ft_rate',
  'opp_efg_pct',
  'opp_tov_pct',
  'drb_pct',
  'opp_ft_rate',
  'attendance',
] as const;

/** Advanced stats of `player_advanced` (counts first, then rates and ratings). */
export const ADVANCED_COUNTS = ['games', 'games_started', 'mp'] as const;
export const ADVANCED_RATES = [
  'per',
  'ts_pct',
  'fg3a_per_fga_pct',
  'fta_per_fga_pct',
  'orb_pct',
  'drb_pct',
  'trb_pct',
  'ast_pct',
  'stl_pct',
  'blk_pct',
  'tov_pct',
  'usg_pct',
  'ows',
  'dws',
  'ws',
  'ws_per_48',
  'obpm',
  'dbpm',
  'bpm',
  'vorp',
] as const;

/** A drafted player's NBA career of `draft_picks`. */
export const DRAFT_COUNTS = ['seasons', 'g', 'mp', 'pts', 'trb', 'ast'] as const;
export const DRAFT_RATES = [
  'fg_pct',
  'fg3_pct',
  'ft_pct',
  'mp_per_g',
  'pts_per_g',
  'trb_per_g',
  'ast_per_g',
  'ws',
  'ws_per_48',
  'bpm',
  'vorp',
] as const;

/** A season table: a table whose rows belong to one season and are written by scope. */
export interface SeasonTable extends Table {
  readonly name: SeasonTableName;
  /** The columns one write replaces by (`season` first). */
  readonly scope: readonly string[];
}

export const SEASON_TABLE_NAMES = [
  'standings',
  'rosters',
  'team_season_stats',
  'player_advanced',
  'draft_picks',
  'awards',
] as const;
export type SeasonTableName = (typeof SEASON_TABLE_NAMES)[number];

export const SEASON_TABLES: Readonly<Record<SeasonTableName, SeasonTable>> = {
  standings: {
    name: 'standings',
    columns: [
      col('season', 'int'),
      col('grouping', 'text'),
      col('group_name', 'text'),
      col('team', 'text'),
      col('team_name', 'text'),
      col('rank', 'int'),
      col('wins', 'int'),
      col('losses', 'int'),
      col('win_loss_pct', 'float'),
      col('games_behind', 'float'),
      col('pts_per_g', 'float'),
      col('opp_pts_per_g', 'float'),
      col('srs', 'float'),
      col('playoffs', 'bool'),
      col('seed', 'int'),
    ],
    key: ['season', 'grouping', 'group_name', 'team'],
    orderBy: ['season', 'grouping', 'group_name', 'rank', 'team'],
    scope: ['season'],
  },
  rosters: {
    name: 'rosters',
    columns: [
      col('season', 'int'),
      col('team', 'text'),
      col('player_id', 'text'),
      col('name', 'text'),
      col('number', 'text'),
      col('position', 'text'),
      col('height_in', 'int'),
      col('weight_lb', 'int'),
      col('birth_date', 'date'),
      col('country', 'text'),
      col('experience', 'int'),
      col('college', 'text'),
    ],
    key: ['season', 'team', 'player_id'],
    orderBy: ['season', 'team', 'player_id'],
    scope: ['season', 'team'],
  },
  team_season_stats: {
    name: 'team_season_stats',
    columns: [
      col('season', 'int'),
      col('team', 'text'),
      col('side', 'text'),
      col('basis', 'text'),
      ...TEAM_STATS.map((s) => col(s, 'float')),
      ...TEAM_RATINGS.map((s) => col(s, 'float')),
    ],
    key: ['season', 'team', 'side', 'basis'],
    orderBy: ['season', 'team', 'side', 'basis'],
    scope: ['season', 'team'],
  },
  player_advanced: {
    name: 'player_advanced',
    columns: [
      col('season', 'int'),
      col('part', 'text'),
      col('player_id', 'text'),
      col('team', 'text'),
      col('name', 'text'),
      col('multi_team_summary', 'bool'),
      col('age', 'int'),
      col('position', 'text'),
      ...ADVANCED_COUNTS.map((s) => col(s, 'int')),
      ...ADVANCED_RATES.map((s) => col(s, 'float')),
    ],
    key: ['season', 'part', 'player_id', 'team'],
    orderBy: ['season', 'part', 'player_id', 'team'],
    scope: ['season', 'part'],
  },
  draft_picks: {
    name: 'draft_picks',
    columns: [
      col('season', 'int'),
      col('round', 'int'),
      col('pick', 'int'),
      col('team', 'text'),
      col('player_id', 'text'),
      col('name', 'text'),
      col('college', 'text'),
      ...DRAFT_COUNTS.map((s) => col(s, 'int')),
      ...DRAFT_RATES.map((s) => col(s, 'float')),
    ],
    key: ['season', 'pick'],
    orderBy: ['season', 'pick'],
    scope: ['season'],
  },
  awards: {
    name: 'awards',
    columns: [
      col('season', 'int'),
      col('award', 'text'),
      col('kind', 'text'),
      col('place', 'text'),
      col('winner', 'bool'),
      col('player_id', 'text'),
      col('coach_id', 'text'),
      col('name', 'text'),
      col('team', 'text'),
      col('votes_first', 'float'),
      col('points_won', 'float'),
      col('points_max', 'float'),
      col('share', 'float'),
    ],
    key: ['season', 'award', 'place', 'name'],
    orderBy: ['season', 'award', 'place', 'name'],
    scope: ['season'],
  },
};

export function isSeasonTable(table: string): table is SeasonTableName {
  return (SEASON_TABLE_NAMES as readonly string[]).includes(table);
}

/** The scope values of a row: what one write of its table replaces. */
export function scopeOf(table: SeasonTableName, row: Row): Cell[] {
  return SEASON_TABLES[table].scope.map((c) => row[c] ?? null);
}

/**
 * Checks a scoped write: `scope` names every scope column of the table, and every row lies in it.
 * Throws StoreError (`store` names the store in the message) otherwise.
 */
export function checkScope(store: string, table: SeasonTableName, scope: Row, rows: readonly Row[]): void {
  const columns = SEASON_TABLES[table].scope;
  const missing = columns.filter((c) => scope[c] === undefined || scope[c] === null);
  if (missing.length > 0)
    throw new StoreError(
      `${store}: a write of ${table} needs its scope ${columns.join(', ')}; missing ${missing}`,
    );
  const stray = rows.find((r) => columns.some((c) => r[c] !== scope[c]));
  if (stray) {
    throw new StoreError(
      `${store}: a ${table} row of ${JSON.stringify(scopeOf(table, stray))} is outside the write's scope ${JSON.stringify(scopeOf(table, scope))}`,
    );
  }
}

/** Rows of a table with the natural key repeated dropped (the first wins). */
export function uniqueRows(table: SeasonTableName, rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = JSON.stringify(SEASON_TABLES[table].key.map((k) => r[k] ?? null));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `stats[name] ?? null` for each name. */
function pick(stats: Readonly<Record<string, number | null>>, names: readonly string[]): Row {
  return Object.fromEntries(names.map((n) => [n, stats[n] ?? null]));
}

export function standingsRows(rows: readonly StandingsRow[]): Row[] {
  return uniqueRows(
    'standings',
    rows.map((r) => ({
      season: r.season,
      grouping: r.grouping,
      group_name: r.group,
      team: r.team,
      team_name: r.teamName,
      rank: r.rank,
      wins: r.wins,
      losses: r.losses,
      win_loss_pct: r.winLossPct,
      games_behind: r.gamesBehind,
      pts_per_g: r.pointsPerGame,
      opp_pts_per_g: r.opponentPointsPerGame,
      srs: r.srs,
      playoffs: r.playoffs,
      seed: r.seed,
    })),
  );
}

/** The rows of one team season page: its roster, and its team and opponent stats (ratings on the team's totals). */
export function teamSeasonRows(page: TeamSeasonPage): { rosters: Row[]; team_season_stats: Row[] } {
  const rosters = page.roster.map((p) => ({
    season: page.season,
    team: page.team,
    player_id: p.playerId,
    name: p.name,
    number: p.number,
    position: p.position,
    height_in: p.heightInches,
    weight_lb: p.weightPounds,
    birth_date: p.birthDate,
    country: p.country,
    experience: p.experience,
    college: p.college,
  }));
  const stats = page.stats.map((s) => {
    const withRatings = s.side === 'team' && s.basis === 'total' && page.ratings !== null;
    return {
      season: page.season,
      team: page.team,
      side: s.side,
      basis: s.basis,
      ...pick(s.stats, TEAM_STATS),
      ...pick(withRatings ? (page.ratings ?? {}) : {}, TEAM_RATINGS),
    };
  });
  return {
    rosters: uniqueRows('rosters', rosters),
    team_season_stats: uniqueRows('team_season_stats', stats),
  };
}

export function playerAdvancedRows(rows: readonly PlayerAdvanced[]): Row[] {
  return uniqueRows(
    'player_advanced',
    rows.map((r) => ({
      season: r.season,
      part: r.part,
      player_id: r.playerId,
      team: r.team,
      name: r.name,
      multi_team_summary: r.multiTeamSummary,
      age: r.age,
      position: r.position,
      ...pick(r.stats, ADVANCED_COUNTS),
      ...pick(r.stats, ADVANCED_RATES),
    })),
  );
}

export function draftRows(picks: readonly DraftPick[]): Row[] {
  return uniqueRows(
    'draft_picks',
    picks.map((p) => ({
      season: p.season,
      round: p.round,
      pick: p.pick,
      team: p.team,
      player_id: p.playerId,
      name: p.name,
      college: p.college,
      ...pick(p.career, DRAFT_COUNTS),
      ...pick(p.career, DRAFT_RATES),
    })),
  );
}

export function awardRows(entries: readonly AwardEntry[]): Row[] {
  return uniqueRows(
    'awards',
    entries.map((e) => ({
      season: e.season,
      award: e.award,
      kind: e.kind,
      place: e.place,
      winner: e.winner,
      player_id: e.playerId,
      coach_id: e.coachId,
      name: e.name,
      team: e.team,
      votes_first: e.votesFirst,
      points_won: e.pointsWon,
      points_max: e.pointsMax,
      share: e.share,
    })),
  );
}
