/**
 * Parses an HTTP Retry-After header (delta-seconds or an HTTP date) into milliseconds from `now`.
 * Returns null when absent or unparseable; never negative.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return null;
  const value = raw.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
