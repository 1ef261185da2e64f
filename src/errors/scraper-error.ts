import type { ErrorCode } from './codes.ts';

/**
 * What the queue does with a job that threw this error.
 * - `retry`: a failed attempt, retried after the configured backoff.
 * - `never`: fail at once without retry (BullMQ UnrecoverableError); the raw page is kept.
 * - `rate-limited`: pause the host's queue for `retryAfterMs`; not a failed attempt.
 * - `host-blocked`: open the host's breaker for the long backoff; not a failed attempt.
 */
export type RetryPolicy = 'retry' | 'never' | 'rate-limited' | 'host-blocked';

/** Base of every error this program raises on purpose. `code` is stable and documented. */
export abstract class ScraperError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly retry: RetryPolicy;
  /** HTTP status of the response that caused it, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.name = new.target.name;
    this.status = options?.status;
  }
}

export function isScraperError(err: unknown): err is ScraperError {
  return err instanceof ScraperError;
}
