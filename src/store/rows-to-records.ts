/**
 * The inverse of rows.ts: domain records rebuilt from table rows (what the PostgreSQL store reads).
 * Tables do not tell a stat column the page lacked from an empty cell, so a rebuilt record has
 * every stat key, null where the row is null; mapping it back to rows gives the same rows.
 */
import {
  ADVANCED_STATS,
  type AdvancedStats,
  BASIC_STATS,
  type BasicStats,
  type BoxScore,
  type FourFactors,
  type PlayerLine,
  type PlayerRef,
  type TeamBox,
} from '../domain/box-score.ts';
import type { GameType, ScheduleGame } from '../domain/game.ts';
import type { PlayerSeasonTotals, SeasonPart } from '../domain/player-totals.ts';
import {
  ADVANCED_PREFIX,
  type BoxScoreRows,
  type Cell,
  FOUR_FACTORS,
  FOUR_FACTORS_PREFIX,
  LIST_SEPARATOR,
  PLAYER_TOTALS_STATS,
  type Row,
} from './rows.ts';

const str = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: Cell | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Cell | undefined): number => Number(v ?? 0);
const numOrNull = (v: Cell | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function splitList(v: Cell | undefined): string[] {
  return v === null || v === undefined ? [] : String(v).split(LIST_SEPARATOR);
}

/** A `games` row as the schedule record it stands for. */
export function scheduleGameFromRow(row: Row): ScheduleGame {
  return {
    gameId: str(row.game_id),
    season: num(row.season),
    date: str(row.date),
    startTime: strOrNull(row.start_time),
    visitor: { code: str(row.visitor_code), name: str(row.visitor_name) },
    home: { code: str(row.home_code), name: str(row.home_name) },
    visitorPoints: numOrNull(row.visitor_points),
    homePoints: numOrNull(row.home_points),
    overtimes: num(row.overtimes),
    attendance: numOrNull(row.attendance),
    durationMinutes: numOrNull(row.duration_minutes),
    arena: strOrNull(row.arena),
    remarks: strOrNull(row.remarks),
    boxScorePath: strOrNull(row.box_score_path),
    status: row.status === 'final' ? 'final' : 'scheduled',
    gameType: (strOrNull(row.game_type) as GameType | null) ?? null,
  };
}

function basicFrom(row: Row): BasicStats {
  const out: BasicStats = {};
  for (const s of BASIC_STATS) out[s] = numOrNull(row[s]);
  return out;
}

const allNull = (row: Row, names: readonly string[]): boolean =>
  names.every((n) => (row[n] ?? null) === null);

function fourFactorsFrom(row: Row): FourFactors | null {
  const names = FOUR_FACTORS.map((f) => FOUR_FACTORS_PREFIX + f);
  if (allNull(row, names)) return null;
  const ff = {} as FourFactors;
  for (const f of FOUR_FACTORS) ff[f] = numOrNull(row[FOUR_FACTORS_PREFIX + f]);
  return ff;
}

function playerLineFrom(row: Row): PlayerLine {
  const advNames = ADVANCED_STATS.map((s) => ADVANCED_PREFIX + s);
  let advanced: AdvancedStats | null = null;
  if (!allNull(row, advNames)) {
    advanced = {};
    for (const s of ADVANCED_STATS) advanced[s] = numOrNull(row[ADVANCED_PREFIX + s]);
  }
  return {
    playerId: str(row.player_id),
    name: str(row.name),
    starter: row.starter === true,
    reason: strOrNull(row.reason),
    basic: allNull(row, BASIC_STATS) ? null : basicFrom(row),
    advanced,
  };
}

const bySeq = (a: Row, b: Row): number => num(a.seq) - num(b.seq);

/**
 * A box score rebuilt from its `games` row and the rows of the four per-game tables (in any order).
 * Throws when a team line is missing.
 */
export function boxScoreFromRows(game: Row, rows: BoxScoreRows): BoxScore {
  const gameId = str(game.game_id);
  const team = (side: 'visitor' | 'home'): TeamBox => {
    const code = str(game[`${side}_code`]);
    const line = rows.team_lines.find((r) => r.side === side);
    if (line === undefined) throw new Error(`game ${gameId} has no ${side} team line`);
    const teamCode = str(line.team);
    const periods = rows.line_scores
      .filter((r) => r.team === teamCode)
      .sort((a, b) => num(a.period) - num(b.period));
    return {
      code,
      name: str(game[`${side}_name`]),
      points: num(line.points),
      record: strOrNull(line.record),
      lineScore: periods.map((r) => num(r.points)),
      fourFactors: fourFactorsFrom(line),
      players: rows.player_lines
        .filter((r) => r.team === teamCode)
        .sort(bySeq)
        .map(playerLineFrom),
      totals: basicFrom(line),
      inactive: rows.inactive_players
        .filter((r) => r.team === teamCode)
        .sort(bySeq)
        .map((r) => ({ playerId: str(r.player_id), name: str(r.name) })),
    };
  };
  const ids = splitList(game.official_ids);
  const names = splitList(game.officials);
  const officials: PlayerRef[] = ids.map((playerId, i) => ({ playerId, name: names[i] ?? '' }));
  return {
    gameId,
    season: num(game.season),
    date: str(game.date),
    startTime: strOrNull(game.start_time),
    arena: strOrNull(game.arena),
    location: strOrNull(game.location),
    gameType: (strOrNull(game.game_type) ?? 'regular') as GameType,
    playoffRound: strOrNull(game.playoff_round),
    overtimes: num(game.overtimes),
    visitor: team('visitor'),
    home: team('home'),
    officials,
    attendance: numOrNull(game.attendance),
    durationMinutes: numOrNull(game.duration_minutes),
  };
}

/** A `player_season_totals` row as its record (every stat column present, null when empty). */
export function playerTotalsFromRow(row: Row): PlayerSeasonTotals {
  const stats: Record<string, number | null> = {};
  for (const s of PLAYER_TOTALS_STATS) stats[s] = numOrNull(row[s]);
  return {
    season: num(row.season),
    part: str(row.part) as SeasonPart,
    playerId: str(row.player_id),
    name: str(row.name),
    team: str(row.team),
    multiTeamSummary: row.multi_team_summary === true,
    age: numOrNull(row.age),
    position: strOrNull(row.position),
    stats,
    awards: strOrNull(row.awards),
  };
}
