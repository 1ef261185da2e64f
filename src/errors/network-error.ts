import { ScraperError } from './scraper-error.ts';

/** Connection refused, reset, or DNS failure talking to the source. */
export class NetworkError extends ScraperError {
  readonly code = 'ERR_NETWORK';
  readonly retry = 'retry';
}
