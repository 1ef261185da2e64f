/**
 * What became of one run of a job, decided once from what the failure policy threw: completed,
 * retried after the backoff, deferred without using an attempt (rate limit, hold, open breaker,
 * waiting for children, handed back at shutdown), or failed for good. The failure listener and
 * the job metrics both ask this function.
 */
import { RATE_LIMIT_ERROR } from 'bullmq';

/** Outcomes of one run of a job. */
export const JOB_OUTCOMES = [
  /** It finished: the job completed. */
  'completed',
  /** It threw and the job will be tried again. */
  'retry',
  /** It threw and the job failed for good. */
  'failed',
  /** It handed the job back without using an attempt: rate limit, breaker, hold, waiting for children, shutdown. */
  'deferred',
] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

/** BullMQ errors that hand a job back without using an attempt. */
const DEFERRING_ERRORS = new Set(['RateLimitError', 'WaitingChildrenError', 'WaitingError', 'DelayedError']);

/**
 * The outcome of a run that threw `thrown` (undefined: it completed). `attemptsUsed` counts the
 * attempts used with this one; `attempts` is the job's allowance (default 1).
 */
export function classifyOutcome(thrown: unknown, attemptsUsed: number, attempts = 1): JobOutcome {
  if (thrown === undefined) return 'completed';
  const err = thrown instanceof Error ? thrown : new Error(String(thrown));
  if (DEFERRING_ERRORS.has(err.name) || err.message === RATE_LIMIT_ERROR) return 'deferred';
  if (err.name === 'UnrecoverableError') return 'failed';
  return attemptsUsed < attempts ? 'retry' : 'failed';
}
