/**
 * One game as a season schedule lists it. Site-independent: every source module maps its pages
 * to these records, and the store, the export and the queue only know these.
 */

/** Which part of the season a game belongs to. */
export type GameType = 'regular' | 'play-in' | 'playoffs';

/** A team as the source names it: `code` is the source's stable abbreviation (`TOR`, `BRK`). */
export interface TeamRef {
  code: string;
  name: string;
}

export interface ScheduleGame {
  /** Source-stable game id, `YYYYMMDD0HOME` on basketball-reference (`201801010TOR`). */
  gameId: string;
  /** Season by the year it ends in: 2018 is the 2017-18 season. */
  season: number;
  /** Local calendar date of the game, ISO `YYYY-MM-DD`. */
  date: string;
  /** Tip-off time, 24 h `HH:MM` US Eastern, or null when the page gives none (older seasons). */
  startTime: string | null;
  visitor: TeamRef;
  home: TeamRef;
  /** Final points; null while the game is not played. */
  visitorPoints: number | null;
  homePoints: number | null;
  /** Number of overtime periods: 0, 1 (`OT`), 2 (`2OT`), ... */
  overtimes: number;
  attendance: number | null;
  /** Length of the game in minutes (`2:12` -> 132), null when not given. */
  durationMinutes: number | null;
  arena: string | null;
  /** Free-text remark: neutral site (`at Mexico City, Mexico`), `Play-In Game`, `In-Season Tournament`. */
  remarks: string | null;
  /**
   * Path of the box score page on the source; null while the game is not played, and for a played
   * game whose row has no box score link.
   */
  boxScorePath: string | null;
  /** `final` once the game has a result, `scheduled` before. */
  status: 'final' | 'scheduled';
  /** Null when the schedule page alone cannot tell (no playoffs divider since 2019-20). */
  gameType: GameType | null;
}
