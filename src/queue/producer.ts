/**
 * The producer: adds one `season` job per season, with its deterministic id, so enqueueing the
 * same season twice is a no-op. Reports, per season, whether it was added or what state the
 * existing job is in.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import { seasonJobOptions } from './job-options.ts';
import { SEASON_JOB, type SeasonJobData, seasonJobId } from './job-types.ts';

export interface EnqueueOutcome {
  season: number;
  jobId: string;
  /** `added`, or `exists` when a job for the season is already in the queue (in `state`). */
  outcome: 'added' | 'exists';
  state: string;
}

export async function enqueueSeasons(
  queue: Queue,
  config: Config,
  seasons: readonly number[],
): Promise<EnqueueOutcome[]> {
  const out: EnqueueOutcome[] = [];
  for (const season of seasons) {
    const jobId = seasonJobId(season);
    const before = await queue.getJobState(jobId);
    if (before !== 'unknown') {
      out.push({ season, jobId, outcome: 'exists', state: before });
      continue;
    }
    const data: SeasonJobData = { season };
    await queue.add(SEASON_JOB, data, { ...seasonJobOptions(config), jobId });
    out.push({ season, jobId, outcome: 'added', state: await queue.getJobState(jobId) });
  }
  return out;
}
