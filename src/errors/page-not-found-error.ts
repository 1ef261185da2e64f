import { ScraperError } from './scraper-error.ts';

/** A page that must exist answered 404. */
export class PageNotFoundError extends ScraperError {
  readonly code = 'ERR_NOT_FOUND';
  readonly retry = 'never';
}
