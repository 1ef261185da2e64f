/**
 * Made-up people for the replay site: player and referee names built from syllables, and ids in
 * basketball-reference's style (`abcdeXX01`: five letters of the last name, two of the first,
 * a two-digit number; referees end in `99r`). A few names carry diacritics, apostrophes,
 * hyphens or a suffix, as real rosters do, so parsers meet them in generated pages too.
 */
import type { Rng } from './prng.ts';

const FIRST_START = [
  'Ja',
  'Mar',
  'Dev',
  'Ty',
  'Ka',
  'Ro',
  'De',
  'Tre',
  'Jo',
  'Mal',
  'Zay',
  'Kel',
  'Bran',
  'Dar',
  'Cor',
  'Lo',
  'Ni',
  'Qua',
  'Sha',
  'Ter',
  'Al',
  'Ev',
  'Gre',
  'Ol',
] as const;
const FIRST_END = [
  'len',
  'on',
  'ius',
  'ric',
  'ell',
  'an',
  'en',
  'ey',
  'o',
  'is',
  'ard',
  'vin',
  'ton',
  'ce',
  'mir',
  'quan',
  'das',
  'el',
] as const;
const LAST_START = [
  'Hal',
  'Brook',
  'Wes',
  'Mor',
  'Thorn',
  'Cald',
  'Ash',
  'Pen',
  'Wil',
  'Gar',
  'Fen',
  'Dal',
  'Kirk',
  'Bel',
  'Stan',
  'Crow',
  'Ran',
  'Lind',
  'Har',
  'Os',
  'Quill',
  'Vance',
  'Yor',
  'Ember',
] as const;
const LAST_END = [
  'ford',
  'ley',
  'ton',
  'well',
  'wick',
  'son',
  'ridge',
  'more',
  'field',
  'by',
  'er',
  'man',
  'stead',
  'ins',
  'ard',
  'worth',
  'ow',
  'en',
] as const;
const RARE_LAST_END = ['ović', 'ić', 'ënko', 'ñez', 'sson'] as const;
const SUFFIXES = ['Jr.', 'II', 'III'] as const;

export interface PersonName {
  first: string;
  last: string;
  /** `Jr.`, `II`, `III` or empty. */
  suffix: string;
}

/** A made-up name. */
export function makePersonName(rng: Rng): PersonName {
  const first = rng.pick(FIRST_START) + rng.pick(FIRST_END);
  let last = rng.pick(LAST_START) + (rng.chance(0.06) ? rng.pick(RARE_LAST_END) : rng.pick(LAST_END));
  const shape = rng.next();
  if (shape < 0.03) last = `O'${last}`;
  else if (shape < 0.06) last = `${last}-${rng.pick(LAST_START)}${rng.pick(LAST_END)}`;
  const suffix = rng.chance(0.04) ? rng.pick(SUFFIXES) : '';
  return { first, last, suffix };
}

/** `Jalen Hallford Jr.` */
export function fullName(n: PersonName): string {
  return n.suffix ? `${n.first} ${n.last} ${n.suffix}` : `${n.first} ${n.last}`;
}

/** Sort key as the box score's `csk` gives it: `Hallford,Jalen`. */
export function sortName(n: PersonName): string {
  return `${n.last},${n.first}`;
}

/** Lower-case ASCII letters only: `Dalović` -> `dalovic`, `O'Hal` -> `ohal`. */
export function asciiLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** A player id not yet in `taken` (which it joins): `hallfja01`, then `hallfja02`, ... */
export function playerId(n: PersonName, taken: Set<string>): string {
  const stem = asciiLetters(n.last).slice(0, 5) + asciiLetters(n.first).slice(0, 2);
  for (let i = 1; ; i++) {
    const id = `${stem}${String(i).padStart(2, '0')}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** A referee id not yet in `taken`: `hallfja99r`, then `hallfja98r`, ... */
export function refereeId(n: PersonName, taken: Set<string>): string {
  const stem = asciiLetters(n.last).slice(0, 5) + asciiLetters(n.first).slice(0, 2);
  for (let i = 99; ; i--) {
    const id = `${stem}${String(i).padStart(2, '0')}r`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
