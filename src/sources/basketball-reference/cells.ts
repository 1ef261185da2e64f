/**
 * Turns the text of one basketball-reference table cell into a value. Pure string functions: the
 * DOM side (which cell, its `csk` sort key) is in table-cells.ts.
 *
 * Conventions of the site (see the fixtures README):
 * - empty cells (`class="iz"`, or no text at all) mean "no value" -> null;
 * - counts may carry thousands separators (`19,812`), percentages are `.571` strings, plus-minus
 *   is `+5` / `-3`, minutes played are `43:28` (players) or `240` (team totals);
 * - dates are `Tue, Oct 31, 2000` (schedules) or `January 1, 2018` (box scores);
 * - heights are `6-10` (feet-inches);
 * - start times are `7:30p` (2024+ captures), `7:30 pm` (2018 captures) or `7:30 PM` (box scores), US Eastern.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Trims and folds runs of whitespace (including `&nbsp;`) into one space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * `19,812` -> 19812, `.571` -> 0.571, `+5` -> 5, `-3` -> -3, `` -> null.
 * Returns undefined when the text is not a number at all, so the caller can name the cell in its error.
 */
export function parseNumber(text: string): number | null | undefined {
  const t = cleanText(text).replace(/,/g, '');
  if (t === '') return null;
  if (!NUMBER.test(t)) return undefined;
  return Number(t);
}

/**
 * Minutes played as seconds: `43:28` -> 2608, `240` (whole minutes, team totals) -> 14400,
 * `` -> null. Undefined when the text is neither.
 */
export function parseMinutesPlayed(text: string): number | null | undefined {
  const t = cleanText(text);
  if (t === '') return null;
  const m = /^(\d+):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  if (/^\d+$/.test(t)) return Number(t) * 60;
  return undefined;
}

/** A height `6-10` (feet-inches) as inches, 82; `` -> null; undefined when malformed. */
export function parseHeight(text: string): number | null | undefined {
  const t = cleanText(text);
  if (t === '') return null;
  const m = /^(\d)-(\d{1,2})$/.exec(t);
  return m && Number(m[2]) < 12 ? Number(m[1]) * 12 + Number(m[2]) : undefined;
}

/** Length of a game, `2:12` -> 132 minutes; `` -> null; undefined when malformed. */
export function parseDuration(text: string): number | null | undefined {
  const t = cleanText(text);
  if (t === '') return null;
  const m = /^(\d+):([0-5]\d)$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** `` -> 0, `OT` -> 1, `2OT` -> 2, ... ; undefined when malformed. */
export function parseOvertimes(text: string): number | undefined {
  const t = cleanText(text).toUpperCase();
  if (t === '') return 0;
  const m = /^(\d*)OT$/.exec(t);
  if (!m) return undefined;
  return m[1] === '' ? 1 : Number(m[1]);
}

function monthIndex(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return i < 0 ? undefined : i + 1;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date written the site's ways, as ISO `YYYY-MM-DD`: `Tue, Oct 31, 2000`, `January 1, 2018`,
 * `7:30 PM, January 1, 2018` (the time is ignored). Undefined when there is no date in the text.
 */
export function parseDate(text: string): string | undefined {
  const m = /(?:^|,\s*)([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})\s*$/.exec(cleanText(text));
  if (!m) return undefined;
  const month = monthIndex(m[1]!);
  const day = Number(m[2]);
  if (month === undefined || day < 1 || day > 31) return undefined;
  return `${m[3]}-${pad2(month)}-${pad2(day)}`;
}

/**
 * A clock time as 24 h `HH:MM`: `7:30p`, `7:30 pm`, `7:30 PM`, `12:00p` -> `12:00`, `12:30a` -> `00:30`.
 * Also finds the time at the start of `7:30 PM, January 1, 2018`. `` -> null; undefined when malformed.
 */
export function parseStartTime(text: string): string | null | undefined {
  const t = cleanText(text);
  if (t === '') return null;
  const m = /^(\d{1,2}):([0-5]\d)\s*([ap])\.?(?:m\.?)?(?=$|[\s,])/i.exec(t);
  if (!m) return undefined;
  let hour = Number(m[1]);
  if (hour < 1 || hour > 12) return undefined;
  const pm = m[3]!.toLowerCase() === 'p';
  if (hour === 12) hour = pm ? 12 : 0;
  else if (pm) hour += 12;
  return `${pad2(hour)}:${m[2]}`;
}
