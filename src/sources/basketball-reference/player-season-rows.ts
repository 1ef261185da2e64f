/**
 * The rows of the league-wide player season tables: totals (`totals_stats`), advanced
 * (`advanced`) and their playoff twins (`_post`). One row per player and team; a traded player
 * has a summary row (team `2TM`, `3TM`; older pages `TOT`) followed by one `tr.partial_table` row
 * per team, all kept in the page's order. Skipped: `tr.thead` (repeated headers of 2018
 * captures), `tr.over_header` and the `tr.norank` "League Average" row.
 *
 * A page's regular season table is required, its playoffs table optional (`regularThenPlayoffs`).
 * The player id is the name cell's `data-append-csv` (else its link), the team the code of the
 * team cell's link (else its text: `2TM` has no link). Every other column but the identity columns
 * and those a page names as not stats is a stat, a number read by `numberCell` (its unrounded
 * `csk` when it has one) unless the page supplies its own reader.
 */
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { SeasonPart } from '../../domain/player-totals.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { findTable } from './commented-tables.ts';
import { bodyRows, type Element, hasClass } from './dom.ts';
import { type Cell, cellsByStat, cellText, linkHref, numberCell } from './table-cells.ts';
import { playerIdFromPath, teamFromPath } from './urls.ts';

/**
 * What one row says about a player's season with one team (or all his teams), with the row's
 * cells by `data-stat` (renamed), for the columns a page reads itself.
 */
export type PlayerSeasonRow = Omit<PlayerAdvanced, 'season' | 'part'> & { cells: Map<string, Cell> };

export interface PlayerSeasonTableOptions {
  /** The page, in error messages (`player totals page`). */
  what: string;
  /** Older `data-stat` names -> current names. */
  renames?: Readonly<Record<string, string>>;
  /** Columns that are neither identity columns nor stats (`awards`). */
  notStats?: ReadonlySet<string>;
  /** Reads one stat cell; `numberCell` when not given. */
  stat?: (stat: string, cell: Cell, where: string) => number | null;
}

/** Columns that say who the row is about. */
const IDENTITY = new Set(['ranker', 'name_display', 'team_name_abbr', 'pos', 'age']);

const MULTI_TEAM = /^(?:\d+TM|TOT)$/;

function parseRow(row: Element, n: number, id: string, options: PlayerSeasonTableOptions): PlayerSeasonRow {
  const { what } = options;
  const cells = cellsByStat(row, options.renames);
  const nameCell = cells.get('name_display');
  const name = cellText(nameCell).replace(/\*$/, ''); // `*` marks Hall of Famers on some captures
  const playerId = nameCell?.attribs['data-append-csv'] ?? playerIdFromPath(linkHref(nameCell) ?? '');
  const where = `${what}, table#${id} row ${n} ("${name}")`;
  if (!playerId || name === '') throw new ParseError(`${what}: table#${id} row ${n} has no player`);
  const teamCell = cells.get('team_name_abbr');
  const team = teamFromPath(linkHref(teamCell) ?? '')?.code ?? cellText(teamCell);
  if (team === '') throw new ParseError(`${where}: no team`);

  const read = options.stat ?? ((_stat: string, cell: Cell, at: string) => numberCell(cell, at));
  const stats: Record<string, number | null> = {};
  for (const [stat, cell] of cells) {
    if (!IDENTITY.has(stat) && !options.notStats?.has(stat))
      stats[stat] = read(stat, cell, `${where} ${stat}`);
  }
  return {
    playerId,
    name,
    team,
    multiTeamSummary: MULTI_TEAM.test(team),
    age: numberCell(cells.get('age'), `${where} age`),
    position: cellText(cells.get('pos')) || null,
    stats,
    cells,
  };
}

/** Every player row of `table` (whose id is `id`), in the page's order. */
export function playerSeasonRows(
  table: Element,
  id: string,
  options: PlayerSeasonTableOptions,
): PlayerSeasonRow[] {
  const rows: PlayerSeasonRow[] = [];
  bodyRows(table).forEach((tr, i) => {
    if (hasClass(tr, 'thead') || hasClass(tr, 'norank') || hasClass(tr, 'over_header')) return;
    rows.push(parseRow(tr, i + 1, id, options));
  });
  return rows;
}

/**
 * The records of a page's regular season table `table#<id>` (required), then those of its playoffs
 * table `table#<id>_post` when the page has one, each table read by `read`. Throws ParseError
 * without the regular season table, EmptyPageError when it lists no player.
 */
export function regularThenPlayoffs<T>(
  content: Element,
  id: string,
  what: string,
  season: number,
  read: (table: Element, id: string, part: SeasonPart) => T[],
): T[] {
  const regular = findTable(content, id);
  if (!regular) throw new ParseError(`${what} has no table#${id}: the layout changed`);
  const rows = read(regular.table, id, 'regular');
  if (rows.length === 0) throw new EmptyPageError(`${what} for ${season}: table#${id} lists no player`);
  const playoffs = findTable(content, `${id}_post`);
  if (playoffs) rows.push(...read(playoffs.table, `${id}_post`, 'playoffs'));
  return rows;
}
