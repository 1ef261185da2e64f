/**
 * One row of a season's player totals page (`/leagues/NBA_<Y>_totals.html`): a player's season
 * totals for one team, or the summary row of a player who played for several teams.
 */
export type SeasonPart = 'regular' | 'playoffs';

export interface PlayerSeasonTotals {
  season: number;
  part: SeasonPart;
  playerId: string;
  name: string;
  /** Team code (`BOS`), or the multi-team summary code (`2TM`, `3TM`; older pages `TOT`). */
  team: string;
  /** True on the summary row of a player who played for several teams. */
  multiTeamSummary: boolean;
  age: number | null;
  position: string | null;
  /**
   * Totals by the page's `data-stat` vocabulary, normalised to the 2024 names
   * (`games`, `games_started`, `mp`, `fg`, ... `pts`, `tpl_dbl`); percentages as fractions.
   * `mp` is the season's total minutes as the page gives them (not seconds, unlike box scores).
   */
  stats: Record<string, number | null>;
  /** Award shares text as the page shows it (`MVP-3,AS`), null when empty. */
  awards: string | null;
}
