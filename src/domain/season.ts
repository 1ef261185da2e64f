import type { ScheduleGame } from './game.ts';

/** One month schedule page of a season, as the season's month navigation lists it. */
export interface ScheduleMonth {
  /** URL slug after `games-`: `october`, `october-2019`, `october-2020`. */
  slug: string;
  /** Label the site shows for it (`October`, `October 2019`). */
  label: string;
  /** Path on the source site (`/leagues/NBA_2018_games-october.html`). */
  path: string;
}

/**
 * A schedule page: the season's default page (`NBA_<Y>_games.html`, which shows the first month)
 * or one month page. Both carry the season's month navigation.
 */
export interface SchedulePage {
  /** Season by the year it ends in. */
  season: number;
  /** Every month page of the season, in the site's order. */
  months: ScheduleMonth[];
  /** Slug of the month this page shows, when the page says it. */
  month: string | null;
  games: ScheduleGame[];
}
