import { ScraperError } from './scraper-error.ts';

/** The source answered 429 (or 503 with Retry-After): wait `retryAfterMs` before the next request. */
export class RateLimitedError extends ScraperError {
  readonly code = 'ERR_RATE_LIMITED';
  readonly retry = 'rate-limited';
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.retryAfterMs = retryAfterMs;
  }
}
