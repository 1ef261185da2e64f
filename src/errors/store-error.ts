import { ScraperError } from './scraper-error.ts';

/** The result store failed a read or write. */
export class StoreError extends ScraperError {
  readonly code = 'ERR_STORE';
  readonly retry = 'retry';
}
