/**
 * A team's player tables on a box score page: `table#box-<TEAM>-game-basic` (required) and
 * `table#box-<TEAM>-game-advanced` (optional), or the legacy ids of mid-2018 captures
 * (`box_det_basic`, `box_lal_advanced`: lower case, no `game-`).
 *
 * Rows: starters, a `<tr class="thead">` "Reserves" row, reserves. A player who did not play keeps
 * a row whose only stat cell is `td[data-stat=reason]` (`Did Not Play`, `Did Not Dress`,
 * `Not With Team`, ...). The `tfoot` row is `Team Totals`. Stats are keyed by the page's `data-stat`
 * names; columns the page does not have (`game_score` before 2024 captures, `bpm` before 2020
 * captures, `fg3*` before 1979-80) are absent, empty cells are null; columns outside
 * BASIC_STATS / ADVANCED_STATS are ignored.
 */
import {
  ADVANCED_STATS,
  type AdvancedStats,
  BASIC_STATS,
  type BasicStats,
  type PlayerLine,
} from '../../domain/box-score.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText } from './cells.ts';
import { type FoundTable, findTable } from './commented-tables.ts';
import { bodyRows, cellsOf, childElement, type Element, hasClass, is, select, textOf } from './dom.ts';
import { type Cell, cellsByStat, cellText, linkHref, minutesCell, numberCell } from './table-cells.ts';
import { playerIdFromPath } from './urls.ts';

const WHAT = 'box score page';

export interface TeamPlayers {
  players: PlayerLine[];
  totals: BasicStats;
}

type Kind = 'basic' | 'advanced';

/** The ids a team's table may have: current first, then the legacy one. */
export function playerTableIds(code: string, kind: Kind): [string, string] {
  return [`box-${code}-game-${kind}`, `box_${code.toLowerCase()}_${kind}`];
}

function findPlayerTable(content: Element, code: string, kind: Kind) {
  for (const id of playerTableIds(code, kind)) {
    const found = findTable(content, id);
    if (found) return { ...found, id };
  }
  return undefined;
}

/** `data-stat` names of the table's column header row that belong to `known`, in page order. */
function columns(found: FoundTable, known: readonly string[]): string[] {
  const header = select(found.table, is('thead'), is('tr')).at(-1);
  const stats = header === undefined ? [] : cellsOf(header).map((el) => el.attribs['data-stat'] ?? '');
  return stats.filter((s) => known.includes(s));
}

function readStats(cells: Map<string, Cell>, cols: readonly string[], where: string) {
  const stats: Record<string, number | null> = {};
  for (const stat of cols) {
    const cell = cells.get(stat);
    stats[stat] = stat === 'mp' ? minutesCell(cell, `${where} mp`) : numberCell(cell, `${where} ${stat}`);
  }
  return stats;
}

interface Row {
  playerId: string;
  name: string;
  starter: boolean;
  reason: string | null;
  stats: Record<string, number | null> | null;
}

function readRows(found: FoundTable & { id: string }, known: readonly string[]): Row[] {
  const cols = columns(found, known);
  if (!cols.includes('mp'))
    throw new ParseError(`${WHAT}: table#${found.id} has no mp column: the layout changed`);
  const rows: Row[] = [];
  let starter = true;
  bodyRows(found.table).forEach((tr, i) => {
    if (hasClass(tr, 'thead')) {
      starter = false; // the "Reserves" header row
      return;
    }
    const cells = cellsByStat(tr);
    const playerCell = cells.get('player');
    const name = cellText(playerCell);
    const playerId = playerCell?.attribs['data-append-csv'] ?? playerIdFromPath(linkHref(playerCell) ?? '');
    const where = `${WHAT}, table#${found.id} row "${name}"`;
    if (!playerId || name === '')
      throw new ParseError(`${WHAT}: table#${found.id} row ${i + 1} has no player`);
    const reasonCell = cells.get('reason');
    if (reasonCell !== undefined) {
      rows.push({ playerId, name, starter, reason: cellText(reasonCell) || 'Did Not Play', stats: null });
      return;
    }
    rows.push({ playerId, name, starter, reason: null, stats: readStats(cells, cols, where) });
  });
  return rows;
}

/** The first `tfoot > tr` of a table. */
function footRow(table: Element): Element | undefined {
  for (const tfoot of select(table, is('tfoot'))) {
    const tr = childElement(tfoot, is('tr'));
    if (tr) return tr;
  }
  return undefined;
}

function readTotals(found: FoundTable & { id: string }): BasicStats {
  const tr = footRow(found.table);
  const label = cleanText(textOf(tr === undefined ? undefined : childElement(tr)));
  if (tr === undefined || !/Team Totals/i.test(label)) {
    throw new ParseError(`${WHAT}: table#${found.id} has no "Team Totals" tfoot row: the layout changed`);
  }
  return readStats(cellsByStat(tr), columns(found, BASIC_STATS), `${WHAT}, table#${found.id} Team Totals`);
}

/**
 * Every player line of team `code` (starters, reserves, did-not-play rows), with the advanced stats
 * merged in by player id, and the team totals. Throws ParseError when the basic table is missing.
 * A table without player rows gives an empty list: the caller decides (EmptyPageError).
 */
export function parseTeamPlayers(content: Element, code: string): TeamPlayers {
  const basic = findPlayerTable(content, code, 'basic');
  if (!basic)
    throw new ParseError(`${WHAT} has no table#${playerTableIds(code, 'basic')[0]}: the layout changed`);
  const rows = readRows(basic, BASIC_STATS);
  const totals = readTotals(basic);

  const advancedTable = findPlayerTable(content, code, 'advanced');
  const advanced = new Map<string, AdvancedStats>();
  if (advancedTable) {
    for (const row of readRows(advancedTable, ADVANCED_STATS)) {
      if (row.stats) advanced.set(row.playerId, row.stats as AdvancedStats);
    }
  }
  const players = rows.map(
    (r): PlayerLine => ({
      playerId: r.playerId,
      name: r.name,
      starter: r.starter,
      reason: r.reason,
      basic: r.stats as BasicStats | null,
      advanced: r.stats ? (advanced.get(r.playerId) ?? null) : null,
    }),
  );
  return { players, totals };
}
