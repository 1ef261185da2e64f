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
import type { Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { PlayerSeasonTotals, SeasonPart } from '../../domain/player-totals.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { findTable } from './commented-tables.ts';
import { checkSeason, loadPage, pageUrls } from './page.ts';
import { type Cell, cellText, linkHref, numberCell } from './table-cells.ts';
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

function normalisedCells(row: Cheerio<AnyNode>): Map<string, Cell> {
  const byStat = new Map<string, Cell>();
  const cells = row.children('th, td');
  cells.each((i, el) => {
    const raw = el.attribs['data-stat'];
    if (!raw) return;
    const stat = TOTALS_RENAMES[raw] ?? raw;
    if (!byStat.has(stat)) byStat.set(stat, cells.eq(i));
  });
  return byStat;
}

function parseRow(row: Cheerio<AnyNode>, n: number, id: string, season: number, part: SeasonPart) {
  const cells = normalisedCells(row);
  const nameCell = cells.get('name_display');
  const name = cellText(nameCell).replace(/\*$/, ''); // `*` marks Hall of Famers on some captures
  const playerId = nameCell?.attr('data-append-csv') ?? playerIdFromPath(linkHref(nameCell) ?? '');
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

function parseTable(
  table: Cheerio<AnyNode>,
  id: string,
  season: number,
  part: SeasonPart,
): PlayerSeasonTotals[] {
  const rows: PlayerSeasonTotals[] = [];
  const trs = table.find('tbody > tr');
  trs.each((i) => {
    const tr = trs.eq(i);
    if (tr.hasClass('thead') || tr.hasClass('norank') || tr.hasClass('over_header')) return;
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
  const { $, content } = loadPage(html, WHAT);
  checkSeason(pageUrls(html), season, WHAT);
  const regular = findTable($, content, 'totals_stats');
  if (!regular) throw new ParseError(`${WHAT} has no table#totals_stats: the layout changed`);
  const rows = parseTable(regular.table, 'totals_stats', season, 'regular');
  if (rows.length === 0)
    throw new EmptyPageError(`${WHAT} for ${season}: table#totals_stats lists no player`);
  const playoffs = findTable($, content, 'totals_stats_post');
  if (playoffs) rows.push(...parseTable(playoffs.table, 'totals_stats_post', season, 'playoffs'));
  return rows;
}
