/**
 * What the queue needs from a source site. A site module (basketball-reference first) implements
 * this with URL builders and pure parsers: no I/O, no queue. Adding a second site means adding a
 * module that implements this interface; the queue code does not change.
 */
import type { BoxScore } from '../domain/box-score.ts';
import type { SchedulePage } from '../domain/season.ts';

/** Kinds of page a site module can parse. */
export type PageKind = 'season' | 'schedule' | 'boxscore';

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
   */
  parseSchedule(html: string, season: number): SchedulePage;
  /** Parses a box score page. Throws ParseError / EmptyPageError like parseSchedule. */
  parseBoxScore(html: string, gameId: string): BoxScore;
  /** Guesses what kind of page this is from its content, or null when it is none of ours. */
  detectKind(html: string): PageKind | null;
  /** True when a 200 page is the site's block / captcha / rate-limit page instead of content. */
  isBlockPage(html: string): boolean;
}
