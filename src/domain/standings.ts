/**
 * One team's line in a standings table of the season summary page (`/leagues/NBA_<Y>.html`):
 * the division tables of every era, the conference tables of recent seasons. A team appears once
 * per grouping it is listed in.
 */
export type StandingsGrouping = 'division' | 'conference';

export interface StandingsRow {
  season: number;
  grouping: StandingsGrouping;
  /** The division or conference as the page names it (`Atlantic Division`, `Eastern Conference`). */
  group: string;
  /** Team code from the team's link (`BOS`). */
  team: string;
  /** Team name as shown, without the playoff marker or seed (`Boston Celtics`). */
  teamName: string;
  /** 1-based position within the group, in the page's order. */
  rank: number;
  wins: number;
  losses: number;
  /** Win fraction as the page gives it (`.780` -> 0.78). */
  winLossPct: number | null;
  /** Games behind the group's leader; 0 for the leader (the page shows a dash). */
  gamesBehind: number | null;
  pointsPerGame: number | null;
  opponentPointsPerGame: number | null;
  /** Simple rating system. */
  srs: number | null;
  /** The team made the playoffs (the `*` after its name). */
  playoffs: boolean;
  /** Seed within the conference when the page shows one (`(1)`), else null. */
  seed: number | null;
}
