import { ScraperError } from './scraper-error.ts';

/** A page answered 200 but parsed to nothing where data must be. */
export class EmptyPageError extends ScraperError {
  readonly code = 'ERR_EMPTY_PAGE';
  readonly retry = 'never';
}
