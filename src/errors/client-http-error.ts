import { ScraperError } from './scraper-error.ts';

/** The source answered a 4xx other than 403, 404 and 429. */
export class ClientHttpError extends ScraperError {
  readonly code = 'ERR_HTTP_4XX';
  readonly retry = 'never';
}
