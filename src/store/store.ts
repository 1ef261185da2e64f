/**
 * The result store: where the dataset lives. Two implementations, chosen by STORE_URL:
 * `file://DIR` (zero setup, the local default) and `postgres://...` (production).
 * Every write is an upsert keyed by natural ids (game id; game id + team; game id + player;
 * game id + team + period), so at-least-once job delivery gives exactly one row per fact.
 */
import type { BoxScore } from '../domain/box-score.ts';
import type { GameType, ScheduleGame } from '../domain/game.ts';
import type { PlayerSeasonTotals } from '../domain/player-totals.ts';
import type { Row, TableName } from './rows.ts';
import type { SeasonTableName } from './season-tables.ts';

export interface SeasonCounts {
  season: number;
  /** Games the stored schedule lists. */
  scheduled: number;
  /** Scheduled games that have been played: a final result on the schedule or a stored box score. */
  played: number;
  /** Games whose box score is stored. */
  boxScores: number;
}

/** A fetched page to archive, so a parser fix can re-parse without fetching again. */
export interface RawPageInput {
  /** Full URL the page was fetched from; with `fetchedAt` the archive key. */
  url: string;
  fetchedAt: Date;
  /** HTTP status of the response. */
  status: number;
  /**
   * The response body (stored gzip-compressed): the bytes as received, stored as they are, or the
   * text, stored UTF-8 encoded.
   */
  body: string | Uint8Array;
  /** Season the page belongs to, when known; pages without one are filed under `misc`. */
  season?: number | null;
  /** Page kind (`schedule`, `boxscore`, ...), when known. */
  kind?: string | null;
}

/** An archived page as read back: the body decompressed. */
export interface RawPage {
  url: string;
  fetchedAt: Date;
  status: number;
  body: string;
  season: number | null;
  kind: string | null;
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
  /**
   * Fills in the game type of the season's scheduled games whose stored type is still null (their
   * schedule page did not say it and no box score is stored), from `types` by game id (what
   * inferGameTypes gives). A known type is never changed, and ids the season's schedule does not
   * list are ignored. The filled type is a schedule value like the others: storing the game's
   * schedule page again puts back what the page says (the season job fills in again after storing
   * its pages), and a box score's type replaces it. Returns how many games it set.
   */
  fillGameTypes(season: number, types: ReadonlyMap<string, GameType>): Promise<number>;
  /** Game ids of the season whose box score is stored. */
  storedBoxScoreIds(season: number): Promise<Set<string>>;
  /** Every stored box score of the season, in game id order. */
  readBoxScores(season: number): AsyncIterable<BoxScore>;
  /** Seasons with anything stored, ascending. */
  seasons(): Promise<number[]>;
  counts(season: number): Promise<SeasonCounts>;
  /**
   * Replaces the season's player totals of every season part (`regular`, `playoffs`) the rows
   * contain: a part's previously stored rows that the new rows do not repeat are removed.
   */
  upsertPlayerTotals(season: number, rows: readonly PlayerSeasonTotals[]): Promise<void>;
  /** The season's player totals, ordered like the `player_season_totals` table. */
  readPlayerTotals(season: number): Promise<PlayerSeasonTotals[]>;
  /**
   * Replaces one scope of a season table (season-tables.ts): every stored row of `table` whose
   * scope columns equal `scope` (`{ season }`, `{ season, team }`, ...) is removed and `rows` are
   * stored, in one step. Every row must lie in the scope (StoreError otherwise); a row whose
   * natural key repeats an earlier one is dropped. Writing the same rows again changes nothing.
   */
  replaceSeasonRows(table: SeasonTableName, scope: Row, rows: readonly Row[]): Promise<void>;
  /**
   * One table's rows of one season, in the table's `orderBy` order (rows.ts), as the export
   * writes them. Both stores give the same rows for the same writes.
   */
  readRows(table: TableName, season: number): AsyncIterable<Row>;
  /** Archives a fetched page (gzip), keyed by URL + fetch time; archiving the same key again is a no-op. */
  archivePage(page: RawPageInput): Promise<void>;
  /**
   * For every URL archived for the season (null: pages archived without a season), its newest
   * archived page, decompressed, in URL order. Streams: one body in memory at a time.
   */
  latestRawPages(season: number | null): AsyncIterable<RawPage>;
  /** Releases connections; idempotent. */
  close(): Promise<void>;
}
