/**
 * The completeness ledger: from a season's stored schedule, what the dataset must hold, and what
 * it holds — by data kind. A game counts as stored only when its box score parsed and was
 * stored (a block page or an empty table never is: they fail to parse).
 */
import type { Store } from '../store/store.ts';

export interface SeasonLedger {
  season: number;
  /** Games the stored schedule lists. */
  games: number;
  /** Of those, games with a result (their box score must exist). */
  played: number;
  /** Box scores stored for played games. */
  boxScoresStored: number;
  /** Played games without a stored box score. */
  missingBoxScores: string[];
  /** Player totals rows stored (regular season and playoffs). */
  totalsRows: number;
  /** True when the schedule, every played game's box score and the totals are stored. */
  complete: boolean;
}

export async function seasonLedger(store: Store, season: number): Promise<SeasonLedger> {
  const [schedule, stored, totals] = await Promise.all([
    store.readSchedule(season),
    store.storedBoxScoreIds(season),
    store.readPlayerTotals(season),
  ]);
  const played = schedule.filter((g) => g.status === 'final');
  const missing = played.filter((g) => !stored.has(g.gameId)).map((g) => g.gameId);
  return {
    season,
    games: schedule.length,
    played: played.length,
    boxScoresStored: played.length - missing.length,
    missingBoxScores: missing,
    totalsRows: totals.length,
    complete: schedule.length > 0 && missing.length === 0 && (played.length === 0 || totals.length > 0),
  };
}
