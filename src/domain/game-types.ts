/**
 * Fills in the part of the season (regular season, play-in, playoffs) of schedule games whose
 * page did not say it. Since 2019-20 the site's schedule has no "Playoffs" divider, so a
 * schedule page alone cannot tell a playoff game from a regular-season one; the season's whole
 * schedule can: the play-in games are marked, the regular season ends before the first of them
 * and the playoffs start after the last; and any game known to be a playoff game (from its box
 * score, or from a divider) starts the playoffs. Games the rules cannot place keep null.
 */
import type { GameType, ScheduleGame } from './game.ts';

export function inferGameTypes(games: readonly ScheduleGame[]): Map<string, GameType> {
  const inferred = new Map<string, GameType>();
  const playIn = games.filter((g) => g.gameType === 'play-in').map((g) => g.date);
  const playoffs = games.filter((g) => g.gameType === 'playoffs').map((g) => g.date);
  const regular = games.filter((g) => g.gameType === 'regular').map((g) => g.date);
  // ISO dates sort as strings.
  const min = (d: string[]): string | null => d.toSorted()[0] ?? null;
  const max = (d: string[]): string | null => d.toSorted().at(-1) ?? null;

  // Last day that is certainly regular season, first day that is certainly playoffs.
  const regularUntil = min(playIn) ?? min(playoffs);
  const playoffsFrom = max(playIn) ?? min(playoffs);
  const lastRegular = max(regular);
  for (const g of games) {
    if (g.gameType !== null) continue;
    if (regularUntil !== null && g.date < regularUntil) inferred.set(g.gameId, 'regular');
    else if (
      playoffsFrom !== null &&
      g.date > playoffsFrom &&
      (lastRegular === null || g.date > lastRegular)
    ) {
      inferred.set(g.gameId, 'playoffs');
    }
  }
  return inferred;
}
