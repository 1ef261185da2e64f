import { ScraperError } from './scraper-error.ts';

/** The host's circuit breaker is open: the job waits `retryAfterMs` (until half-open). */
export class BreakerOpenError extends ScraperError {
  readonly code = 'ERR_BREAKER_OPEN';
  readonly retry = 'host-blocked';
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.retryAfterMs = retryAfterMs;
  }
}
