/**
 * One made-up head coach per team and season, with an id in the site's style (`hallfja01c`), as
 * the team pages and the Coach of the Year voting name them.
 */
import { fullName, makePersonName, playerId } from './names.ts';
import { createRng } from './prng.ts';
import type { SeasonTeam } from './teams.ts';

export interface Coach {
  id: string;
  name: string;
  /** `Hallford,Jalen`. */
  sortKey: string;
}

const cache = new Map<number, Map<string, Coach>>();

/** The coaches of a season's teams, by team code. */
export function seasonCoaches(season: number, teams: readonly SeasonTeam[]): Map<string, Coach> {
  const hit = cache.get(season);
  if (hit) return hit;
  const rng = createRng(`coaches:${season}`);
  const taken = new Set<string>();
  const out = new Map<string, Coach>();
  for (const team of teams) {
    const name = { ...makePersonName(rng), suffix: '' };
    out.set(team.code, {
      id: `${playerId(name, taken)}c`,
      name: fullName(name),
      sortKey: `${name.last},${name.first}`,
    });
  }
  cache.set(season, out);
  return out;
}
