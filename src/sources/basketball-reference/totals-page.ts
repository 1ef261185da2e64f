/**
 * Player season totals `/leagues/NBA_<Y>_totals.html`: `table#totals_stats` (regular season,
 * required) and `table#totals_stats_post` (playoffs, 2024+ captures, optional).
 *
 * Rows: one per player and team; a traded player has a summary row (team `2TM`, `3TM`; older pages
 * `TOT`) followed by one `tr.partial_table` row per team. Skipped: `tr.thead` (repeated headers of
 * 2018 captures) and the `tr.norank` "League Average" row. Column names are normalised to the 2024
 * vocabulary (2018 captures used `player`, `team_id`, `g`, `gs`). `mp` stays in minutes, as the page
 * gives season totals; percentages are fractions, from the unrounded `csk` when the page has it.
 */
import type { PlayerSeasonTotals, SeasonPart } from '../../domain/player-totals.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { findTable } from './commented-tables.ts';
import { bodyRows, type Element, hasClass } from './dom.ts';
import { checkSeason, loadPage, ownStrings, pageUrls } from './page.ts';
import { cellsByStat, cellText, linkHref, numberCell } from './table-cells.ts';
import { playerIdFromPath, teamFromPath } from './urls.ts';

const WHAT = 'player totals page';

/** 2018-era `data-stat` names -> 2024 names. */
export const TOTALS_RENAMES: Readonly<Record<string, string>> = {
  player: 'name_display',
  team_id: 'team_name_abbr',
  g: 'games',
  gs: 'games_started',
};

/** Columns that are not stats (identity, rank, text). */
const NOT_STATS = new Set(['ranker', 'name_display', 'team_name_abbr', 'pos', 'age', 'awards']);

const MULTI_TEAM = /^(?:\d+TM|TOT)$/;

function parseRow(row: Element, n: number, id: string, season: number, part: SeasonPart) {
  const cells = cellsByStat(row, TOTALS_RENAMES);
  const nameCell = cells.get('name_display');
  const name = cellText(nameCell).replace(/\*$/, ''); // `*` marks Hall of Famers on some captures
  const playerId = nameCell?.attribs['data-append-csv'] ?? playerIdFromPath(linkHref(nameCell) ?? '');
  const where = `${WHAT}, table#${id} row ${n} ("${name}")`;
  if (!playerId || name === '') throw new ParseError(`${WHAT}: table#${id} row ${n} has no player`);
  const teamCell = cells.get('team_name_abbr');
  const team = teamFromPath(linkHref(teamCell) ?? '')?.code ?? cellText(teamCell);
  if (team === '') throw new ParseError(`${where}: no team`);

  const stats: Record<string, number | null> = {};
  for (const [stat, cell] of cells) {
    if (!NOT_STATS.has(stat)) stats[stat] = numberCell(cell, `${where} ${stat}`);
  }
  const totals: PlayerSeasonTotals = {
    season,
    part,
    playerId,
    name,
    team,
    multiTeamSummary: MULTI_TEAM.test(team),
    age: numberCell(cells.get('age'), `${where} age`),
    position: cellText(cells.get('pos')) || null,
    stats,
    awards: cellText(cells.get('awards')) || null,
  };
  return totals;
}

function parseTable(table: Element, id: string, season: number, part: SeasonPart): PlayerSeasonTotals[] {
  const rows: PlayerSeasonTotals[] = [];
  bodyRows(table).forEach((tr, i) => {
    if (hasClass(tr, 'thead') || hasClass(tr, 'norank') || hasClass(tr, 'over_header')) return;
    rows.push(parseRow(tr, i + 1, id, season, part));
  });
  return rows;
}

/**
 * Every row of the regular season table, then every row of the playoffs table when the page has
 * one. Throws ParseError when `table#totals_stats` is missing or the page is another season's,
 * EmptyPageError when the regular season table has no player row.
 */
export function parsePlayerTotals(html: string, season: number): PlayerSeasonTotals[] {
  const { content } = loadPage(html, WHAT);
  checkSeason(pageUrls(html), season, WHAT);
  const regular = findTable(content, 'totals_stats');
  if (!regular) throw new ParseError(`${WHAT} has no table#totals_stats: the layout changed`);
  const rows = parseTable(regular.table, 'totals_stats', season, 'regular');
  if (rows.length === 0)
    throw new EmptyPageError(`${WHAT} for ${season}: table#totals_stats lists no player`);
  const playoffs = findTable(content, 'totals_stats_post');
  if (playoffs) rows.push(...parseTable(playoffs.table, 'totals_stats_post', season, 'playoffs'));
  return ownStrings(rows);
}
