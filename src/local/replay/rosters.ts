/**
 * Made-up rosters for one season: 15 players a team (16 from 2017-18, two-way contracts), each
 * with a position, an age, playing tendencies and injury spells, and a few trades so the totals
 * page has `2TM` / `3TM` players: six player-for-player swaps at the trade deadline, and one
 * player traded twice (in December and at the deadline).
 */
import type { DayRange, SeasonCalendar } from './calendar.ts';
import { nextWeekday } from './dates.ts';
import { fullName, makePersonName, type PersonName, playerId, refereeId, sortName } from './names.ts';
import { createRng, type Rng } from './prng.ts';
import type { SeasonTeam } from './teams.ts';

export type Position = 'PG' | 'SG' | 'SF' | 'PF' | 'C';

export interface Stint {
  team: string;
  /** First and last day (day numbers) with this team. */
  from: number;
  to: number;
}

export interface RosterPlayer {
  id: string;
  name: PersonName;
  /** `Jalen Hallford Jr.` */
  display: string;
  /** `Hallford,Jalen`. */
  sortKey: string;
  position: Position;
  /** Age on February 1 of the season. */
  age: number;
  /** Place in the rotation, 0 = first starter. */
  depth: number;
  /** Shot-taking weight. */
  usage: number;
  /** Share of the player's shots that are threes (before era scaling). */
  three: number;
  rebound: number;
  assist: number;
  steal: number;
  block: number;
  foul: number;
  stints: Stint[];
  injuries: DayRange[];
}

export interface Referee {
  id: string;
  display: string;
}

export interface SeasonRosters {
  players: readonly RosterPlayer[];
  byId: ReadonlyMap<string, RosterPlayer>;
  /** The team's players on that day, by depth. */
  onTeam(code: string, day: number): RosterPlayer[];
  /** Team code of a player on that day, or undefined. */
  teamOf(player: RosterPlayer, day: number): string | undefined;
  referees: readonly Referee[];
  /** Active (dressed) players per game. */
  activePerGame: number;
}

const POSITIONS: readonly Position[] = ['PG', 'SG', 'SF', 'PF', 'C'];

interface Tendencies {
  three: number;
  rebound: number;
  assist: number;
  steal: number;
  block: number;
}

const BY_POSITION: Record<Position, Tendencies> = {
  PG: { three: 0.42, rebound: 0.55, assist: 2.2, steal: 1.3, block: 0.3 },
  SG: { three: 0.45, rebound: 0.65, assist: 1.1, steal: 1.2, block: 0.4 },
  SF: { three: 0.38, rebound: 0.9, assist: 0.8, steal: 1.0, block: 0.7 },
  PF: { three: 0.26, rebound: 1.35, assist: 0.6, steal: 0.8, block: 1.3 },
  C: { three: 0.08, rebound: 1.8, assist: 0.55, steal: 0.6, block: 2.2 },
};

function makePlayer(
  rng: Rng,
  taken: Set<string>,
  depth: number,
  team: string,
  season: DayRange,
): RosterPlayer {
  const name = makePersonName(rng);
  const position = depth < 5 ? POSITIONS[depth]! : rng.pick(POSITIONS);
  const t = BY_POSITION[position];
  const vary = (x: number): number => Math.max(0.02, x * (0.7 + 0.6 * rng.next()));
  const usage =
    depth < 5 ? 1.0 + rng.next() * 0.9 : depth < 9 ? 0.6 + rng.next() * 0.5 : 0.35 + rng.next() * 0.3;
  const injuries: DayRange[] = [];
  const spells = rng.weighted([0.45, 0.3, 0.17, 0.08]);
  for (let i = 0; i < spells; i++) {
    const from = rng.int(season.from, season.to);
    const len = Math.min(40, Math.round(-Math.log(1 - rng.next()) * 7) + 1);
    injuries.push({ from, to: from + len - 1 });
  }
  return {
    id: playerId(name, taken),
    name,
    display: fullName(name),
    sortKey: sortName(name),
    position,
    age: rng.int(19, 36),
    depth,
    usage,
    three: Math.min(0.9, vary(t.three)),
    rebound: vary(t.rebound),
    assist: vary(t.assist),
    steal: vary(t.steal),
    block: vary(t.block),
    foul: vary(1),
    stints: [{ team, from: season.from, to: Number.POSITIVE_INFINITY }],
    injuries,
  };
}

