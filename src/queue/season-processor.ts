/**
 * The `season` job: reads the season's default schedule page (which lists its month pages),
 * then every month page, storing each page's games and checkpointing after each page in the
 * job's data, so a crashed job resumes at the next page. With the whole schedule stored it fills
 * in the game types the pages did not give (domain/game-types.ts). Then it adds one `boxscore`
 * child per played game whose box score is not stored yet, and waits for them (BullMQ
 * waiting-children); when they have all finished it completes with a summary. A checkpoint also
 * clears the job's stall count (stall-count.ts): a run that stored a page was not killed by its
 * own work, so pods lost while a season runs do not add up to a failed season.
 */
import { type Job, WaitingChildrenError } from 'bullmq';
import { fillInferredGameTypes, storeSchedulePage } from '../dataset/schedule-pages.ts';
import { seasonPageTargets } from '../dataset/season-pages.ts';
import { PageNotFoundError } from '../errors/page-not-found-error.ts';
import { fetchSourcePage } from './fetch-page.ts';
import { boxScoreJobOptions } from './job-options.ts';
import {
  BOXSCORE_JOB,
  type BoxScoreJobData,
  boxScoreJobId,
  type SeasonJobData,
  type SeasonProgress,
  type SeasonResult,
} from './job-types.ts';
import { enqueueSeasonPages } from './page-jobs.ts';
import { clearStallCount } from './stall-count.ts';
import { enqueueTotals } from './totals-job.ts';
import type { JobRun, WorkerContext } from './worker-context.ts';

export async function processSeason(
  ctx: WorkerContext,
  job: Job<SeasonJobData>,
  { token, signal }: JobRun,
): Promise<SeasonResult> {
  const { season } = job.data;
  const log = ctx.logger;
  let data: SeasonJobData = { ...job.data };
  const checkpoint = async (patch: Partial<SeasonJobData>): Promise<void> => {
    data = { ...data, ...patch };
    await job.updateData(data);
    // Progress: the deaths of earlier runs were not this job's doing (stall-count.ts).
    await clearStallCount(ctx.queue, job);
  };

  if (!data.fannedOut) {
    if (!data.months) {
      const parsed = await fetchSourcePage(
        ctx,
        { path: ctx.site.seasonPath(season), season, kind: 'season', signal },
        (raw) => storeSchedulePage(ctx.store, ctx.site, season, raw, null),
      );
      await checkpoint({ months: parsed.months, pagesDone: parsed.month ? [parsed.month] : [] });
      log.info(
        { months: parsed.months.length, page: parsed.slug, games: parsed.games.length },
        'season schedule discovered',
      );
    }
    const months = data.months ?? [];
    for (const month of months) {
      if (data.pagesDone?.includes(month.slug)) continue;
      signal.throwIfAborted();
      const parsed = await fetchSourcePage(
        ctx,
        { path: month.path, season, kind: 'schedule', signal },
        (raw) => storeSchedulePage(ctx.store, ctx.site, season, raw, month.slug),
      );
      await checkpoint({ pagesDone: [...(data.pagesDone ?? []), month.slug] });
      await job.updateProgress(progress('schedule', data, 0, 0));
      log.info({ page: month.slug, games: parsed.games.length }, 'schedule page stored');
    }
    if (months.length === 0) throw new PageNotFoundError(`season ${season} lists no schedule month`);

    const schedule = await ctx.store.readSchedule(season);
    const types = await fillInferredGameTypes(ctx.store, season, schedule);
    if (types.inferred > 0) log.info(types, 'game types inferred');
    const stored = await ctx.store.storedBoxScoreIds(season);
    const todo = schedule.filter(
      (g) => g.status === 'final' && g.boxScorePath !== null && !stored.has(g.gameId),
    );
    await addChildren(
      ctx,
      job,
      todo.map((g) => ({ season, gameId: g.gameId, path: g.boxScorePath as string })),
    );
    // The season's player totals, read again by every run (they change while the season goes on).
    const run = { runId: job.timestamp, parent: { id: job.id as string, queue: job.queueQualifiedName } };
    if (schedule.some((g) => g.status === 'final')) {
      await enqueueTotals(ctx.queue, ctx.config, ctx.site, season, run);
    }
    // The season-level pages (standings, team pages, advanced stats, draft, awards), read again by every run too.
    const pages = await enqueueSeasonPages(
      ctx.queue,
      ctx.config,
      season,
      seasonPageTargets(ctx.site, season, schedule),
      run,
    );
    // When its children are done the job runs again and must not fan out twice.
    await checkpoint({ fannedOut: true, children: todo.length, fannedOutAt: Date.now() });
    await job.updateProgress(progress('boxscores', data, schedule.length, todo.length));
    log.info(
      { games: schedule.length, children: todo.length, alreadyStored: stored.size, pages },
      'box score jobs added',
    );
  }

  if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();

  const deps = await job.getDependenciesCount({ failed: true, ignored: true });
  const failed = (deps.failed ?? 0) + (deps.ignored ?? 0);
  const games = (await ctx.store.readSchedule(season)).length;
  await job.updateProgress(progress('done', data, games, data.children ?? 0));
  log.info({ games, children: data.children ?? 0, failed }, 'season finished');
  return { season, games, children: data.children ?? 0, failed };
}

function progress(
  phase: SeasonProgress['phase'],
  data: SeasonJobData,
  games: number,
  children: number,
): SeasonProgress {
  return {
    phase,
    pagesDone: data.pagesDone?.length ?? 0,
    pagesTotal: data.months?.length ?? 0,
    games,
    children,
  };
}

/**
 * Adds the box score children in batches. A child id that already exists and failed for good in
 * an earlier run is removed first, so this run tries it again instead of waiting on it forever.
 */
async function addChildren(ctx: WorkerContext, parent: Job, children: BoxScoreJobData[]): Promise<void> {
  const opts = boxScoreJobOptions(ctx.config);
  const parentRef = { id: parent.id as string, queue: parent.queueQualifiedName };
  for (let i = 0; i < children.length; i += 500) {
    const batch = children.slice(i, i + 500);
    const states = await Promise.all(batch.map((c) => ctx.queue.getJobState(boxScoreJobId(c.gameId))));
    await Promise.all(
      batch.map(async (c, k) => {
        if (states[k] === 'failed') await ctx.queue.remove(boxScoreJobId(c.gameId));
      }),
    );
    await ctx.queue.addBulk(
      batch.map((c) => ({
        name: BOXSCORE_JOB,
        data: c,
        opts: { ...opts, jobId: boxScoreJobId(c.gameId), parent: parentRef },
      })),
    );
  }
}
