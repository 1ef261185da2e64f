/**
 * Enqueueing a season's player totals job, for the season job's fan-out (as one of its children)
 * and for reconcile (on its own). The page changes while a season goes on, so the id names the
 * run (job-types.ts totalsJobId).
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import type { SourceSite } from '../sources/source.ts';
import { boxScoreJobOptions } from './job-options.ts';
import { TOTALS_JOB, type TotalsJobData, totalsJobId } from './job-types.ts';

/**
 * Adds the totals job of `season` for run `runId`, as a child of `parent` when given. Returns
 * false, adding nothing, when the site has no totals pages.
 */
export async function enqueueTotals(
  queue: Queue,
  config: Config,
  site: SourceSite,
  season: number,
  opts: { runId: number; parent?: { id: string; queue: string } },
): Promise<boolean> {
  if (!site.totalsPath) return false;
  const data: TotalsJobData = { season, path: site.totalsPath(season) };
  await queue.add(TOTALS_JOB, data, {
    ...boxScoreJobOptions(config),
    jobId: totalsJobId(season, opts.runId),
    ...(opts.parent ? { parent: opts.parent } : {}),
  });
  return true;
}
