/**
 * The awards voting of a finished generated season, simulated ballot by ballot from its advanced
 * stats and results: 100 voters each rank the candidates by a score plus their own noise. MVP
 * ballots give 10-7-5-3-1 points, Rookie (players in their first season) and Coach of the Year
 * 5-3-1; the all-league ballots name five players per team: All-NBA three teams (5-3-1 points),
 * All-Defensive and All-Rookie two (2-1). A selection's teams are its top fives by points.
 */
import { createRng, type Rng } from './prng.ts';

export const VOTERS = 100;

export interface Candidate<T> {
  who: T;
  score: number;
}

export interface Tally<T> {
  who: T;
  points: number;
  /** Ballots that put the candidate at each place (voting) or on each team (selection). */
  votes: number[];
}

/**
 * Simulates the ballots: each voter ranks the candidates by `score` plus noise and gives
 * `points[i]` to the `i`-th (voting) or, with `perTeam` > 1, `points[t]` to every member of its
 * team `t` (the next `perTeam` names). Tallies with points, most first.
 */
export function tallyVotes<T>(
  key: string,
  candidates: readonly Candidate<T>[],
  points: readonly number[],
  perTeam = 1,
  noise = 1.2,
): Tally<T>[] {
  const rng: Rng = createRng(`votes:${key}`);
  const tallies = candidates.map((c) => ({ who: c.who, points: 0, votes: points.map(() => 0) }));
  for (let v = 0; v < VOTERS; v++) {
    const ballot = candidates
      .map((c, i) => ({ i, s: c.score + rng.normal(0, noise) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, points.length * perTeam);
    ballot.forEach(({ i }, place) => {
      const slot = Math.floor(place / perTeam);
      tallies[i]!.points += points[slot]!;
      tallies[i]!.votes[slot]!++;
    });
  }
  return tallies.filter((t) => t.points > 0).sort((a, b) => b.points - a.points);
}

/** Places as the voting tables show them: `1`, `2`, `10T` for a tie. */
export function votingRanks(points: readonly number[]): string[] {
  return points.map((p) => {
    const rank = points.filter((q) => q > p).length + 1;
    return points.filter((q) => q === p).length > 1 ? `${rank}T` : String(rank);
  });
}

/** A share of the maximum as shown: `0.935`, or `1` when unanimous. */
export function shareText(won: number, max: number): string {
  const s = (won / max).toFixed(3);
  return s === '1.000' ? '1' : s;
}
