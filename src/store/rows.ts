/**
 * The dataset's tables: the ONE definition of their columns, column order, natural keys and row
 * order, and the pure functions that map domain records to rows. The PostgreSQL store inserts and
 * selects these columns; the export writes them in this order; the file store derives rows from its
 * documents with the same functions. Changing a table here needs a new migration (a test compares
 * the database schema with these definitions).
 */
import {
  ADVANCED_STATS,
  BASIC_STATS,
  type BasicStat,
  type BasicStats,
  type BoxScore,
  type TeamBox,
} from '../domain/box-score.ts';
import type { ScheduleGame } from '../domain/game.ts';
import type { PlayerSeasonTotals } from '../domain/player-totals.ts';
import { SEASON_TABLES, type SeasonTableName } from './season-tables.ts';
import {
  type Cell,
  type CellType,
  type Column,
  col,
  type GameColumnSource,
  type Row,
  type Table,
} from './table-schema.ts';

export type { Cell, CellType, Column, GameColumnSource, Row, Table };

/** The tables of one game's box score and the schedule, and the player season totals. */
export const GAME_TABLE_NAMES = [
  'games',
  'team_lines',
  'player_lines',
  'line_scores',
  'inactive_players',
  'player_season_totals',
] as const;
type GameTableName = (typeof GAME_TABLE_NAMES)[number];

/** Every table of the dataset, in export order: the game tables, then the season tables (season-tables.ts). */
export const TABLE_NAMES = [
  ...GAME_TABLE_NAMES,
  ...(Object.keys(SEASON_TABLES) as SeasonTableName[]),
] as const;
export type TableName = GameTableName | SeasonTableName;

/** Stored type of each basic box score stat: counts are integers, the rest fractions or ratings. */
const BASIC_TYPES: Record<BasicStat, CellType> = {
  mp: 'int',
  fg: 'int',
  fga: 'int',
  fg_pct: 'float',
  fg3: 'int',
  fg3a: 'int',
  fg3_pct: 'float',
  ft: 'int',
  fta: 'int',
  ft_pct: 'float',
  orb: 'int',
  drb: 'int',
  trb: 'int',
  ast: 'int',
  stl: 'int',
  blk: 'int',
  tov: 'int',
  pf: 'int',
  pts: 'int',
  game_score: 'float',
  plus_minus: 'int',
};

/** Prefix of the advanced stat columns of `player_lines` (`adv_ts_pct`). */
export const ADVANCED_PREFIX = 'adv_';
/** Prefix of the four factors columns of `team_lines` (`ff_pace`). */
export const FOUR_FACTORS_PREFIX = 'ff_';
export const FOUR_FACTORS = ['pace', 'efg_pct', 'tov_pct', 'orb_pct', 'ft_rate', 'off_rtg'] as const;

/**
 * Stats of the player season totals table, by the 2024 `data-stat` names the parser normalises to.
 * Keys of `PlayerSeasonTotals.stats` outside this list are not part of the dataset.
 */
export const PLAYER_TOTALS_STATS = [
  'games',
  'games_started',
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
  'efg_pct',
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
  'tpl_dbl',
] as const;

const isFraction = (stat: string): boolean => stat.endsWith('_pct');

