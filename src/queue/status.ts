/**
 * What `status` and `enqueue --follow` show: job counts per state, per-season progress (schedule
 * pages, box scores done of those added, ETA) and jobs that failed for good, grouped by error code.
 */
import type { Job, Queue } from 'bullmq';
import { FIRST_SEASON, latestSeason } from '../domain/season-range.ts';
import { failureCode } from './failure-policy.ts';
import {
  BOXSCORE_JOB,
  SEASON_JOB,
  type SeasonJobData,
  type SeasonProgress,
  type SeasonResult,
  seasonJobId,
} from './job-types.ts';

export const JOB_STATES = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'waiting-children',
  'completed',
  'failed',
] as const;

export interface SeasonStatus {
  season: number;
  state: string;
  /** Schedule pages read / listed. */
  pagesDone: number;
  pagesTotal: number;
  games: number;
  /** Box score jobs added for this run of the season, and how many have finished (done or failed). */
  boxScores: number;
  boxScoresDone: number;
  boxScoresFailed: number;
  /** The season's other jobs (player totals, season pages) still failed for good. */
  otherJobsFailed: number;
  /** Seconds until done at the current pace, when it can be estimated. */
  etaSeconds: number | null;
  /** Why the season job itself failed, when it did. */
  failedReason: string | null;
}

export interface FailureGroup {
  code: string;
  count: number;
  sample: string;
}

export interface QueueStatus {
  queue: string;
  paused: boolean;
  counts: Record<string, number>;
  seasons: SeasonStatus[];
  failures: FailureGroup[];
}

export async function readStatus(
  queue: Queue,
  opts: { seasons?: readonly number[]; now?: number } = {},
): Promise<QueueStatus> {
  const now = opts.now ?? Date.now();
  const candidates = opts.seasons ?? range(FIRST_SEASON, latestSeason(new Date(now)));
  const [counts, paused, jobs] = await Promise.all([
    queue.getJobCounts(...JOB_STATES),
    queue.isPaused(),
    Promise.all(candidates.map((s) => queue.getJob(seasonJobId(s)))),
  ]);
  // A job listed a moment ago may be gone (trimmed) when it is read: getFailed then holds undefined.
  const failed = (await queue.getFailed(0, 999)).filter((j): j is Job => Boolean(j));
  // Failed jobs of each season, box scores apart from the rest (totals, season pages).
  const failedBySeason = new Map<number, { box: number; other: number }>();
  for (const j of failed) {
    const s = (j.data as { season?: number }).season;
    if (j.name === SEASON_JOB || s === undefined) continue;
    const n = failedBySeason.get(s) ?? { box: 0, other: 0 };
    if (j.name === BOXSCORE_JOB) n.box++;
    else n.other++;
    failedBySeason.set(s, n);
  }
  const seasons: SeasonStatus[] = [];
  for (const job of jobs) {
    if (job)
      seasons.push(
        await seasonStatus(
          job as Job<SeasonJobData>,
          now,
          failedBySeason.get(job.data.season) ?? { box: 0, other: 0 },
        ),
      );
  }
  return { queue: queue.name, paused, counts, seasons, failures: failureGroups(failed) };
}

async function seasonStatus(
  job: Job<SeasonJobData>,
  now: number,
  failedNow: { box: number; other: number },
): Promise<SeasonStatus> {
  const state = await job.getState();
  const progress = (typeof job.progress === 'object' ? job.progress : {}) as Partial<SeasonProgress>;
  const result = job.returnvalue as SeasonResult | null | undefined;
  const deps = await job.getDependenciesCount();
  const failed = (deps.failed ?? 0) + (deps.ignored ?? 0);
  const boxScores = job.data.children ?? 0;
  const done = Math.min(boxScores, (deps.processed ?? 0) + failed);
  const started = job.data.fannedOutAt;
  let etaSeconds: number | null = null;
  if (state !== 'completed' && started && done > 0 && done < boxScores) {
    const rate = done / Math.max(1, now - started);
    etaSeconds = Math.round((boxScores - done) / rate / 1000);
  }
  return {
    season: job.data.season,
    state,
    pagesDone: job.data.pagesDone?.length ?? 0,
    pagesTotal: job.data.months?.length ?? 0,
    games: result?.games ?? progress.games ?? 0,
    boxScores,
    boxScoresDone: state === 'completed' ? boxScores : done,
    // Jobs of the season still failed (retry-failed may have re-driven some since it finished).
    boxScoresFailed: failedNow.box,
    otherJobsFailed: failedNow.other,
    etaSeconds,
    failedReason: state === 'failed' ? (job.failedReason ?? null) : null,
  };
}

function failureGroups(failed: Job[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const job of failed) {
    const code = failureCode(job.failedReason);
    const g = groups.get(code);
    if (g) g.count++;
    else groups.set(code, { code, count: 1, sample: `${job.id}: ${job.failedReason ?? ''}` });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
