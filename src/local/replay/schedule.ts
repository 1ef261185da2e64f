/**
 * Regular-season schedule: who plays whom, at whose arena, on which day. Pure functions of a PRNG.
 *
 * Matchups: q full double round-robins (every pair meets twice, once at each arena) plus a
 * circulant extra block (team i hosts i+1 ... i+r/2 in a shuffled order), which gives every team
 * exactly G games and G/2 home games for any team count, odd or even.
 * Days: greedy day by day, busier on Wednesdays and Fridays, never two games for a team on one
 * day nor three days in a row, teams with the most games left first. If games remain at the end
 * of the window the schedule runs on a few days longer (deterministically).
 */
import { weekdayOf } from './dates.ts';
import type { Rng } from './prng.ts';

export interface Matchup {
  /** Team indices. */
  home: number;
  visitor: number;
}

export interface ScheduledMatchup extends Matchup {
  day: number;
}

/** Every pairing of a season for `teamCount` teams and `gamesPerTeam` games each (half at home). */
export function buildMatchups(teamCount: number, gamesPerTeam: number, rng: Rng): Matchup[] {
  const n = teamCount;
  if (gamesPerTeam % 2 !== 0) throw new RangeError(`games per team must be even, got ${gamesPerTeam}`);
  const q = Math.floor(gamesPerTeam / (2 * (n - 1)));
  const half = (gamesPerTeam - 2 * q * (n - 1)) / 2;
  if (half > Math.floor(n / 2)) {
    throw new RangeError(`cannot give ${n} teams ${gamesPerTeam} balanced games each`);
  }
  const games: Matchup[] = [];
  for (let k = 0; k < q; k++) {
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) games.push({ home: a, visitor: b });
  }
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  for (let d = 1; d <= half; d++) {
    for (let i = 0; i < n; i++) games.push({ home: order[i]!, visitor: order[(i + d) % n]! });
  }
  return games;
}

const WEEKDAY_LOAD = [0.85, 0.9, 0.95, 1.35, 0.6, 1.3, 1.05] as const;

export interface DayPlanOptions {
  teamCount: number;
  /** Playable days in order (blackouts already removed). */
  days: readonly number[];
  /** Days with a fixed number of games (opening night, Christmas). */
  fixedLoad?: ReadonlyMap<number, number>;
}

/** Puts every matchup on a day. */
export function assignDays(matchups: readonly Matchup[], opts: DayPlanOptions, rng: Rng): ScheduledMatchup[] {
  const n = opts.teamCount;
  const remaining = new Array<number>(n).fill(0);
  for (const m of matchups) {
    remaining[m.home]!++;
    remaining[m.visitor]!++;
  }
  const lastDay = new Array<number>(n).fill(-1e9);
  const dayBefore = new Array<number>(n).fill(-1e9);
  let pending = rng.shuffle(matchups.slice());
  const out: ScheduledMatchup[] = [];
  const days = opts.days.slice();
  const maxPerDay = Math.floor(n / 2);

  const canPlay = (t: number, day: number, busy: Uint8Array): boolean =>
    busy[t] === 0 && !(lastDay[t] === day - 1 && dayBefore[t] === day - 2);

  for (let k = 0; pending.length > 0; k++) {
    let day: number;
    if (k < days.length) day = days[k]!;
    else {
      day = (days.length > 0 ? days[days.length - 1]! : 0) + 1;
      days.push(day);
      if (k > opts.days.length + 400) throw new Error('could not place every game of the season');
    }
    // Plan to finish a few days early: the last days have the fewest options.
    const daysLeft = Math.max(1, opts.days.length - k - 1);
    const fixed = opts.fixedLoad?.get(day);
    let target: number;
    if (fixed !== undefined) target = fixed;
    else if (k >= opts.days.length) target = maxPerDay;
    else {
      const base = (pending.length / daysLeft) * WEEKDAY_LOAD[weekdayOf(day)]!;
      target = Math.round(base * (0.8 + 0.4 * rng.next()));
    }
    target = Math.max(0, Math.min(maxPerDay, target));
    // Teams that must play often to finish in time go first.
    const pressure = (m: Matchup): number => Math.max(remaining[m.home]!, remaining[m.visitor]!) / daysLeft;
    const ranked = pending
      .map((m, i) => ({
        m,
        i,
        p: pressure(m) * 2 + Math.min(remaining[m.home]!, remaining[m.visitor]!) / daysLeft,
      }))
      .sort((a, b) => b.p - a.p || a.i - b.i);
    const busy = new Uint8Array(n);
    const taken = new Set<number>();
    for (const { m, i } of ranked) {
      if (taken.size >= target) break;
      if (!canPlay(m.home, day, busy) || !canPlay(m.visitor, day, busy)) continue;
      busy[m.home] = 1;
      busy[m.visitor] = 1;
      taken.add(i);
    }
    if (taken.size === 0) continue;
    const next: Matchup[] = [];
    pending.forEach((m, i) => {
      if (!taken.has(i)) {
        next.push(m);
        return;
      }
      out.push({ ...m, day });
      for (const t of [m.home, m.visitor]) {
        remaining[t]!--;
        dayBefore[t] = lastDay[t]!;
        lastDay[t] = day;
      }
    });
    pending = next;
  }
  return out;
}
