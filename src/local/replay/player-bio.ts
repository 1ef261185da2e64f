/**
 * What a team page's roster says about a generated player beyond his box score lines: jersey
 * number, height and weight (by position), birth date (matching his age on February 1 of the
 * season), country of birth, seasons of experience and college. A pure function of the season and
 * the player id, so a traded player has the same bio on each of his teams' pages.
 */
import { dayOf } from './dates.ts';
import { createRng } from './prng.ts';
import type { Position, RosterPlayer } from './rosters.ts';

export interface PlayerBio {
  number: string;
  heightInches: number;
  weightPounds: number;
  /** Day number of the birth date. */
  birthDay: number;
  /** Upper-case country code. */
  country: string;
  /** Seasons before this one; 0 for a rookie. */
  experience: number;
  /** College as shown, null for none. */
  college: string | null;
}

const HEIGHT: Record<Position, readonly [number, number]> = {
  PG: [72, 77],
  SG: [75, 79],
  SF: [77, 81],
  PF: [79, 83],
  C: [81, 86],
};

const COUNTRIES = ['CA', 'FR', 'AU', 'RS', 'ES', 'DE', 'NG', 'GR', 'SI', 'LT', 'CD', 'CM', 'TR', 'BR', 'HR'];

export const COLLEGES = [
  'Duke',
  'Kentucky',
  'Kansas',
  'North Carolina',
  'UCLA',
  'Villanova',
  'Gonzaga',
  'Michigan State',
  'Arizona',
  'Texas',
  'Syracuse',
  'Connecticut',
  'Indiana',
  'Louisville',
  'Wake Forest',
  'Georgetown',
  'Ohio State',
  'Florida',
  'Baylor',
  'Memphis',
  'Marquette',
  'Creighton',
  'Dayton',
  'Stanford',
  'Washington',
] as const;

/** The bio of a player in a season. */
export function playerBio(season: number, player: RosterPlayer): PlayerBio {
  const rng = createRng(`bio:${season}:${player.id}`);
  const [lo, hi] = HEIGHT[player.position];
  const heightInches = rng.int(lo, hi);
  const us = rng.chance(0.78);
  const country = us ? 'US' : rng.pick(COUNTRIES);
  const college = rng.chance(us ? 0.92 : 0.2) ? rng.pick(COLLEGES) : null;
  return {
    number: rng.chance(0.03) ? '00' : String(rng.int(0, 55)),
    heightInches,
    weightPounds: 175 + (heightInches - 72) * 6 + rng.int(-10, 18),
    birthDay: dayOf(season - player.age, 2, 1) - rng.int(0, 364),
    country,
    experience: Math.max(0, Math.min(20, player.age - 19 - rng.int(0, 3))),
    college,
  };
}

/** `6-10`. */
export function heightText(inches: number): string {
  return `${Math.floor(inches / 12)}-${inches % 12}`;
}
