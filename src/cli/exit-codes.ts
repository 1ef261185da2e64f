/**
 * How a command's failure maps to an exit code and one line on stderr. Bad input of any kind
 * (arguments, settings, an unreachable Redis or store) exits 2; a run that completed with jobs
 * failed for good exits 1.
 */
import { BAD_INPUT_CODES, hasCode } from '../errors/codes.ts';
import { isScraperError } from '../errors/scraper-error.ts';

export const EXIT_FAILED_JOBS = 1;
export const EXIT_BAD_INPUT = 2;

export function exitCodeFor(err: unknown): number {
  return isScraperError(err) && hasCode(BAD_INPUT_CODES, err.code) ? EXIT_BAD_INPUT : 1;
}

/** One line: `nba-scraper: <message> [CODE]`. */
export function errorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = isScraperError(err) ? ` [${err.code}]` : '';
  return `nba-scraper: ${message.split('\n')[0]}${code}`;
}
