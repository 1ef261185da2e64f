/**
 * Compares what the store holds with the games a replay site says it lists for a season
 * (`GET /__replay/seasons/<year>/games.json`). Used by the demo to prove its result, and by tests.
 */
import type { Store } from '../../store/store.ts';

export interface TruthGame {
  gameId: string;
  played: boolean;
}

export interface SeasonCheck {
  season: number;
  /** Games the site lists as played (they have a box score page). */
  expected: number;
  stored: number;
  missing: string[];
  unexpected: string[];
}

export async function fetchTruth(siteUrl: string, season: number): Promise<TruthGame[]> {
  const res = await fetch(`${siteUrl}/__replay/seasons/${season}/games.json`);
  if (!res.ok) throw new Error(`replay site has no ground truth for ${season} (HTTP ${res.status})`);
  const body = (await res.json()) as { games: { gameId: string; played?: boolean }[] };
  return body.games.map((g) => ({ gameId: g.gameId, played: g.played !== false }));
}

export async function checkSeason(store: Store, siteUrl: string, season: number): Promise<SeasonCheck> {
  const truth = (await fetchTruth(siteUrl, season)).filter((g) => g.played).map((g) => g.gameId);
  const stored = await store.storedBoxScoreIds(season);
  const expected = new Set(truth);
  return {
    season,
    expected: expected.size,
    stored: stored.size,
    missing: truth.filter((id) => !stored.has(id)),
    unexpected: [...stored].filter((id) => !expected.has(id)),
  };
}
