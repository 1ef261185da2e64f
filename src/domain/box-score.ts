import type { GameType, TeamRef } from './game.ts';

/**
 * Basic box score columns, named by the source's `data-stat` vocabulary, in the order the site
 * shows them. `mp` is in seconds. Percentages are fractions (`.571` -> 0.571).
 * Columns a page does not have (no `fg3*` before 1979-80, no `game_score` before 2024 captures)
 * are absent from a line's `basic` object; empty cells are null.
 */
export const BASIC_STATS = [
  'mp',
  'fg',
  'fga',
  'fg_pct',
  'fg3',
  'fg3a',
  'fg3_pct',
  'ft',
  'fta',
  'ft_pct',
  'orb',
  'drb',
  'trb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
  'pts',
  'game_score',
  'plus_minus',
] as const;
export type BasicStat = (typeof BASIC_STATS)[number];
export type BasicStats = Partial<Record<BasicStat, number | null>>;

/** Advanced box score columns (`box-<TEAM>-game-advanced`). `mp` in seconds, percentages as fractions. */
export const ADVANCED_STATS = [
  'mp',
  'ts_pct',
  'efg_pct',
  'fg3a_per_fga_pct',
  'fta_per_fga_pct',
  'orb_pct',
  'drb_pct',
  'trb_pct',
  'ast_pct',
  'stl_pct',
  'blk_pct',
  'tov_pct',
  'usg_pct',
  'off_rtg',
  'def_rtg',
  'bpm',
] as const;
export type AdvancedStat = (typeof ADVANCED_STATS)[number];
export type AdvancedStats = Partial<Record<AdvancedStat, number | null>>;

export interface PlayerRef {
  /** Source-stable player id (`bertada01`). */
  playerId: string;
  name: string;
}

export interface PlayerLine extends PlayerRef {
  starter: boolean;
  /** Null when the player played; otherwise the page's reason (`Did Not Play`, `Did Not Dress`, `Not With Team`, ...). */
  reason: string | null;
  /** Null when the player did not play. */
  basic: BasicStats | null;
  /** Null when the player did not play or the page has no advanced table. */
  advanced: AdvancedStats | null;
}

/** Dean Oliver's four factors as the page's `four_factors` table gives them. */
export interface FourFactors {
  pace: number | null;
  efg_pct: number | null;
  tov_pct: number | null;
  orb_pct: number | null;
  ft_rate: number | null;
  off_rtg: number | null;
}

export interface TeamBox extends TeamRef {
  points: number;
  /** Record after this game as the page shows it (`25-10`; the series record in playoff games). */
  record: string | null;
  /** Points per period: four quarters, then one entry per overtime. */
  lineScore: number[];
  fourFactors: FourFactors | null;
  players: PlayerLine[];
  /** The `Team Totals` row of the basic table (`mp` in seconds too: 240 minutes -> 14400, 265 after one OT). */
  totals: BasicStats;
  inactive: PlayerRef[];
}

export interface BoxScore {
  gameId: string;
  /**
   * Season by the year it ends in, as the page names it (its team links: `/teams/DET/2018.html` on
   * the 2017-10-31 game). 2019-20 bubble games played July-October 2020 belong to 2020.
   */
  season: number;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** 24 h `HH:MM` US Eastern, null when the page gives only a date. */
  startTime: string | null;
  arena: string | null;
  /** `Toronto, Canada` part of the venue line. */
  location: string | null;
  gameType: GameType;
  /** Playoff series label from the title (`Eastern Conference First Round Game 3`), else null. */
  playoffRound: string | null;
  overtimes: number;
  visitor: TeamBox;
  home: TeamBox;
  /** Referees; `playerId` holds the source's referee id (`malloed99r`). */
  officials: PlayerRef[];
  attendance: number | null;
  /** Length of the game in minutes (`2:44` -> 164), null when absent. */
  durationMinutes: number | null;
}

export type { GameType, TeamRef };
