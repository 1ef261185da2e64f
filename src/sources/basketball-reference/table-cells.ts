/**
 * Reads values out of the site's table cells (`th`/`td` with a `data-stat` name). A cell's `csk`
 * attribute is the site's own sort key; for numeric columns it is the exact value (`mp` in seconds,
 * percentages unrounded: `csk="0.4016606124"` for `.402`), so it wins over the text when it is a number.
 * Non-numeric sort keys (`Stackhouse Jerry-1`, `CHH.200010310ATL`) are ignored.
 */
import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText, parseMinutesPlayed, parseNumber } from './cells.ts';

export type Cell = Cheerio<Element>;

/** The cells of a row keyed by `data-stat` (first one wins; cells without a name are skipped). */
export function cellsByStat(row: Cheerio<AnyNode>): Map<string, Cell> {
  const byStat = new Map<string, Cell>();
  const cells = row.children('th, td');
  cells.each((i, el) => {
    const stat = el.attribs['data-stat'];
    if (stat && !byStat.has(stat)) byStat.set(stat, cells.eq(i));
  });
  return byStat;
}

export function cellText(cell: Cell | undefined): string {
  return cell === undefined ? '' : cleanText(cell.text());
}

function numericCsk(cell: Cell): number | undefined {
  const csk = cell.attr('csk');
  if (csk === undefined) return undefined;
  const n = parseNumber(csk);
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * A numeric cell: its numeric `csk` if any, else its text (`19,812`, `.571`, `+5`, empty -> null).
 * Throws ParseError naming `where` when the text is not a number.
 */
export function numberCell(cell: Cell | undefined, where: string): number | null {
  if (cell === undefined) return null;
  const fromCsk = numericCsk(cell);
  if (fromCsk !== undefined) return fromCsk;
  const text = cell.text();
  const n = parseNumber(text);
  if (n === undefined) throw new ParseError(`${where}: "${cleanText(text)}" is not a number`);
  return n;
}

/** Minutes played in seconds: `csk` (seconds) if numeric, else `43:28` or whole minutes (`240`). */
export function minutesCell(cell: Cell | undefined, where: string): number | null {
  if (cell === undefined) return null;
  const fromCsk = numericCsk(cell);
  if (fromCsk !== undefined) return fromCsk;
  const text = cell.text();
  const s = parseMinutesPlayed(text);
  if (s === undefined) throw new ParseError(`${where}: "${cleanText(text)}" is not a time played`);
  return s;
}

/** The `href` of the first link in a cell (absolute or relative), or undefined. */
export function linkHref(cell: Cell | undefined): string | undefined {
  return cell?.find('a[href]').first().attr('href');
}
