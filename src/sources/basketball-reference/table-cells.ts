/**
 * Reads values out of the site's table cells (`th`/`td` with a `data-stat` name). A cell's `csk`
 * attribute is the site's own sort key; for numeric columns it is the exact value (`mp` in seconds,
 * percentages unrounded: `csk="0.4016606124"` for `.402`), so it wins over the text when it is a number.
 * Non-numeric sort keys (`Stackhouse Jerry-1`, `CHH.200010310ATL`) are ignored.
 */
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText, parseMinutesPlayed, parseNumber } from './cells.ts';
import { type Element, isElement, textOf } from './dom.ts';

export type Cell = Element;

/**
 * The cells (`th`, `td` children) of a row keyed by `data-stat`, the name passed through `rename`
 * when given (first one wins; cells without a name are skipped).
 */
export function cellsByStat(row: Element, rename?: Readonly<Record<string, string>>): Map<string, Cell> {
  const byStat = new Map<string, Cell>();
  for (const el of row.children) {
    if (!isElement(el) || (el.name !== 'td' && el.name !== 'th')) continue;
    const raw = el.attribs['data-stat'];
    if (!raw) continue;
    const stat = rename?.[raw] ?? raw;
    if (!byStat.has(stat)) byStat.set(stat, el);
  }
  return byStat;
}

export function cellText(cell: Cell | undefined): string {
  return cell === undefined ? '' : cleanText(textOf(cell));
}

/** The cell's `csk` when it is a number, else undefined. */
export function numericCsk(cell: Cell): number | undefined {
  const csk = cell.attribs.csk;
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
  const text = textOf(cell);
  const n = parseNumber(text);
  if (n === undefined) throw new ParseError(`${where}: "${cleanText(text)}" is not a number`);
  return n;
}

/** A numeric cell that must have a value: ParseError naming `where` when it is empty or absent. */
export function requiredNumberCell(cell: Cell | undefined, where: string): number {
  const n = numberCell(cell, where);
  if (n === null) throw new ParseError(`${where} is empty`);
  return n;
}

/** Minutes played in seconds: `csk` (seconds) if numeric, else `43:28` or whole minutes (`240`). */
export function minutesCell(cell: Cell | undefined, where: string): number | null {
  if (cell === undefined) return null;
  const fromCsk = numericCsk(cell);
  if (fromCsk !== undefined) return fromCsk;
  const text = textOf(cell);
  const s = parseMinutesPlayed(text);
  if (s === undefined) throw new ParseError(`${where}: "${cleanText(text)}" is not a time played`);
  return s;
}

/** The first `a[href]` under a node, or undefined. */
export function firstLink(node: Element): Element | undefined {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === 'a' && child.attribs.href !== undefined) return child;
    const found = child.children.length > 0 ? firstLink(child) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The `href` of the first link in a cell (absolute or relative), or undefined. */
export function linkHref(cell: Cell | undefined): string | undefined {
  return cell === undefined ? undefined : firstLink(cell)?.attribs.href;
}
