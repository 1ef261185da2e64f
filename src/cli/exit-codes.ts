/**
 * How a command's failure maps to an exit code and one line on stderr. Bad input of any kind
 * (arguments, settings, an unreachable Redis or store) exits 2; a run that completed with jobs
 * failed for good exits 1.
 */
import { isScraperError } from '../errors/scraper-error.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED_JOBS = 1;
export const EXIT_BAD_INPUT = 2;

const BAD_INPUT_CODES = new Set(['ERR_USAGE', 'ERR_CONFIG', 'ERR_REDIS_UNAVAILABLE', 'ERR_STORE']);

export function exitCodeFor(err: unknown): number {
  if (isScraperError(err) && BAD_INPUT_CODES.has(err.code)) return EXIT_BAD_INPUT;
  if (isScraperError(err) && (err.code === 'ERR_PARSE' || err.code === 'ERR_EMPTY_PAGE'))
    return EXIT_BAD_INPUT;
  return 1;
}

/** One line: `nba-scraper: <message> [CODE]`. */
export function errorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = isScraperError(err) ? ` [${err.code}]` : '';
  return `nba-scraper: ${message.split('\n')[0]}${code}`;
}
