import { ScraperError } from './scraper-error.ts';

/** A page does not have the structure the parser knows: the layout changed. */
export class ParseError extends ScraperError {
  readonly code = 'ERR_PARSE';
  readonly retry = 'never';
}
