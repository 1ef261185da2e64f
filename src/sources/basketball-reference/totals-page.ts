/**
 * Player season totals `/leagues/NBA_<Y>_totals.html`: `table#totals_stats` (regular season,
 * required) and `table#totals_stats_post` (playoffs, 2024+ captures, optional).
 *
 * Rows as player-season-rows.ts reads them: one per player and team, the multi-team summary rows
 * (`2TM`, `3TM`, `TOT`) and the `tr.partial_table` rows after them kept; header, over-header and
 * "League Average" rows skipped. Column names are normalised to the 2024 vocabulary (2018 captures
 * used `player`, `team_id`, `g`, `gs`). `mp` stays in minutes, as the page gives season totals;
 * percentages are fractions, from the unrounded `csk` when the page has it.
 */
import type { PlayerSeasonTotals } from '../../domain/player-totals.ts';
import type { PageBody } from '../source.ts';
import { checkSeason, loadPage, ownStrings } from './page.ts';
import {
  type PlayerSeasonTableOptions,
  playerSeasonRows,
  regularThenPlayoffs,
} from './player-season-rows.ts';
import { cellText } from './table-cells.ts';

const WHAT = 'player totals page';

/** 2018-era `data-stat` names -> 2024 names. */
export const TOTALS_RENAMES: Readonly<Record<string, string>> = {
  player: 'name_display',
  team_id: 'team_name_abbr',
  g: 'games',
  gs: 'games_started',
};

const ROWS: PlayerSeasonTableOptions = { what: WHAT, renames: TOTALS_RENAMES, notStats: new Set(['awards']) };

/**
 * Every row of the regular season table, then every row of the playoffs table when the page has
 * one. Throws ParseError when `table#totals_stats` is missing or the page is another season's,
 * EmptyPageError when the regular season table has no player row.
 */
export function parsePlayerTotals(html: PageBody, season: number): PlayerSeasonTotals[] {
  const { content, urls } = loadPage(html, WHAT);
  checkSeason(urls, season, WHAT);
  return ownStrings(
    regularThenPlayoffs(content, 'totals_stats', WHAT, season, (table, id, part) =>
      playerSeasonRows(table, id, ROWS).map(({ cells, ...row }) => ({
        season,
        part,
        ...row,
        awards: cellText(cells.get('awards')) || null,
      })),
    ),
  );
}
