/**
 * Turns what a processor threw into what BullMQ should do with the job, following each error's
 * retry policy (src/errors). The job's failed reason always starts with the stable error code
 * (`ERR_PARSE: ...`) so `status` and `retry-failed` can group by it.
 */
import { type Job, RATE_LIMIT_ERROR, RateLimitError, UnrecoverableError, WaitingError } from 'bullmq';
import type { ErrorCode } from '../errors/codes.ts';
import { isScraperError } from '../errors/scraper-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';

/** Abort reason used when a worker shuts down and hands its unfinished jobs back. */
export const SHUTDOWN_REASON = 'worker shutting down';

const QUEUE_CONTROL_ERRORS = new Set([
  'WaitingChildrenError',
  'WaitingError',
  'DelayedError',
  'RateLimitError',
  'UnrecoverableError',
]);

/** Code put on errors that are not ours (bugs, library errors). They are retried. */
const UNEXPECTED_CODE: ErrorCode = 'ERR_UNEXPECTED';

export interface FailureHooks {
  /** Pauses every job of the host's queue for `ms` (queue-wide rate limit). */
  pauseQueue(ms: number): Promise<void>;
  /**
   * Called for a block (403 / block page / open breaker); returns how long to hold the host off
   * (the fetch layer's host protection decides: fetch/host-protection.ts).
   */
  hostBlocked(err: Error): Promise<number>;
}

/** The code a failed reason starts with, or null. */
export function codeOfReason(reason: string | undefined): string | null {
  const m = /^(ERR_[A-Z0-9_]+):/.exec(reason ?? '');
  return m?.[1] ?? null;
}

/** The code a failed reason starts with; ERR_UNEXPECTED for a reason without one. */
export function failureCode(reason: string | undefined): string {
  return codeOfReason(reason) ?? UNEXPECTED_CODE;
}

/**
 * Decides the job's fate and throws the error BullMQ acts on. `signal` is the job's abort signal
 * (shutdown or deadline).
 */
export async function applyFailurePolicy(
  err: unknown,
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
  hooks: FailureHooks,
): Promise<never> {
  if (signal?.aborted && signal.reason === SHUTDOWN_REASON && token) {
    // Hand the job back at once so another worker takes it; no attempt is used.
    await job.moveToWait(token);
    throw new WaitingError();
  }
  const error = err instanceof Error ? err : new Error(String(err));
  // BullMQ's own control-flow errors (waiting for children, delayed, rate limited) pass through.
  if (QUEUE_CONTROL_ERRORS.has(error.name) || error.message === RATE_LIMIT_ERROR) throw error;
  if (!isScraperError(error)) {
    if (error.name === 'AbortError' || error.name === 'TimeoutError') {
      throw withCode(new TimeoutError(`job passed its deadline: ${error.message}`, { cause: error }));
    }
    throw withCode(error, UNEXPECTED_CODE);
  }
  switch (error.retry) {
    case 'never':
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    case 'rate-limited': {
      const ms =
        'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : 60_000;
      await hooks.pauseQueue(ms);
      throw new RateLimitError();
    }
    case 'host-blocked': {
      const ms = await hooks.hostBlocked(error);
      await hooks.pauseQueue(ms);
      throw new RateLimitError();
    }
    default:
      throw withCode(error);
  }
}

function withCode(err: Error, code?: string): Error {
  const c = code ?? (isScraperError(err) ? err.code : UNEXPECTED_CODE);
  if (!err.message.startsWith(`${c}:`)) err.message = `${c}: ${err.message}`;
  return err;
}
