/**
 * The processor of each job kind, and the deadline each kind runs under. The worker service looks
 * a job's processor up here by the job's name; a new job kind is a new entry (and its payload in
 * job-types.ts).
 */
import type { Job } from 'bullmq';
import type { Config } from '../config.ts';
import { processBoxScore } from './boxscore-processor.ts';
import { BOXSCORE_JOB, type JobDataOf, type JobKind, PAGE_JOB, SEASON_JOB, TOTALS_JOB } from './job-types.ts';
import { processPage } from './page-processor.ts';
import { processSeason } from './season-processor.ts';
import { processTotals } from './totals-processor.ts';
import type { JobRun, WorkerContext } from './worker-context.ts';

export interface JobProcessor<K extends JobKind> {
  run(ctx: WorkerContext, job: Job<JobDataOf[K]>, run: JobRun): Promise<unknown>;
  /** How long one run may take before its signal aborts it. */
  timeoutMs(config: Config): number;
}

export const PROCESSORS: { readonly [K in JobKind]: JobProcessor<K> } = {
  [SEASON_JOB]: { run: processSeason, timeoutMs: (config) => config.seasonJobTimeoutMs },
  [BOXSCORE_JOB]: { run: processBoxScore, timeoutMs: (config) => config.boxScoreJobTimeoutMs },
  [TOTALS_JOB]: { run: processTotals, timeoutMs: (config) => config.boxScoreJobTimeoutMs },
  [PAGE_JOB]: { run: processPage, timeoutMs: (config) => config.boxScoreJobTimeoutMs },
};
