/**
 * The team's season stats on a team season page, both tables inside HTML comments:
 * - `table#team_and_opponent`: body rows labelled by `th[data-stat=player]`: `Team`, `Team/G`,
 *   `Lg Rank`, `Year/Year`, `Opponent`, `Opponent/G`, `Lg Rank`, `Year/Year`. The four stat rows
 *   become TeamSeasonStats (team / opponent x total / per game); ranks and year-over-year changes
 *   are skipped. Each row names its cells its own way (`fg`, `fg_per_g`, `opp_fg`,
 *   `opp_fg_per_g`): the `opp_` prefix and the `_per_g` suffix are dropped, so every row uses the
 *   totals names. Columns an era lacks are absent (1961-62: no 3-point, steal, block, turnover
 *   columns) or empty (its `orb`, `drb` and team `mp`): null.
 * - `table#team_misc`: the `Team` row's numbers (`wins losses wins_pyth losses_pyth mov sos srs
 *   off_rtg def_rtg pace ... attendance`) as the page shows them, without the arena name.
 */
import type {
  TeamRatings,
  TeamSeasonStats,
  TeamStatsBasis,
  TeamStatsSide,
} from '../../domain/team-season.ts';
import { bodyRows, type Element } from './dom.ts';
import { cellsByStat, cellText, numberCell } from './table-cells.ts';

const STAT_ROWS: Readonly<Record<string, [TeamStatsSide, TeamStatsBasis]>> = {
  Team: ['team', 'total'],
  'Team/G': ['team', 'per_game'],
  Opponent: ['opponent', 'total'],
  'Opponent/G': ['opponent', 'per_game'],
};

/** Columns of `team_misc` that are not numbers. */
const NOT_RATINGS = new Set(['player', 'arena_name']);

function statName(dataStat: string): string {
  return dataStat.replace(/^opp_/, '').replace(/_per_g$/, '');
}

/** The rows of `team_and_opponent` (`what` names the page in errors). */
export function parseTeamStats(
  table: Element,
  season: number,
  team: string,
  what: string,
): TeamSeasonStats[] {
  const rows: TeamSeasonStats[] = [];
  for (const tr of bodyRows(table)) {
    const cells = cellsByStat(tr);
    const label = cellText(cells.get('player'));
    const kind = STAT_ROWS[label];
    if (kind === undefined) continue;
    const stats: Record<string, number | null> = {};
    for (const [dataStat, cell] of cells) {
      if (dataStat === 'player') continue;
      stats[statName(dataStat)] = numberCell(
        cell,
        `${what}, table#team_and_opponent row "${label}" ${dataStat}`,
      );
    }
    rows.push({ season, team, side: kind[0], basis: kind[1], stats });
  }
  return rows;
}

/** The numbers of the `Team` row of `team_misc`; null when the table has no such row. */
export function parseTeamRatings(table: Element, what: string): TeamRatings | null {
  for (const tr of bodyRows(table)) {
    const cells = cellsByStat(tr);
    if (cellText(cells.get('player')) !== 'Team') continue;
    const ratings: TeamRatings = {};
    for (const [stat, cell] of cells) {
      if (!NOT_RATINGS.has(stat))
        ratings[stat] = numberCell(cell, `${what}, table#team_misc row "Team" ${stat}`);
    }
    return ratings;
  }
  return null;
}
