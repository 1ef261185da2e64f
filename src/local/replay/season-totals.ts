/**
 * Player season totals summed from the generated box scores of the games played so far, split
 * into regular season and playoffs (Play-In games count in neither, as on the real site). A
 * player who played for several teams gets a `2TM` / `3TM` summary row and one row per team.
 */
import type { PlayerSeasonTotals, SeasonPart } from '../../domain/player-totals.ts';
import { addLine, emptyLine, generateBoxModel, type Line, points } from './box-model.ts';
import type { RosterPlayer } from './rosters.ts';
import type { SeasonModel } from './season-model.ts';

export interface TotalsLine {
  games: number;
  started: number;
  line: Line;
  tripleDoubles: number;
}

export interface TotalsRow {
  player: RosterPlayer;
  /** Team code, or `2TM` / `3TM`. */
  team: string;
  summary: boolean;
  /** True for the per-team rows of a multi-team player. */
  partial: boolean;
  rank: number;
  totals: TotalsLine;
}

function emptyTotals(): TotalsLine {
  return { games: 0, started: 0, line: emptyLine(), tripleDoubles: 0 };
}

function isTripleDouble(l: Line): boolean {
  const counts = [points(l), l.orb + l.drb, l.ast, l.stl, l.blk];
  return counts.filter((c) => c >= 10).length >= 3;
}

/** Rows of one part of the season, ranked by points as the site sorts them. */
export function seasonTotalsRows(model: SeasonModel, asOfDay: number, part: SeasonPart): TotalsRow[] {
  const perTeam = new Map<string, Map<string, TotalsLine>>();
  const firstSeen = new Map<string, Map<string, number>>();
  for (const game of model.games) {
    if (game.day > asOfDay) continue;
    if (part === 'regular' ? game.gameType !== 'regular' : game.gameType !== 'playoffs') continue;
    const box = generateBoxModel(model, game);
    for (const team of [box.visitor, box.home]) {
      for (const p of team.players) {
        if (!p.total) continue;
        const byTeam = perTeam.get(p.player.id) ?? new Map<string, TotalsLine>();
        perTeam.set(p.player.id, byTeam);
        const seen = firstSeen.get(p.player.id) ?? new Map<string, number>();
        firstSeen.set(p.player.id, seen);
        if (!seen.has(team.team.code)) seen.set(team.team.code, game.day);
        const t = byTeam.get(team.team.code) ?? emptyTotals();
        byTeam.set(team.team.code, t);
        t.games++;
        if (p.starter) t.started++;
        addLine(t.line, p.total);
        if (isTripleDouble(p.total)) t.tripleDoubles++;
      }
    }
  }
  const groups: TotalsRow[][] = [];
  for (const [id, byTeam] of perTeam) {
    const player = model.rosters.byId.get(id)!;
    const seen = firstSeen.get(id)!;
    const teams = [...byTeam.keys()].sort((a, b) => seen.get(a)! - seen.get(b)!);
    if (teams.length === 1) {
      groups.push([
        { player, team: teams[0]!, summary: false, partial: false, rank: 0, totals: byTeam.get(teams[0]!)! },
      ]);
      continue;
    }
    const sum = emptyTotals();
    for (const code of teams) {
      const t = byTeam.get(code)!;
      sum.games += t.games;
      sum.started += t.started;
      sum.tripleDoubles += t.tripleDoubles;
      addLine(sum.line, t.line);
    }
    groups.push([
      { player, team: `${teams.length}TM`, summary: true, partial: false, rank: 0, totals: sum },
      ...teams.map((code) => ({
        player,
        team: code,
        summary: false,
        partial: true,
        rank: 0,
        totals: byTeam.get(code)!,
      })),
    ]);
  }
  groups.sort(
    (a, b) =>
      points(b[0]!.totals.line) - points(a[0]!.totals.line) ||
      (a[0]!.player.sortKey < b[0]!.player.sortKey
        ? -1
        : a[0]!.player.sortKey > b[0]!.player.sortKey
          ? 1
          : 0),
  );
  groups.forEach((g, i) => {
    for (const r of g) r.rank = i + 1;
  });
  return groups.flat();
}

/** Seconds to the whole minutes the totals page shows. */
export function totalMinutes(sec: number): number {
  return Math.round(sec / 60);
}

export function toPlayerSeasonTotals(
  season: number,
  part: SeasonPart,
  row: TotalsRow,
  stats: Record<string, number | null>,
): PlayerSeasonTotals {
  return {
    season,
    part,
    playerId: row.player.id,
    name: row.player.display,
    team: row.team,
    multiTeamSummary: row.summary,
    age: row.player.age,
    position: row.player.position,
    stats,
    awards: null,
  };
}
