/**
 * The producer: adds one `season` job per season, with its deterministic id, so enqueueing the
 * same season twice is a no-op. Reports, per season, whether it was added or what state the
 * existing job is in. With `refresh`, a season whose job has finished is run again: it reads
 * the schedule pages again (new results, changed dates) and fetches only the box scores that
 * are not stored yet — what the nightly CronJob does for the season in progress.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import { seasonJobOptions } from './job-options.ts';
import { SEASON_JOB, type SeasonJobData, seasonJobId } from './job-types.ts';

export interface EnqueueOutcome {
  season: number;
  jobId: string;
  /**
   * `added`; `refreshed` when a finished season job was replaced by a new run; `exists` when a
   * job for the season is already in the queue (in `state`) and was left alone.
   */
  outcome: 'added' | 'refreshed' | 'exists';
  state: string;
}

export async function enqueueSeasons(
  queue: Queue,
  config: Config,
  seasons: readonly number[],
  opts: { refresh?: boolean } = {},
): Promise<EnqueueOutcome[]> {
  const out: EnqueueOutcome[] = [];
  for (const season of seasons) {
    const jobId = seasonJobId(season);
    const before = await queue.getJobState(jobId);
    let outcome: EnqueueOutcome['outcome'] = 'added';
    if (before !== 'unknown') {
      const finished = before === 'completed' || before === 'failed';
      if (!opts.refresh || !finished) {
        out.push({ season, jobId, outcome: 'exists', state: before });
        continue;
      }
      // The finished run goes; its children stay (failed ones remain for retry-failed).
      await (await queue.getJob(jobId))?.remove({ removeChildren: false });
      outcome = 'refreshed';
    }
    const data: SeasonJobData = { season };
    await queue.add(SEASON_JOB, data, { ...seasonJobOptions(config), jobId });
    out.push({ season, jobId, outcome, state: await queue.getJobState(jobId) });
  }
  return out;
}
