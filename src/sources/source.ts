/**
 * What the queue needs from a source site. A site module (basketball-reference first) implements
 * this with URL builders and pure parsers: no I/O, no queue. Adding a second site means adding a
 * module that implements this interface; the queue code does not change.
 */
import type { BoxScore } from '../domain/box-score.ts';
import type { PlayerSeasonTotals } from '../domain/player-totals.ts';
import type { SchedulePage } from '../domain/season.ts';

/**
 * Kinds of page a site module can parse: a season's default schedule page, a month schedule page,
 * a box score, a season's player totals page.
 */
export type PageKind = 'season' | 'schedule' | 'boxscore' | 'totals';

export interface SourceSite {
  /** Stable id, used in logs and metrics labels (`basketball-reference`). */
  readonly id: string;
  /** Path of a season's default schedule page, which lists the season's month pages. */
  seasonPath(season: number): string;
  /** Path of a game's box score page. */
  boxScorePath(gameId: string): string;
  /**
   * Parses a season default page or a month schedule page. Throws ParseError when the page does
   * not have the schedule structure, EmptyPageError when it has it but lists no game.
   * Every parser first rejects pages that are not content: BlockedError for a block / rate-limit /
   * captcha page, PageNotFoundError for the site's 404 page served with 200, NetworkError for a
   * truncated body (no closing `</html>`; retryable).
   */
  parseSchedule(html: string, season: number): SchedulePage;
  /** Parses a box score page. Throws ParseError / EmptyPageError like parseSchedule. */
  parseBoxScore(html: string, gameId: string): BoxScore;
  /** Path of a season's player totals page; absent when the site has none. */
  totalsPath?(season: number): string;
  /**
   * Parses a season's player totals page (regular season rows, then playoff rows when present).
   * Throws ParseError / EmptyPageError like parseSchedule. Absent when the site has no such page.
   */
  parsePlayerTotals?(html: string, season: number): PlayerSeasonTotals[];
  /** The game id a box score page's path names (`/boxscores/201801010TOR.html`), else undefined. */
  gameIdFromPath(path: string): string | undefined;
  /** The month slug a month schedule page's path names (`october-2019`), else undefined. */
  monthSlugFromPath(path: string): string | undefined;
}
