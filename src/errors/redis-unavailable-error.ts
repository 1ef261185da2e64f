import { ScraperError } from './scraper-error.ts';

/** Redis cannot be reached. */
export class RedisUnavailableError extends ScraperError {
  readonly code = 'ERR_REDIS_UNAVAILABLE';
  readonly retry = 'retry';
}
