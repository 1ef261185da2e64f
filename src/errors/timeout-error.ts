import { ScraperError } from './scraper-error.ts';

/** A request phase or the whole job passed its deadline. */
export class TimeoutError extends ScraperError {
  readonly code = 'ERR_TIMEOUT';
  readonly retry = 'retry';
}
