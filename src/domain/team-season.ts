/**
 * A team season page (`/teams/<TEAM>/<Y>.html`): the roster, and the team's and its opponents'
 * season stats (totals and per game), with the team's ratings where the page has them.
 */

/** One player of a team's roster. */
export interface RosterEntry {
  season: number;
  team: string;
  playerId: string;
  name: string;
  /** Jersey number as text (`00`, `7`); null when the page leaves it empty. */
  number: string | null;
  position: string | null;
  /** Height in inches (`6-10` -> 82). */
  heightInches: number | null;
  /** Weight in pounds. */
  weightPounds: number | null;
  /** ISO date `YYYY-MM-DD`. */
  birthDate: string | null;
  /** Country code, upper case (`US`, `CD`). */
  country: string | null;
  /** Seasons of experience before this one; 0 for a rookie (the page shows `R`). */
  experience: number | null;
  /** College(s) as the page lists them (`University of Portland, UNLV`); null when none. */
  college: string | null;
}

/** Whose stats a team stats row holds. */
export type TeamStatsSide = 'team' | 'opponent';
/** Season totals or per game. */
export type TeamStatsBasis = 'total' | 'per_game';

/** The team's (or its opponents') season stats on one basis. */
export interface TeamSeasonStats {
  season: number;
  team: string;
  side: TeamStatsSide;
  basis: TeamStatsBasis;
  /**
   * Stats by the page's `data-stat` names without the `opp_` prefix and the `_per_g` suffix
   * (`g`, `mp`, `fg`, `fga`, `fg_pct`, `fg3`, ... `pts`); percentages as fractions; what an era's
   * page lacks is absent or null.
   */
  stats: Record<string, number | null>;
}

/**
 * The team's ratings from `team_misc` (`wins losses wins_pyth losses_pyth mov sos srs off_rtg
 * def_rtg pace ... attendance`), numbers only (no arena name), as the page shows them (`efg_pct`
 * .571 is a fraction, `tov_pct` 14.1 a percentage: the table has no `csk`); null where the page has
 * no such table.
 */
export type TeamRatings = Record<string, number | null>;

/** Everything read from one team season page. */
export interface TeamSeasonPage {
  season: number;
  team: string;
  /** Full name from the page title (`Golden State Warriors`). */
  teamName: string;
  roster: RosterEntry[];
  /** Team and opponent, total and per game: up to four rows. */
  stats: TeamSeasonStats[];
  ratings: TeamRatings | null;
}