export const TABLES: Readonly<Record<TableName, Table>> = {
  games: {
    name: 'games',
    columns: [
      col('game_id', 'text', 'both'),
      col('season', 'int', 'both'),
      col('date', 'date', 'both'),
      col('start_time', 'text', 'both'),
      col('visitor_code', 'text', 'both'),
      col('visitor_name', 'text', 'both'),
      col('home_code', 'text', 'both'),
      col('home_name', 'text', 'both'),
      col('visitor_points', 'int', 'both'),
      col('home_points', 'int', 'both'),
      col('overtimes', 'int', 'both'),
      col('attendance', 'int', 'both'),
      col('duration_minutes', 'int', 'both'),
      col('arena', 'text', 'both'),
      col('location', 'text', 'box'),
      col('remarks', 'text', 'schedule'),
      col('status', 'text', 'both'),
      col('game_type', 'text', 'both'),
      col('playoff_round', 'text', 'box'),
      col('box_score_path', 'text', 'schedule'),
      col('official_ids', 'text', 'box'),
      col('officials', 'text', 'box'),
      col('schedule_page', 'text', 'schedule'),
      col('has_box_score', 'bool', 'box'),
    ],
    key: ['game_id'],
    orderBy: ['game_id'],
  },
  team_lines: {
    name: 'team_lines',
    columns: [
      col('game_id', 'text'),
      col('team', 'text'),
      col('side', 'text'),
      col('opponent', 'text'),
      col('points', 'int'),
      col('record', 'text'),
      ...BASIC_STATS.map((s) => col(s, BASIC_TYPES[s])),
      ...FOUR_FACTORS.map((s) => col(FOUR_FACTORS_PREFIX + s, 'float')),
    ],
    key: ['game_id', 'team'],
    orderBy: ['game_id', 'team'],
  },
  player_lines: {
    name: 'player_lines',
    columns: [
      col('game_id', 'text'),
      col('team', 'text'),
      col('player_id', 'text'),
      col('name', 'text'),
      col('seq', 'int'),
      col('starter', 'bool'),
      col('reason', 'text'),
      ...BASIC_STATS.map((s) => col(s, BASIC_TYPES[s])),
      ...ADVANCED_STATS.map((s) => col(ADVANCED_PREFIX + s, s === 'mp' ? 'int' : 'float')),
    ],
    key: ['game_id', 'player_id'],
    orderBy: ['game_id', 'team', 'seq'],
  },
  line_scores: {
    name: 'line_scores',
    columns: [
      col('game_id', 'text'),
      col('team', 'text'),
      col('period', 'int'),
      col('label', 'text'),
      col('points', 'int'),
    ],
    key: ['game_id', 'team', 'period'],
    orderBy: ['game_id', 'team', 'period'],
  },
  inactive_players: {
    name: 'inactive_players',
    columns: [
      col('game_id', 'text'),
      col('team', 'text'),
      col('player_id', 'text'),
      col('name', 'text'),
      col('seq', 'int'),
    ],
    key: ['game_id', 'team', 'player_id'],
    orderBy: ['game_id', 'team', 'seq'],
  },
  player_season_totals: {
    name: 'player_season_totals',
    columns: [
      col('season', 'int'),
      col('part', 'text'),
      col('player_id', 'text'),
      col('team', 'text'),
      col('name', 'text'),
      col('multi_team_summary', 'bool'),
      col('age', 'int'),
      col('position', 'text'),
      ...PLAYER_TOTALS_STATS.map((s) => col(s, isFraction(s) ? 'float' : 'int')),
      col('awards', 'text'),
    ],
    key: ['season', 'part', 'player_id', 'team'],
    orderBy: ['season', 'part', 'player_id', 'team'],
  },
  ...SEASON_TABLES,
};

/** Column names of a table, in order. */
export function columnNames(table: TableName): string[] {
  return TABLES[table].columns.map((c) => c.name);
}

/** A row's values in the table's column order (missing columns as null). */
export function rowValues(table: TableName, row: Row): Cell[] {
  return TABLES[table].columns.map((c) => row[c.name] ?? null);
}

