/**
 * Advanced player season stats `/leagues/NBA_<Y>_advanced.html`: `table#advanced` (regular
 * season, required) and `table#advanced_post` (playoffs, optional), both live in every capture.
 *
 * Rows as player-season-rows.ts reads them (as on the totals page): one per player and team, the
 * multi-team summary rows (`2TM`, `3TM`, `TOT`) and the `tr.partial_table` rows after them kept;
 * header, over-header and "League Average" rows skipped. The column set changes by era (1973-74 has
 * no `usg_pct` and no `fg3a_per_fga_pct`, and empty `tov_pct` cells): every column the page has is
 * read, under its own `data-stat` name. The `awards` column is not a stat (the totals page keeps it).
 *
 * Numbers come from the unrounded `csk` (`per` `18.1741930000000000` behind `18.2`). The rates the
 * page SHOWS as percentages (`orb_pct` `11.3`, ... `usg_pct`) have a fraction as their `csk`
 * (`0.11325154`): the records hold fractions, like every other percentage; a cell without a `csk`
 * (none in the saved pages) is divided by 100 so the unit does not depend on the capture.
 */
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { PageBody } from '../source.ts';
import { checkSeason, loadPage, ownStrings } from './page.ts';
import {
  type PlayerSeasonTableOptions,
  playerSeasonRows,
  regularThenPlayoffs,
} from './player-season-rows.ts';
import { type Cell, numberCell, numericCsk } from './table-cells.ts';

const WHAT = 'advanced stats page';

/** Rates the page shows as percentages (`11.3`) while their `csk` is the fraction. */
const SHOWN_AS_PERCENT: ReadonlySet<string> = new Set([
  'orb_pct',
  'drb_pct',
  'trb_pct',
  'ast_pct',
  'stl_pct',
  'blk_pct',
  'tov_pct',
  'usg_pct',
]);

function advancedStat(stat: string, cell: Cell, where: string): number | null {
  const n = numberCell(cell, where);
  if (n === null || !SHOWN_AS_PERCENT.has(stat) || numericCsk(cell) !== undefined) return n;
  return Number((n / 100).toPrecision(12));
}

const ROWS: PlayerSeasonTableOptions = { what: WHAT, notStats: new Set(['awards']), stat: advancedStat };

/**
 * Every row of the regular season table, then every row of the playoffs table when the page has
 * one. Throws ParseError when `table#advanced` is missing or the page is another season's,
 * EmptyPageError when the regular season table has no player row.
 */
export function parsePlayerAdvanced(html: PageBody, season: number): PlayerAdvanced[] {
  const { content, urls } = loadPage(html, WHAT);
  checkSeason(urls, season, WHAT);
  return ownStrings(
    regularThenPlayoffs(content, 'advanced', WHAT, season, (table, id, part) =>
      playerSeasonRows(table, id, ROWS).map(({ cells: _cells, ...row }) => ({ season, part, ...row })),
    ),
  );
}
