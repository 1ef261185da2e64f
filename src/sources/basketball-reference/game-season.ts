/**
 * Which season a game belongs to when only its date is known. Seasons are named by the year they
 * end in. Box score pages name the season themselves (the scorebox team links are
 * `/teams/TOR/2018.html`), so this rule is their fallback; it is also what a caller can use for a
 * game id.
 *
 * Rule: a game from September to December belongs to the next year's season, a game from January
 * to August to that year's season. One exception: the 2019-20 season was suspended in March 2020
 * and finished in the Orlando bubble from July 30 to October 11, 2020 (regular season, play-in and
 * playoffs); the 2020-21 season only started on December 22, 2020. So September and October 2020
 * games belong to 2020, not 2021.
 */
import { dateFromGameId } from './urls.ts';

/** Dates of the 2019-20 bubble restart that the September rule would give to 2020-21. */
const BUBBLE_2020 = { from: '2020-09-01', to: '2020-10-31' };

/** Season of a game played on `isoDate` (`YYYY-MM-DD`). */
export function seasonOfDate(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`"${isoDate}" is not an ISO date (YYYY-MM-DD)`);
  if (isoDate >= BUBBLE_2020.from && isoDate <= BUBBLE_2020.to) return 2020;
  const year = Number(m[1]);
  return Number(m[2]) >= 9 ? year + 1 : year;
}

/** Season of a game by its id (`201710310LAL` -> 2018). */
export function seasonOfGameId(gameId: string): number {
  return seasonOfDate(dateFromGameId(gameId));
}
