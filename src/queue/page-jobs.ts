/**
 * Enqueueing a season's season-level pages (dataset/season-pages.ts), for the season job's
 * fan-out (as its children) and for reconcile (on their own). Each run of the season job reads
 * them again, so the ids name the run (job-types.ts pageJobId).
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import type { SeasonPageTarget } from '../dataset/season-pages.ts';
import { boxScoreJobOptions } from './job-options.ts';
import { PAGE_JOB, type PageJobData, pageJobId } from './job-types.ts';

/** Adds one `page` job per target of `season` for run `runId`, as children of `parent` when given. */
export async function enqueueSeasonPages(
  queue: Queue,
  config: Config,
  season: number,
  targets: readonly SeasonPageTarget[],
  opts: { runId: number; parent?: { id: string; queue: string } },
): Promise<number> {
  if (targets.length === 0) return 0;
  const jobOpts = boxScoreJobOptions(config);
  await queue.addBulk(
    targets.map((t) => {
      const data: PageJobData = { season, page: t.kind, team: t.team, path: t.path };
      return {
        name: PAGE_JOB,
        data,
        opts: {
          ...jobOpts,
          jobId: pageJobId(t.kind, season, t.team, opts.runId),
          ...(opts.parent ? { parent: opts.parent } : {}),
        },
      };
    }),
  );
  return targets.length;
}
