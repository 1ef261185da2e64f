import { ScraperError } from './scraper-error.ts';

/** A setting is wrong; the message lists every problem. */
export class ConfigError extends ScraperError {
  readonly code = 'ERR_CONFIG';
  readonly retry = 'never';
}