/** Moves `a` (now on `a`'s team) and `b` (on `b`'s team) to each other's team from `day` on. */
function swap(a: RosterPlayer, b: RosterPlayer, day: number): void {
  const sa = a.stints[a.stints.length - 1]!;
  const sb = b.stints[b.stints.length - 1]!;
  sa.to = day - 1;
  sb.to = day - 1;
  a.stints.push({ team: sb.team, from: day, to: Number.POSITIVE_INFINITY });
  b.stints.push({ team: sa.team, from: day, to: Number.POSITIVE_INFINITY });
}

function makeReferees(): Referee[] {
  const rng = createRng('referees');
  const taken = new Set<string>();
  const refs: Referee[] = [];
  for (let i = 0; i < 64; i++) {
    const name = makePersonName(rng);
    const plain = { ...name, suffix: '' };
    refs.push({ id: refereeId(plain, taken), display: fullName(plain) });
  }
  return refs;
}

let referees: Referee[] | undefined;

export function buildRosters(
  season: number,
  teams: readonly SeasonTeam[],
  cal: SeasonCalendar,
): SeasonRosters {
  const rng = createRng(`rosters:${season}`);
  const taken = new Set<string>();
  const size = season >= 2018 ? 16 : 15;
  const end = cal.bubble ? cal.bubble.window.to : cal.window.to;
  const span: DayRange = { from: cal.window.from, to: end };
  const byTeam = new Map<string, RosterPlayer[]>();
  const players: RosterPlayer[] = [];
  for (const team of teams) {
    const list: RosterPlayer[] = [];
    for (let depth = 0; depth < size; depth++) list.push(makePlayer(rng, taken, depth, team.code, span));
    byTeam.set(team.code, list);
    players.push(...list);
  }

  // Trades: swap players of similar depth between two teams.
  const len = cal.window.to - cal.window.from;
  const deadline = nextWeekday(cal.window.from + Math.round(len * 0.6), 4);
  const december = nextWeekday(cal.window.from + Math.round(len * 0.35), 4);
  const codes = teams.map((t) => t.code);
  const traded = new Set<string>();
  const pickPlayer = (code: string, day: number): RosterPlayer | undefined => {
    const candidates = players.filter(
      (p) => !traded.has(p.id) && p.depth >= 3 && p.depth <= 11 && teamOn(p, day) === code,
    );
    return candidates.length > 0 ? rng.pick(candidates) : undefined;
  };
  // One player traded twice: A -> B in December, B -> C at the deadline.
  const [ta, tb, tc] = rng.shuffle(codes.slice()).slice(0, 3) as [string, string, string];
  const twice = pickPlayer(ta, december);
  const partner1 = pickPlayer(tb, december);
  if (twice && partner1) {
    swap(twice, partner1, december);
    traded.add(partner1.id);
    const partner2 = pickPlayer(tc, deadline);
    if (partner2) {
      swap(twice, partner2, deadline);
      traded.add(partner2.id);
    }
    traded.add(twice.id);
  }
  for (let i = 0; i < 6; i++) {
    const [x, y] = rng.shuffle(codes.slice()).slice(0, 2) as [string, string];
    const a = pickPlayer(x, deadline);
    const b = pickPlayer(y, deadline);
    if (!a || !b) continue;
    swap(a, b, deadline);
    traded.add(a.id);
    traded.add(b.id);
  }

  const everOn = new Map<string, RosterPlayer[]>();
  for (const p of players) {
    for (const s of p.stints) {
      const list = everOn.get(s.team) ?? [];
      if (!list.includes(p)) list.push(p);
      everOn.set(s.team, list);
    }
  }
  for (const list of everOn.values()) list.sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1));
  referees ??= makeReferees();
  return {
    players,
    byId: new Map(players.map((p) => [p.id, p])),
    onTeam: (code, day) => (everOn.get(code) ?? []).filter((p) => teamOn(p, day) === code),
    teamOf: teamOn,
    referees,
    activePerGame: season >= 2006 ? 13 : 12,
  };
}

function teamOn(p: RosterPlayer, day: number): string | undefined {
  for (const s of p.stints) if (s.from <= day && day <= s.to) return s.team;
  return undefined;
}

export function isInjured(p: RosterPlayer, day: number): boolean {
  for (const r of p.injuries) if (r.from <= day && day <= r.to) return true;
  return false;
}
