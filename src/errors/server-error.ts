import { ScraperError } from './scraper-error.ts';

/** The source answered 5xx. */
export class ServerError extends ScraperError {
  readonly code = 'ERR_HTTP_5XX';
  readonly retry = 'retry';
}
