import { ScraperError } from './scraper-error.ts';

/** A command-line argument is wrong. */
export class UsageError extends ScraperError {
  readonly code = 'ERR_USAGE';
  readonly retry = 'never';
}
