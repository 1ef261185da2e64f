/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), which is all the season
 * generator needs: no time zones, no clocks.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1-12). */
export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of `YYYY-MM-DD`; NaN when malformed. */
export function dayOfIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayOf(y, mo, d);
  const back = new Date(n * MS_PER_DAY);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== mo || back.getUTCDate() !== d)
    return Number.NaN;
  return n;
}

export interface CalendarDate {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function dateOf(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

/** 0 = Sunday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `2018-01-01`. */
export function isoOf(dayNumber: number): string {
  const { year, month, day } = dateOf(dayNumber);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `20180101`, the date part of a game id. */
export function compactOf(dayNumber: number): string {
  return isoOf(dayNumber).replaceAll('-', '');
}

/** `Mon, Jan 1, 2018` (schedule tables). */
export function scheduleDateText(dayNumber: number): string {
  const { year, month, day, weekday } = dateOf(dayNumber);
  return `${WEEKDAY_SHORT[weekday]}, ${MONTH_NAMES[month - 1]!.slice(0, 3)} ${day}, ${year}`;
}

/** `January 1, 2018` (box scores). */
export function longDateText(dayNumber: number): string {
  const { year, month, day } = dateOf(dayNumber);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

/** `Jan 1, 2018`. */
export function shortDateText(dayNumber: number): string {
  const { year, month, day } = dateOf(dayNumber);
  return `${MONTH_NAMES[month - 1]!.slice(0, 3)} ${day}, ${year}`;
}

/** First day on or after `from` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(from: number, weekday: number): number {
  return from + ((weekday - weekdayOf(from) + 7) % 7);
}

/** The n-th (1-based) given weekday of a month. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  return nextWeekday(dayOf(year, month, 1), weekday) + 7 * (n - 1);
}

/** The day with that weekday nearest to `around` (ties go forward). */
export function nearestWeekday(around: number, weekday: number): number {
  const ahead = nextWeekday(around, weekday);
  const behind = ahead - 7;
  return ahead - around <= around - behind ? ahead : behind;
}
