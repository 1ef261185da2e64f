/**
 * The roster of a team season page: `table#roster`, live in every capture. Columns
 * `number player pos height weight birth_date flag years_experience college`:
 * - `number` is text (`00` and `0` are different numbers); empty when the page has none;
 * - the player id is the `data-append-csv` of `player` (else its link), the name its link text;
 * - `height` `6-10` (its `csk` `82.0` says the same in inches), `weight` in pounds;
 * - `birth_date` `November 18, 2002`;
 * - `flag` a lower-case country code then the upper-case one (`cd CD`);
 * - `years_experience` is `R` for a rookie, else the seasons played before this one;
 * - `college` empty, one name, or several comma-separated (`Syracuse, Washington`).
 */
import type { RosterEntry } from '../../domain/team-season.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText, parseDate, parseHeight } from './cells.ts';
import { bodyRows, type Element, hasClass, textOf } from './dom.ts';
import { type Cell, cellsByStat, cellText, firstLink, linkHref, numberCell } from './table-cells.ts';
import { playerIdFromPath } from './urls.ts';

function height(cell: Cell | undefined, where: string): number | null {
  const inches = parseHeight(cellText(cell));
  if (inches === undefined) throw new ParseError(`${where}: "${cellText(cell)}" is not a height`);
  return inches;
}

function birthDate(cell: Cell | undefined, where: string): string | null {
  const text = cellText(cell);
  if (text === '') return null;
  const date = parseDate(text);
  if (date === undefined) throw new ParseError(`${where}: "${text}" is not a date`);
  return date;
}

function experience(cell: Cell | undefined, where: string): number | null {
  return cellText(cell) === 'R' ? 0 : numberCell(cell, where);
}

/** `cd CD` -> `CD`. */
function country(cell: Cell | undefined): string | null {
  const code = cellText(cell).split(' ').pop() ?? '';
  return code === '' ? null : code.toUpperCase();
}

function parseRow(tr: Element, n: number, season: number, team: string, what: string): RosterEntry {
  const cells = cellsByStat(tr);
  const playerCell = cells.get('player');
  const link = playerCell && firstLink(playerCell);
  const name = cleanText(textOf(link ?? playerCell));
  const playerId = playerCell?.attribs['data-append-csv'] ?? playerIdFromPath(linkHref(playerCell) ?? '');
  if (!playerId || name === '') throw new ParseError(`${what}: table#roster row ${n} has no player`);
  const where = `${what}, table#roster row ${n} ("${name}")`;
  return {
    season,
    team,
    playerId,
    name,
    number: cellText(cells.get('number')) || null,
    position: cellText(cells.get('pos')) || null,
    heightInches: height(cells.get('height'), `${where} height`),
    weightPounds: numberCell(cells.get('weight'), `${where} weight`),
    birthDate: birthDate(cells.get('birth_date'), `${where} birth_date`),
    country: country(cells.get('flag')),
    experience: experience(cells.get('years_experience'), `${where} years_experience`),
    college: cellText(cells.get('college')) || null,
  };
}

/** Every player of `table#roster`, in the page's order (`what` names the page in errors). */
export function parseRoster(table: Element, season: number, team: string, what: string): RosterEntry[] {
  const rows: RosterEntry[] = [];
  bodyRows(table).forEach((tr, i) => {
    if (!hasClass(tr, 'thead')) rows.push(parseRow(tr, i + 1, season, team, what));
  });
  return rows;
}
