/**
 * The job model: names, payloads and deterministic ids. A `season` job discovers the season's
 * schedule pages (checkpointing after each one in its own data), then fans out one `boxscore`
 * child per played game and completes when every child has finished. Ids are deterministic, so
 * enqueueing the same season or game twice is a no-op.
 */
import type { SeasonPageKind } from '../dataset/season-pages.ts';
import type { ScheduleMonth } from '../domain/season.ts';

export const SEASON_JOB = 'season';
export const BOXSCORE_JOB = 'boxscore';
export const TOTALS_JOB = 'totals';
export const PAGE_JOB = 'page';

/** Every job kind (the BullMQ job name); the metric catalog and the processors derive from it. */
export const JOB_KINDS = [SEASON_JOB, BOXSCORE_JOB, TOTALS_JOB, PAGE_JOB] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export function isJobKind(name: string): name is JobKind {
  return (JOB_KINDS as readonly string[]).includes(name);
}

/** The job kind of a job id (`season-2018`, `boxscore-201710170CLE`), for events that carry only the id. */
export function kindOfJobId(jobId: string): JobKind | 'unknown' {
  return JOB_KINDS.find((k) => jobId.startsWith(`${k}-`)) ?? 'unknown';
}

export interface SeasonJobData {
  season: number;
  /** Checkpoint: the season's month pages, once the default page was read. */
  months?: ScheduleMonth[];
  /** Checkpoint: slugs of the month pages already fetched and stored. */
  pagesDone?: string[];
  /** Checkpoint: true once the box score children were added. */
  fannedOut?: boolean;
  /** Box score jobs added by the fan-out (games played and not yet stored). */
  children?: number;
  /** When the fan-out happened (ms since epoch), for the ETA. */
  fannedOutAt?: number;
}

export interface BoxScoreJobData {
  season: number;
  gameId: string;
  /** Path of the box score page on the source. */
  path: string;
}

export interface TotalsJobData {
  season: number;
  /** Path of the season's player totals page on the source. */
  path: string;
}

/** A season-level page (standings, a team's page, advanced stats, draft, awards): dataset/season-pages.ts. */
export interface PageJobData {
  season: number;
  page: SeasonPageKind;
  /** The team of a team page, else null. */
  team: string | null;
  /** Path of the page on the source. */
  path: string;
}

/** The payload of each job kind. */
export interface JobDataOf {
  [SEASON_JOB]: SeasonJobData;
  [BOXSCORE_JOB]: BoxScoreJobData;
  [TOTALS_JOB]: TotalsJobData;
  [PAGE_JOB]: PageJobData;
}

/** What a season job's progress (`job.updateProgress`) holds; `status` and `--follow` show it. */
export interface SeasonProgress {
  phase: 'schedule' | 'boxscores' | 'done';
  pagesDone: number;
  pagesTotal: number;
  /** Games in the stored schedule. */
  games: number;
  /** Box score jobs added (games played and not stored before). */
  children: number;
}

export interface SeasonResult {
  season: number;
  games: number;
  children: number;
  /** Box score jobs that failed for good. */
  failed: number;
}

export function seasonJobId(season: number): string {
  return `season-${season}`;
}

export function boxScoreJobId(gameId: string): string {
  return `boxscore-${gameId}`;
}

/**
 * The player totals page changes as a season goes on, so each run of a season job reads it again:
 * the id names the run (the season job's creation time), deterministic within that run.
 */
export function totalsJobId(season: number, runId: number): string {
  return `totals-${season}-${runId}`;
}

/** Like the totals page, the season-level pages are read again by every run of the season job. */
export function pageJobId(page: SeasonPageKind, season: number, team: string | null, runId: number): string {
  return `page-${page}-${season}${team === null ? '' : `-${team}`}-${runId}`;
}
