/**
 * The `page` job: fetches one season-level page (season summary, a team's page, advanced stats,
 * draft, awards; archived like every page), parses it and replaces what its scope held in the
 * store (dataset/season-pages.ts). Idempotent: a page stored twice is stored once.
 */
import type { Job } from 'bullmq';
import { SEASON_PAGES } from '../dataset/season-pages.ts';
import { fetchSourcePage } from './fetch-page.ts';
import type { PageJobData } from './job-types.ts';
import type { JobRun, WorkerContext } from './worker-context.ts';

export interface PageResult {
  season: number;
  page: string;
  team: string | null;
  rows: number;
}

export async function processPage(
  ctx: WorkerContext,
  job: Job<PageJobData>,
  { signal }: JobRun,
): Promise<PageResult> {
  const { season, page: kind, team, path } = job.data;
  const rows = await fetchSourcePage(ctx, { path, season, kind, signal }, (raw) => {
    signal.throwIfAborted();
    return SEASON_PAGES[kind].store(ctx.store, ctx.site, season, raw, team);
  });
  return { season, page: kind, team, rows };
}
