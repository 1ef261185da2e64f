/**
 * The `totals` job: fetches a season's player totals page (regular season, and playoffs when the
 * page has them), parses it and replaces the season's stored totals.
 */
import type { Job } from 'bullmq';
import { EmptyPageError } from '../errors/empty-page-error.ts';
import { fetchSourcePage } from './fetch-page.ts';
import type { TotalsJobData } from './job-types.ts';
import type { JobRun, WorkerContext } from './worker-context.ts';

export interface TotalsResult {
  season: number;
  rows: number;
}

export async function processTotals(
  ctx: WorkerContext,
  job: Job<TotalsJobData>,
  { signal }: JobRun,
): Promise<TotalsResult> {
  const { season, path } = job.data;
  if (!ctx.site.parsePlayerTotals)
    throw new EmptyPageError(`source ${ctx.site.id} has no player totals pages`);
  const parse = ctx.site.parsePlayerTotals.bind(ctx.site);
  const rows = await fetchSourcePage(ctx, { path, season, kind: 'totals', signal }, async (raw) => {
    const parsed = parse(raw, season);
    signal.throwIfAborted();
    await ctx.store.upsertPlayerTotals(season, parsed);
    return parsed;
  });
  return { season, rows: rows.length };
}
