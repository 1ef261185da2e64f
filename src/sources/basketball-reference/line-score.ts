/**
 * The box score's line score (`table#line_score`, served inside an HTML comment): one row per team,
 * visitor first; cells = team, one per period (`1` .. `4`, then `OT`/`1OT`, `2OT`, ...) and the total `T`.
 *
 * Two markups are read the same way: the 2018-2019 captures have no `thead` and no `data-stat`
 * (`<tr><td><a href="/teams/SAS/2017.html">SAS</a></td><td>27</td>...`), 2020+ captures have a
 * `thead` (over-header "Scoring") and `th[data-stat=team]` + `td[data-stat=1]`... So a team row is
 * any row whose first cell links to a team; the last cell is the total, the ones between are periods.
 */
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText, parseNumber } from './cells.ts';
import { findTable } from './commented-tables.ts';
import { allRows, cellsOf, type Element, textOf } from './dom.ts';
import { firstLink } from './table-cells.ts';
import { teamFromPath } from './urls.ts';

const WHAT = 'box score page';

export interface LineScoreRow {
  code: string;
  /** Points per period: four quarters, then one per overtime. */
  periods: number[];
  total: number;
}

/** The line score rows in page order (visitor, home). Throws ParseError when absent or malformed. */
export function parseLineScore(content: Element): LineScoreRow[] {
  const found = findTable(content, 'line_score');
  if (!found) throw new ParseError(`${WHAT} has no table#line_score: the layout changed`);
  const rows: LineScoreRow[] = [];
  for (const tr of allRows(found.table)) {
    const cells = cellsOf(tr);
    const first = cells[0];
    const team = teamFromPath((first && firstLink(first)?.attribs.href) ?? '');
    if (!team) continue; // header rows
    const values = cells.slice(1).map((cell, j) => {
      const text = cleanText(textOf(cell));
      const n = parseNumber(text);
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        throw new ParseError(
          `${WHAT}: table#line_score row ${team.code} cell ${j + 1} "${text}" is not points`,
        );
      }
      return n;
    });
    if (values.length < 2) throw new ParseError(`${WHAT}: table#line_score row ${team.code} has no periods`);
    rows.push({ code: team.code, periods: values.slice(0, -1), total: values.at(-1)! });
  }
  if (rows.length !== 2)
    throw new ParseError(`${WHAT}: table#line_score has ${rows.length} team rows, expected 2`);
  return rows;
}
