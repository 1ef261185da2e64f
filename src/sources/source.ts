/**
 * What the queue needs from a source site. A site module (basketball-reference first) implements
 * this with URL builders and pure parsers: no I/O, no queue. Adding a second site means adding a
 * module that implements this interface; the queue code does not change.
 */
import type { AwardEntry } from '../domain/awards.ts';
import type { BoxScore } from '../domain/box-score.ts';
import type { DraftPick } from '../domain/draft.ts';
import type { PlayerAdvanced } from '../domain/player-advanced.ts';
import type { PlayerSeasonTotals } from '../domain/player-totals.ts';
import type { SchedulePage } from '../domain/season.ts';
import type { StandingsRow } from '../domain/standings.ts';
import type { TeamSeasonPage } from '../domain/team-season.ts';

/**
 * Kinds of page a site module can parse: a season's default schedule page, a month schedule page,
 * a box score, a season's player totals page, its summary (standings), a team's season page, the
 * season's advanced player stats, its draft and its awards.
 */
export const PAGE_KINDS = [
  'season',
  'schedule',
  'boxscore',
  'totals',
  'summary',
  'team',
  'advanced',
  'draft',
  'awards',
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * A page as the parsers take it: the UTF-8 bytes it was fetched as (what workers pass: only the
 * parts a parser reads are decoded, in small pieces), or its text.
 */
export type PageBody = string | Uint8Array;

/** A team of a season: its code (as team season pages are named) and name. */
export interface SeasonTeam {
  team: string;
  name: string;
}

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
  parseSchedule(html: PageBody, season: number): SchedulePage;
  /** Parses a box score page. Throws ParseError / EmptyPageError like parseSchedule. */
  parseBoxScore(html: PageBody, gameId: string): BoxScore;
  /** Path of a season's player totals page; absent when the site has none. */
  totalsPath?(season: number): string;
  /**
   * Parses a season's player totals page (regular season rows, then playoff rows when present).
   * Throws ParseError / EmptyPageError like parseSchedule. Absent when the site has no such page.
   */
  parsePlayerTotals?(html: PageBody, season: number): PlayerSeasonTotals[];
  /** Path of a season's summary page, which holds its standings; absent when the site has none. */
  summaryPath?(season: number): string;
  /**
   * Parses a season summary page into its standings: one row per team and division, and per team
   * and conference where the page has conference standings. Throws ParseError / EmptyPageError
   * like parseSchedule (no division standings / none listing a team).
   */
  parseStandings?(html: PageBody, season: number): StandingsRow[];
  /**
   * The teams of a season, from its summary page (each once, with the code its team season page
   * is named by): the crawl fetches one team season page per team. Throws like parseStandings.
   */
  teamsOfSeason?(html: PageBody, season: number): SeasonTeam[];
  /** Path of a team's season page (`team` is a code teamsOfSeason returned). */
  teamSeasonPath?(team: string, season: number): string;
  /**
   * Parses a team's season page: roster, team and opponent stats, ratings. `team` defaults to the
   * team the page names; ParseError when the page is another team's or season's, EmptyPageError
   * when the roster lists no player.
   */
  parseTeamSeason?(html: PageBody, season: number, team?: string): TeamSeasonPage;
  /** Path of a season's advanced player stats page. */
  advancedPath?(season: number): string;
  /** Parses a season's advanced player stats (regular season rows, then playoff rows when present). */
  parsePlayerAdvanced?(html: PageBody, season: number): PlayerAdvanced[];
  /** Path of the draft held at the end of a season. */
  draftPath?(season: number): string;
  /** Parses a draft page: every pick, with the player's career summary. */
  parseDraft?(html: PageBody, season: number): DraftPick[];
  /** Path of a season's awards voting page. */
  awardsPath?(season: number): string;
  /** Parses a season's awards page: every voting entry and all-league selection. */
  parseAwards?(html: PageBody, season: number): AwardEntry[];
  /** The game id a box score page's path names (`/boxscores/201801010TOR.html`), else undefined. */
  gameIdFromPath(path: string): string | undefined;
  /** The month slug a month schedule page's path names (`october-2019`), else undefined. */
  monthSlugFromPath(path: string): string | undefined;
}