function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Comparator for a table's `orderBy` (the same order PostgreSQL gives with `COLLATE "C"`). */
export function rowComparator(table: TableName): (a: Row, b: Row) => number {
  const keys = TABLES[table].orderBy;
  return (a, b) => {
    for (const k of keys) {
      const c = compareCells(a[k] ?? null, b[k] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** Separator of the multi-valued text cells (`officials`, `official_ids`). */
export const LIST_SEPARATOR = '; ';

// ---- games -------------------------------------------------------------------------------------

function blankGameRow(): Row {
  const row: Row = {};
  for (const c of TABLES.games.columns) row[c.name] = null;
  row.has_box_score = false;
  return row;
}

/**
 * The `games` row a schedule listing gives. Columns only a box score knows are null
 * (`has_box_score` false); `page` is the schedule page it came from.
 */
export function gameRowFromSchedule(g: ScheduleGame, page: string): Row {
  return {
    ...blankGameRow(),
    game_id: g.gameId,
    season: g.season,
    date: g.date,
    start_time: g.startTime,
    visitor_code: g.visitor.code,
    visitor_name: g.visitor.name,
    home_code: g.home.code,
    home_name: g.home.name,
    visitor_points: g.visitorPoints,
    home_points: g.homePoints,
    overtimes: g.overtimes,
    attendance: g.attendance,
    duration_minutes: g.durationMinutes,
    arena: g.arena,
    remarks: g.remarks,
    status: g.status,
    game_type: g.gameType,
    box_score_path: g.boxScorePath,
    schedule_page: page,
  };
}

function joinList(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(LIST_SEPARATOR);
}

/** The `games` row a box score gives. Columns only the schedule knows are null. */
export function gameRowFromBoxScore(b: BoxScore): Row {
  return {
    ...blankGameRow(),
    game_id: b.gameId,
    season: b.season,
    date: b.date,
    start_time: b.startTime,
    visitor_code: b.visitor.code,
    visitor_name: b.visitor.name,
    home_code: b.home.code,
    home_name: b.home.name,
    visitor_points: b.visitor.points,
    home_points: b.home.points,
    overtimes: b.overtimes,
    attendance: b.attendance,
    duration_minutes: b.durationMinutes,
    arena: b.arena,
    location: b.location,
    status: 'final',
    game_type: b.gameType,
    playoff_round: b.playoffRound,
    official_ids: joinList(b.officials.map((o) => o.playerId)),
    officials: joinList(b.officials.map((o) => o.name)),
    has_box_score: true,
  };
}

/**
 * The stored `games` row of a game from its latest schedule row and its box score row: columns
 * marked `schedule` come from the schedule, `box` from the box score, and `both` from the box score
 * when one is stored (it is the authority on a played game), else from the schedule. The PostgreSQL
 * upserts implement the same rule in SQL, so a schedule update never erases box score columns.
 */
export function mergeGameRows(schedule: Row | undefined, box: Row | undefined): Row {
  const row = blankGameRow();
  for (const c of TABLES.games.columns) {
    const src = c.from === 'schedule' ? schedule : c.from === 'box' ? box : (box ?? schedule);
    if (src !== undefined) row[c.name] = src[c.name] ?? null;
  }
  return row;
}

// ---- box score tables ---------------------------------------------------------------------------

export interface BoxScoreRows {
  team_lines: Row[];
  player_lines: Row[];
  line_scores: Row[];
  inactive_players: Row[];
}

function statCells(stats: BasicStats | null): Row {
  const row: Row = {};
  for (const s of BASIC_STATS) row[s] = stats?.[s] ?? null;
  return row;
}

/** `Q1`..`Q4` for the four quarters, then `OT1`, `OT2`, ... */
export function periodLabel(period: number): string {
  return period <= 4 ? `Q${period}` : `OT${period - 4}`;
}

function teamLineRow(gameId: string, side: 'visitor' | 'home', team: TeamBox, opponent: TeamBox): Row {
  const ff: Row = {};
  for (const f of FOUR_FACTORS) ff[FOUR_FACTORS_PREFIX + f] = team.fourFactors?.[f] ?? null;
  return {
    game_id: gameId,
    team: team.code,
    side,
    opponent: opponent.code,
    points: team.points,
    record: team.record,
    ...statCells(team.totals),
    ...ff,
  };
}

/**
 * Rows of the four per-game tables for one box score, each sorted by its table's `orderBy`.
 * A player listed twice in a game (a page glitch) keeps only the first line, so a row's natural
 * key is unique whatever the page says.
 */
export function boxScoreRows(b: BoxScore): BoxScoreRows {
  const out: BoxScoreRows = { team_lines: [], player_lines: [], line_scores: [], inactive_players: [] };
  const seenPlayers = new Set<string>();
  const sides = [
    ['visitor', b.visitor, b.home],
    ['home', b.home, b.visitor],
  ] as const;
  for (const [side, team, opponent] of sides) {
    out.team_lines.push(teamLineRow(b.gameId, side, team, opponent));
    team.players.forEach((p, i) => {
      if (seenPlayers.has(p.playerId)) return;
      seenPlayers.add(p.playerId);
      const adv: Row = {};
      for (const s of ADVANCED_STATS) adv[ADVANCED_PREFIX + s] = p.advanced?.[s] ?? null;
      out.player_lines.push({
        game_id: b.gameId,
        team: team.code,
        player_id: p.playerId,
        name: p.name,
        seq: i + 1,
        starter: p.starter,
        reason: p.reason,
        ...statCells(p.basic),
        ...adv,
      });
    });
    team.lineScore.forEach((points, i) => {
      out.line_scores.push({
        game_id: b.gameId,
        team: team.code,
        period: i + 1,
        label: periodLabel(i + 1),
        points,
      });
    });
    const seenInactive = new Set<string>();
    team.inactive.forEach((p, i) => {
      if (seenInactive.has(p.playerId)) return;
      seenInactive.add(p.playerId);
      out.inactive_players.push({
        game_id: b.gameId,
        team: team.code,
        player_id: p.playerId,
        name: p.name,
        seq: i + 1,
      });
    });
  }
  out.team_lines.sort(rowComparator('team_lines'));
  out.player_lines.sort(rowComparator('player_lines'));
  out.line_scores.sort(rowComparator('line_scores'));
  out.inactive_players.sort(rowComparator('inactive_players'));
  return out;
}

// ---- player season totals -----------------------------------------------------------------------

/**
 * Rows of the player season totals table, sorted by its `orderBy`. A row whose natural key repeats
 * an earlier one is dropped (the first wins).
 */
export function playerTotalsRows(rows: readonly PlayerSeasonTotals[]): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const r of rows) {
    const key = JSON.stringify([r.season, r.part, r.playerId, r.team]);
    if (seen.has(key)) continue;
    seen.add(key);
    const row: Row = {
      season: r.season,
      part: r.part,
      player_id: r.playerId,
      team: r.team,
      name: r.name,
      multi_team_summary: r.multiTeamSummary,
      age: r.age,
      position: r.position,
    };
    for (const s of PLAYER_TOTALS_STATS) row[s] = r.stats[s] ?? null;
    row.awards = r.awards;
    out.push(row);
  }
  return out.sort(rowComparator('player_season_totals'));
}
