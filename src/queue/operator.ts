/**
 * What operators do to the queue by hand: re-drive jobs that failed for good (after a parser fix,
 * say), optionally only one season's or one error code's; pause and resume every worker.
 */
import type { Job, Queue } from 'bullmq';
import { failureCode } from './failure-policy.ts';

export interface RetryFilter {
  season?: number;
  /** Error code the failed reason starts with (`ERR_PARSE`). */
  code?: string;
}

export interface RetryOutcome {
  retried: number;
  /** Failed jobs left alone because they did not match the filter. */
  skipped: number;
}

function matches(job: Job, filter: RetryFilter): boolean {
  const data = job.data as { season?: number };
  if (filter.season !== undefined && data.season !== filter.season) return false;
  if (filter.code !== undefined && failureCode(job.failedReason) !== filter.code) return false;
  return true;
}

/** Moves matching failed jobs back to the queue with fresh attempts. */
export async function retryFailed(queue: Queue, filter: RetryFilter = {}): Promise<RetryOutcome> {
  let retried = 0;
  let skipped = 0;
  const page = 500;
  // Retried jobs leave the failed set, so scan from where the skipped ones end.
  for (;;) {
    const jobs = await queue.getFailed(skipped, skipped + page - 1);
    if (jobs.length === 0) break;
    let movedThisPage = 0;
    for (const job of jobs) {
      if (!matches(job, filter)) {
        skipped++;
        continue;
      }
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried++;
      movedThisPage++;
    }
    if (movedThisPage === 0 && jobs.length < page) break;
  }
  return { retried, skipped };
}

export async function pauseQueue(queue: Queue): Promise<void> {
  await queue.pause();
}

export async function resumeQueue(queue: Queue): Promise<void> {
  await queue.resume();
}
