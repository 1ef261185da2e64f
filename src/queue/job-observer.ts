/**
 * What the worker service reports about its jobs, for whoever watches (the worker's metrics
 * implement it). Defined here so that the queue never depends on its observers.
 */

/** What a run of a job looks like to an observer (a BullMQ Job has all of it). */
export interface JobRunInfo {
  name: string;
  id?: string | undefined;
  /** Attempts used before this run. */
  attemptsMade: number;
  opts: { attempts?: number | undefined };
}

export interface JobObserver {
  jobStarted(queue: string): void;
  /**
   * One run of a job ended. `error`: what the processor threw (undefined when it completed);
   * `thrown`: what the failure policy made of it, which decides the outcome (job-outcome.ts).
   */
  jobRan(queue: string, job: JobRunInfo, seconds: number, error: unknown, thrown: unknown): void;
  jobCompleted(queue: string, kind: string): void;
  /** A run failed: `willRetry` false when it failed for good. */
  jobFailed(queue: string, kind: string, code: string, willRetry: boolean): void;
  /** A job whose worker died was put back in the queue by this worker's stalled check. */
  stalledRecovered(queue: string, kind: string): void;
}
