/**
 * Player season totals summed from the generated box scores of the games played so far, split
 * into regular season and playoffs (Play-In games count in neither, as on the real site). A
 * player who played for several teams gets a `2TM` / `3TM` summary row and one row per team.
 */
import type { PlayerSeasonTotals, SeasonPart } from '../../domain/player-totals.ts';
import { addLine, points } from './box-model.ts';
import type { RosterPlayer } from './rosters.ts';
import { emptyTotals, seasonAggregate, type TotalsLine } from './season-aggregate.ts';
import type { SeasonModel } from './season-model.ts';

export type { TotalsLine } from './season-aggregate.ts';

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

/** Rows of one part of the season, ranked by points as the site sorts them. */
export function seasonTotalsRows(model: SeasonModel, asOfDay: number, part: SeasonPart): TotalsRow[] {
  const perTeam = seasonAggregate(model, asOfDay)[part].players;
  const groups: TotalsRow[][] = [];
  for (const [id, byTeam] of perTeam) {
    const player = model.rosters.byId.get(id)!;
    const teams = [...byTeam.keys()];
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
