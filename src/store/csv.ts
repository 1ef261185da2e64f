/**
 * Text encodings of table rows for the export. CSV follows RFC 4180: fields separated by commas,
 * records ended by CRLF, a field quoted when it holds a comma, a double quote, CR or LF, and a
 * double quote inside a quoted field doubled. A null is an empty field and an empty string a quoted
 * empty field (`""`), the convention of PostgreSQL's `COPY ... CSV`, so the two stay distinct.
 */
import type { Cell } from './rows.ts';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF included. */
export function csvRecord(values: readonly Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** One JSON Lines record: an object with the columns in order, LF included. */
export function jsonRecord(columns: readonly string[], values: readonly Cell[]): string {
  const obj: Record<string, Cell> = {};
  columns.forEach((c, i) => {
    obj[c] = values[i] ?? null;
  });
  return `${JSON.stringify(obj)}\n`;
}
