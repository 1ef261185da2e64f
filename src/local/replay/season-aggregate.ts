/**
 * One pass over the games of a season played by a clock: each game's generated box score summed
 * per player and team (the totals and advanced pages) and per team (its and its opponents' lines,
 * W-L, margins, home attendance: the standings and team pages), split into regular season and
 * playoffs (Play-In games count in neither, as on the real site), and who each team's box scores
 * list (its roster). Memoised per season and clock, so every season page of a clock reads the
 * same sums and each box score is generated once for all of them.
 */
import type { SeasonPart } from '../../domain/player-totals.ts';
import { addLine, emptyLine, generateBoxModel, type Line, points } from './box-model.ts';
import type { SeasonModel } from './season-model.ts';

/** A player's sums for one team (or, summed, for all his teams). */
export interface TotalsLine {
  games: number;
  started: number;
  line: Line;
  tripleDoubles: number;
}

/** A team's sums over the games of one part of the season. */
export interface TeamSums {
  games: number;
  wins: number;
  losses: number;
  line: Line;
  opp: Line;
  /** Opponent code and margin (own points minus theirs) of each game, in order. */
  results: Array<{ opponent: string; margin: number }>;
  /** Sum of the known crowds of its home games; null when none is known. */
  homeAttendance: number | null;
}

export interface PartSums {
  /** Player id -> team code -> sums, teams in the order the player joined them. */
  players: Map<string, Map<string, TotalsLine>>;
  teams: Map<string, TeamSums>;
}

export interface SeasonAggregate {
  regular: PartSums;
  playoffs: PartSums;
  /** Team code -> ids of the players its played box scores list (dressed or inactive), in order. */
  listed: Map<string, string[]>;
}

export function emptyTotals(): TotalsLine {
  return { games: 0, started: 0, line: emptyLine(), tripleDoubles: 0 };
}

export function emptyTeam(): TeamSums {
  return {
    games: 0,
    wins: 0,
    losses: 0,
    line: emptyLine(),
    opp: emptyLine(),
    results: [],
    homeAttendance: null,
  };
}

function isTripleDouble(l: Line): boolean {
  const counts = [points(l), l.orb + l.drb, l.ast, l.stl, l.blk];
  return counts.filter((c) => c >= 10).length >= 3;
}

function partOf(gameType: string): SeasonPart | null {
  return gameType === 'regular' ? 'regular' : gameType === 'playoffs' ? 'playoffs' : null;
}

function aggregate(model: SeasonModel, asOfDay: number): SeasonAggregate {
  const parts: Record<SeasonPart, PartSums> = {
    regular: { players: new Map(), teams: new Map() },
    playoffs: { players: new Map(), teams: new Map() },
  };
  const listed = new Map<string, string[]>();
  for (const game of model.games) {
    if (game.day > asOfDay) continue;
    const box = generateBoxModel(model, game);
    const part = partOf(game.gameType);
    for (const [own, other] of [
      [box.visitor, box.home],
      [box.home, box.visitor],
    ] as const) {
      const code = own.team.code;
      const names = listed.get(code) ?? [];
      listed.set(code, names);
      for (const p of [...own.players.map((b) => b.player), ...own.inactive])
        if (!names.includes(p.id)) names.push(p.id);
      if (part === null) continue;
      const sums = parts[part];
      const team = sums.teams.get(code) ?? emptyTeam();
      sums.teams.set(code, team);
      const margin = points(own.total) - points(other.total);
      team.games++;
      if (margin > 0) team.wins++;
      else team.losses++;
      addLine(team.line, own.total);
      addLine(team.opp, other.total);
      team.results.push({ opponent: other.team.code, margin });
      if (own === box.home && game.attendance !== null)
        team.homeAttendance = (team.homeAttendance ?? 0) + game.attendance;
      for (const p of own.players) {
        if (!p.total) continue;
        const byTeam = sums.players.get(p.player.id) ?? new Map<string, TotalsLine>();
        sums.players.set(p.player.id, byTeam);
        const t = byTeam.get(code) ?? emptyTotals();
        byTeam.set(code, t);
        t.games++;
        if (p.starter) t.started++;
        addLine(t.line, p.total);
        if (isTripleDouble(p.total)) t.tripleDoubles++;
      }
    }
  }
  return { ...parts, listed };
}

const memo = new WeakMap<SeasonModel, { asOfDay: number; value: SeasonAggregate }>();

/** The sums of the games of `model` played by `asOfDay` (memoised for the latest clock asked). */
export function seasonAggregate(model: SeasonModel, asOfDay: number): SeasonAggregate {
  const hit = memo.get(model);
  if (hit && hit.asOfDay === asOfDay) return hit.value;
  const value = aggregate(model, asOfDay);
  memo.set(model, { asOfDay, value });
  return value;
}
