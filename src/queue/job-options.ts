/**
 * Job options per kind. Box score and totals jobs are removed as soon as they complete (Redis
 * must not grow with the crawl; their data is in the store). They are removed one by one, not
 * trimmed by count or age: BullMQ trims the queue's whole completed set, which would also drop
 * the completed season jobs. Season jobs are few and stay, so that enqueueing a season again is
 * a no-op and `status` can show it. Jobs that failed for good stay for KEEP_FAILED_JOBS_DAYS for
 * `status` and `retry-failed`.
 */
import type { JobsOptions } from 'bullmq';
import type { Config } from '../config.ts';
import { BACKOFF_TYPE } from './backoff.ts';

export function seasonJobOptions(config: Config): JobsOptions {
  return {
    attempts: config.jobAttempts,
    backoff: { type: BACKOFF_TYPE },
    removeOnComplete: false,
    removeOnFail: { age: config.keepFailedJobsDays * 86_400 },
  };
}

export function boxScoreJobOptions(config: Config): JobsOptions {
  return {
    attempts: config.jobAttempts,
    backoff: { type: BACKOFF_TYPE },
    removeOnComplete: true,
    removeOnFail: { age: config.keepFailedJobsDays * 86_400 },
    // A game that fails for good must not hold its season open forever: the season completes
    // and reports it (`status`, `retry-failed`).
    ignoreDependencyOnFailure: true,
  };
}
