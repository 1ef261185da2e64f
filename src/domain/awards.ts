/**
 * A season's awards (`/awards/awards_<Y>.html`): the voting of each award (MVP, ROY, DPOY, SMOY,
 * MIP, COY, clutch POY; 1970s pages per league: `nba_mvp`, `aba_mvp`) and the all-league
 * selections (all-NBA, all-defense, all-rookie teams).
 */
export type AwardKind = 'voting' | 'selection';

export interface AwardEntry {
  season: number;
  /** The award's table id (`mvp`, `roy`, `dpoy`, `coy`, `nba_mvp`, `all_nba`, `all_defense`, `all_rookie`). */
  award: string;
  kind: AwardKind;
  /**
   * Voting: the rank as the page shows it (`1`, `2`, `10T`); selection: the team (`1st`, `2nd`,
   * `3rd`, `ORV` for others receiving votes).
   */
  place: string;
  /** True for the winner of a voting (rank 1, `1T` when tied) and for every member of a selected team. */
  winner: boolean;
  /** Player id; null for coaches (COY names a coach without a player id). */
  playerId: string | null;
  /** Coach id for COY entries, else null. */
  coachId: string | null;
  name: string;
  /** Team code (`DEN`); null when the page gives none. */
  team: string | null;
  /** First-place votes; for a selection, its first-team votes (2023-24 pages; null on older pages). */
  votesFirst: number | null;
  pointsWon: number | null;
  pointsMax: number | null;
  /** Share of the maximum points, a fraction. */
  share: number | null;
}
