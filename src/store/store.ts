/**
 * The result store: where the dataset lives. Two implementations, chosen by STORE_URL:
 * `file://DIR` (zero setup, the local default) and `postgres://...` (production).
 * Every write is an upsert keyed by natural ids (game id; game id + team; game id + player;
 * game id + team + period), so at-least-once job delivery gives exactly one row per fact.
 */
import type { BoxScore } from '../domain/box-score.ts';
import type { ScheduleGame } from '../domain/game.ts';

export interface SeasonCounts {
  season: number;
  /** Games the stored schedule lists. */
  scheduled: number;
  /** Scheduled games that have been played (have a result). */
  played: number;
  /** Games whose box score is stored. */
  boxScores: number;
}

export interface Store {
  /** `file` or `postgres`, for logs. */
  readonly kind: 'file' | 'postgres';
  /** Upserts the games one schedule page lists. `page` names the page (month slug) they came from. */
  upsertSchedule(season: number, page: string, games: readonly ScheduleGame[]): Promise<void>;
  /** Upserts one game's box score and every line in it, replacing what was stored for that game. */
  upsertBoxScore(box: BoxScore): Promise<void>;
  /** Every game of the season's stored schedule, by game id (latest version of each). */
  readSchedule(season: number): Promise<ScheduleGame[]>;
  /** Game ids of the season whose box score is stored. */
  storedBoxScoreIds(season: number): Promise<Set<string>>;
  /** Every stored box score of the season, in game id order. */
  readBoxScores(season: number): AsyncIterable<BoxScore>;
  /** Seasons with anything stored, ascending. */
  seasons(): Promise<number[]>;
  counts(season: number): Promise<SeasonCounts>;
  close(): Promise<void>;
}
