import { ScraperError } from './scraper-error.ts';

/** The source refused us (403 or a block page): stop calling the host for the long backoff. */
export class BlockedError extends ScraperError {
  readonly code = 'ERR_BLOCKED';
  readonly retry = 'host-blocked';
}
