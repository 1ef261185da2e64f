/**
 * Reconcile: compares a season's stored data with what its stored schedule says must exist (the
 * ledger) and enqueues only what is missing or failed: the box scores of played games not
 * stored, the player totals when none are stored, or the whole season when it has no schedule.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import { type SeasonLedger, seasonLedger } from '../dataset/ledger.ts';
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import { boxScoreJobOptions } from './job-options.ts';
import { BOXSCORE_JOB, boxScoreJobId } from './job-types.ts';
import { enqueueSeasonPages } from './page-jobs.ts';
import { enqueueSeasons } from './producer.ts';
import { enqueueTotals } from './totals-job.ts';

export interface ReconcileResult {
  ledger: SeasonLedger;
  /** The season had no stored schedule: its season job was enqueued (or is already queued). */
  seasonJob: boolean;
  /** Box score jobs enqueued for played games without a stored box score. */
  boxScores: number;
  /** A player totals job was enqueued. */
  totals: boolean;
  /** Season-level page jobs enqueued (standings, team pages, advanced stats, draft, awards not stored). */
  pages: number;
}

export async function reconcileSeason(
  queue: Queue,
  config: Config,
  store: Store,
  site: SourceSite,
  season: number,
): Promise<ReconcileResult> {
  const ledger = await seasonLedger(store, season, site);
  if (ledger.games === 0) {
    await enqueueSeasons(queue, config, [season], { refresh: true });
    return { ledger, seasonJob: true, boxScores: 0, totals: false, pages: 0 };
  }
  const schedule = new Map((await store.readSchedule(season)).map((g) => [g.gameId, g]));
  const opts = boxScoreJobOptions(config);
  let boxScores = 0;
  for (const gameId of ledger.missingBoxScores) {
    const id = boxScoreJobId(gameId);
    const state = await queue.getJobState(id);
    if (state === 'failed' || state === 'completed') await queue.remove(id);
    else if (state !== 'unknown') continue; // already queued or running
    const path = schedule.get(gameId)?.boxScorePath ?? site.boxScorePath(gameId);
    await queue.add(BOXSCORE_JOB, { season, gameId, path }, { ...opts, jobId: id });
    boxScores++;
  }
  const totals =
    ledger.totalsRows === 0 &&
    ledger.played > 0 &&
    (await enqueueTotals(queue, config, site, season, { runId: Date.now() }));
  const pages = await enqueueSeasonPages(
    queue,
    config,
    season,
    ledger.pages.flatMap((p) => p.missing),
    { runId: Date.now() },
  );
  return { ledger, seasonJob: false, boxScores, totals, pages };
}
