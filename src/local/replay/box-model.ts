/**
 * Box score of one generated game, period by period, consistent by construction: each period's
 * team points equal the line score, every made shot, rebound, assist ... belongs to a player
 * who was on the floor in that period, minutes add up to 5 x the period length, plus-minus adds
 * up to 5 x the period margin, and game totals are the sums of the periods.
 */
import { type SeasonCalendar, seasonCalendar } from './calendar.ts';
import { createRng, type Rng } from './prng.ts';
import { isInjured, type Referee, type RosterPlayer, type SeasonRosters } from './rosters.ts';
import type { SeasonGame, SeasonModel } from './season-model.ts';
import type { SeasonTeam } from './teams.ts';

/** Counting stats of one player (or team) in one period or the whole game. */
export interface Line {
  /** Seconds played (team: sum over players). */
  sec: number;
  fg2: number;
  fg2a: number;
  fg3: number;
  fg3a: number;
  ft: number;
  fta: number;
  orb: number;
  drb: number;
  ast: number;
  stl: number;
  blk: number;
  tov: number;
  pf: number;
  pm: number;
}

export interface BoxPlayer {
  player: RosterPlayer;
  starter: boolean;
  /** Did-not-play reason, null when the player played. */
  reason: string | null;
  /** One line per period (quarters then overtimes); null when the player did not play. */
  periods: Line[] | null;
  total: Line | null;
}

export interface BoxTeam {
  team: SeasonTeam;
  /** Starters first, then reserves (who played, then who did not). */
  players: BoxPlayer[];
  inactive: RosterPlayer[];
  periodTotals: Line[];
  total: Line;
}

export interface BoxModel {
  game: SeasonGame;
  visitor: BoxTeam;
  home: BoxTeam;
  officials: Referee[];
}

export function emptyLine(): Line {
  return {
    sec: 0,
    fg2: 0,
    fg2a: 0,
    fg3: 0,
    fg3a: 0,
    ft: 0,
    fta: 0,
    orb: 0,
    drb: 0,
    ast: 0,
    stl: 0,
    blk: 0,
    tov: 0,
    pf: 0,
    pm: 0,
  };
}

export function addLine(into: Line, x: Line): Line {
  into.sec += x.sec;
  into.fg2 += x.fg2;
  into.fg2a += x.fg2a;
  into.fg3 += x.fg3;
  into.fg3a += x.fg3a;
  into.ft += x.ft;
  into.fta += x.fta;
  into.orb += x.orb;
  into.drb += x.drb;
  into.ast += x.ast;
  into.stl += x.stl;
  into.blk += x.blk;
  into.tov += x.tov;
  into.pf += x.pf;
  into.pm += x.pm;
  return into;
}

export function points(l: Line): number {
  return 2 * l.fg2 + 3 * l.fg3 + l.ft;
}

const REASONS = ['Did Not Play', 'Did Not Dress', 'Not With Team'] as const;

/** Splits `total` seconds over weights, at most `cap` each, as integers that add up exactly. */
export function allocateSeconds(weights: readonly number[], total: number, cap: number): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let remaining = total;
  for (;;) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (!fixed[i] && weights[i]! > 0) sum += weights[i]!;
    if (sum <= 0) break;
    const share = remaining / sum;
    let capped = false;
    for (let i = 0; i < n; i++) {
      if (fixed[i] || weights[i]! <= 0) continue;
      if (weights[i]! * share >= cap) {
        out[i] = cap;
        fixed[i] = true;
        remaining -= cap;
        capped = true;
      }
    }
    if (capped) continue;
    for (let i = 0; i < n; i++) if (!fixed[i] && weights[i]! > 0) out[i] = weights[i]! * share;
    break;
  }
  // Integers with the exact total: floor, then hand out the rest by largest remainder.
  const ints = out.map((x) => Math.floor(x));
  let left = total - ints.reduce((a, b) => a + b, 0);
  const order = out
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .filter(({ i }) => weights[i]! > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length) {
    const i = order[k]!.i;
    if (ints[i]! < cap) {
      ints[i]!++;
      left--;
    }
  }
  return ints;
}

/** Distributes `count` events over players drawn by weight. */
function scatter(rng: Rng, count: number, weights: readonly number[], into: Line[], key: keyof Line): void {
  if (count <= 0) return;
  let any = false;
  for (const w of weights) if (w > 0) any = true;
  if (!any) return;
  for (let k = 0; k < count; k++) {
    const i = rng.weighted(weights);
    into[i]![key]++;
  }
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(x)));
}

interface Era {
  p2: number;
  p3: number;
  pft: number;
  ftShare: number;
  threePtsShare: number;
  threeScale: number;
}

function eraOf(cal: SeasonCalendar): Era {
  const t = Math.max(0, Math.min(1, (cal.season - 2000) / 25));
  return {
    p2: 0.475 + 0.07 * t,
    p3: 0.352 + 0.013 * t,
    pft: 0.75 + 0.03 * t,
    ftShare: 0.2 - 0.04 * t,
    threePtsShare: cal.threeShare * 0.9,
    threeScale: cal.threeShare / 0.3,
  };
}

interface TeamPlan {
  team: SeasonTeam;
  rotation: RosterPlayer[];
  dnp: Array<{ player: RosterPlayer; reason: string }>;
  inactive: RosterPlayer[];
  lines: Line[][];
}

function planTeam(
  rng: Rng,
  rosters: SeasonRosters,
  team: SeasonTeam,
  day: number,
  periods: number,
): TeamPlan {
  const roster = rosters.onTeam(team.code, day);
  const inactive: RosterPlayer[] = [];
  let healthy: RosterPlayer[] = [];
  for (const p of roster) {
    if (isInjured(p, day) || rng.chance(0.025)) inactive.push(p);
    else healthy.push(p);
  }
  if (healthy.length < 8) {
    healthy = roster.slice(0, Math.max(8, healthy.length));
    inactive.splice(0, inactive.length, ...roster.filter((p) => !healthy.includes(p)));
  }
  const dressed = healthy.slice(0, rosters.activePerGame);
  for (const p of healthy.slice(rosters.activePerGame)) inactive.push(p);
  inactive.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const size = Math.min(dressed.length, rng.int(9, 11));
  const rotation = dressed.slice(0, size);
  const dnp = dressed.slice(size).map((player) => {
    const r = rng.next();
    return { player, reason: r < 0.9 ? REASONS[0] : r < 0.97 ? REASONS[1] : REASONS[2] };
  });
  return {
    team,
    rotation,
    dnp,
    inactive,
    lines: Array.from({ length: periods }, () => rotation.map(emptyLine)),
  };
}

function minutesFor(rng: Rng, plan: TeamPlan, period: number, margin: number): void {
  const length = period < 4 ? 720 : 300;
  const lines = plan.lines[period]!;
  const weights = plan.rotation.map((p, i) => {
    if (period >= 4) return i < 5 ? 1.2 : i < 7 ? 0.5 : 0;
    const garbage = period === 3 && Math.abs(margin) >= 18;
    if (i < 5) return (1.15 + 0.25 * p.usage) * (garbage ? 0.55 : 1) * (0.85 + 0.3 * rng.next());
    if (i < 8) return 0.55 * (garbage ? 1.6 : 1) * (0.7 + 0.6 * rng.next());
    return rng.chance(garbage ? 0.9 : 0.4) ? 0.3 * (0.6 + 0.8 * rng.next()) : 0;
  });
  let playing = weights.filter((w) => w > 0).length;
  for (let i = 0; playing < 5 && i < weights.length; i++) {
    if (weights[i]! <= 0) {
      weights[i] = 0.3;
      playing++;
    }
  }
  const secs = allocateSeconds(weights, 5 * length, length);
  secs.forEach((s, i) => {
    lines[i]!.sec = s;
  });
}

function shoot(rng: Rng, era: Era, plan: TeamPlan, period: number, pts: number): void {
  const lines = plan.lines[period]!;
  let ft = clampInt(rng.normal(pts * era.ftShare, 1.3), 0, pts);
  let three = clampInt(rng.normal((pts * era.threePtsShare) / 3, 1), 0, Math.floor(pts / 3));
  while (pts - ft - 3 * three < 0) {
    if (three > 0) three--;
    else ft--;
  }
  if ((pts - ft - 3 * three) % 2 !== 0) {
    if (ft > 0 && rng.chance(0.5)) ft--;
    else if (pts - ft - 1 - 3 * three >= 0) ft++;
    else ft--;
  }
  const two = (pts - ft - 3 * three) / 2;
  const miss2 = clampInt(rng.normal((two * (1 - era.p2)) / era.p2, 1.2), 0, 40);
  const miss3 = clampInt(rng.normal((Math.max(three, 1) * (1 - era.p3)) / era.p3, 1.2), 0, 40);
  const missFt = clampInt(rng.normal((ft * (1 - era.pft)) / era.pft, 0.8), 0, 20);
  const on = (p: RosterPlayer, i: number): number => (lines[i]!.sec > 0 ? lines[i]!.sec * p.usage : 0);
  const w3 = plan.rotation.map((p, i) => on(p, i) * Math.min(0.95, p.three * era.threeScale));
  const w2 = plan.rotation.map((p, i) => on(p, i) * (1 - Math.min(0.95, p.three * era.threeScale)));
  const wf = plan.rotation.map((p, i) => on(p, i));
  // Makes go to fg2/fg3/ft, misses are counted in the *a fields first and added below.
  const draws = lines.map(emptyLine);
  scatter(rng, two, w2, draws, 'fg2');
  scatter(rng, miss2, w2, draws, 'fg2a');
  scatter(rng, three, w3, draws, 'fg3');
  scatter(rng, miss3, w3, draws, 'fg3a');
  scatter(rng, ft, wf, draws, 'ft');
  scatter(rng, missFt, wf, draws, 'fta');
  lines.forEach((l, i) => {
    const m = draws[i]!;
    l.fg2 = m.fg2;
    l.fg2a = m.fg2 + m.fg2a;
    l.fg3 = m.fg3;
    l.fg3a = m.fg3 + m.fg3a;
    l.ft = m.ft;
    l.fta = m.ft + m.fta;
  });
}

function sumKey(lines: readonly Line[], key: keyof Line): number {
  let s = 0;
  for (const l of lines) s += l[key];
  return s;
}

function hustle(
  rng: Rng,
  own: TeamPlan,
  opp: TeamPlan,
  period: number,
  ownOrb: number,
  oppOrb: number,
): void {
  const lines = own.lines[period]!;
  const oppLines = opp.lines[period]!;
  const long = period < 4;
  const oppMissFg =
    sumKey(oppLines, 'fg2a') + sumKey(oppLines, 'fg3a') - sumKey(oppLines, 'fg2') - sumKey(oppLines, 'fg3');
  const oppMiss2 = sumKey(oppLines, 'fg2a') - sumKey(oppLines, 'fg2');
  const made = sumKey(lines, 'fg2') + sumKey(lines, 'fg3');
  const drb = Math.max(0, oppMissFg - oppOrb - (rng.chance(0.3) ? 1 : 0));
  const ast = clampInt(rng.normal(made * 0.6, 1), 0, made);
  const oppTov = sumKey(oppLines, 'tov');
  const stl = clampInt(rng.normal(oppTov * 0.55, 0.7), 0, oppTov);
  const blk = clampInt(rng.normal(long ? 1.2 : 0.5, 0.9), 0, oppMiss2);
  const pf = clampInt(rng.normal(long ? 5 : 2.3, 1.5), 0, 15);
  const w = (f: (p: RosterPlayer) => number): number[] =>
    own.rotation.map((p, i) => (lines[i]!.sec > 0 ? lines[i]!.sec * f(p) : 0));
  scatter(
    rng,
    ownOrb,
    w((p) => p.rebound),
    lines,
    'orb',
  );
  scatter(
    rng,
    drb,
    w((p) => p.rebound),
    lines,
    'drb',
  );
  scatter(
    rng,
    ast,
    w((p) => p.assist),
    lines,
    'ast',
  );
  scatter(
    rng,
    stl,
    w((p) => p.steal),
    lines,
    'stl',
  );
  scatter(
    rng,
    blk,
    w((p) => p.block),
    lines,
    'blk',
  );
  scatter(
    rng,
    pf,
    w((p) => p.foul),
    lines,
    'pf',
  );
}

function turnovers(rng: Rng, plan: TeamPlan, period: number): void {
  const lines = plan.lines[period]!;
  const tov = clampInt(rng.normal(period < 4 ? 3.4 : 1.4, 1.3), 0, 12);
  scatter(
    rng,
    tov,
    plan.rotation.map((p, i) => (lines[i]!.sec > 0 ? lines[i]!.sec * (0.5 + p.usage) : 0)),
    lines,
    'tov',
  );
}

function plusMinus(rng: Rng, plan: TeamPlan, period: number, margin: number): void {
  const lines = plan.lines[period]!;
  const length = period < 4 ? 720 : 300;
  const raw = lines.map((l) =>
    l.sec > 0 ? (margin * l.sec) / length + rng.normal(0, 2.2) * (l.sec / length) : 0,
  );
  const target = 5 * margin;
  const onCourt = raw.map((_, i) => i).filter((i) => lines[i]!.sec > 0);
  const shift = (target - raw.reduce((a, b) => a + b, 0)) / Math.max(1, onCourt.length);
  const adjusted = raw.map((x, i) => (lines[i]!.sec > 0 ? x + shift : 0));
  const ints = adjusted.map((x) => Math.round(x));
  let diff = target - ints.reduce((a, b) => a + b, 0);
  const order = onCourt.slice().sort((a, b) => adjusted[b]! - ints[b]! - (adjusted[a]! - ints[a]!) || a - b);
  for (let k = 0; diff !== 0 && order.length > 0; k = (k + 1) % order.length) {
    const i = diff > 0 ? order[k]! : order[order.length - 1 - k]!;
    ints[i]! += Math.sign(diff);
    diff -= Math.sign(diff);
  }
  lines.forEach((l, i) => {
    l.pm = ints[i]!;
  });
}

function finish(plan: TeamPlan): BoxTeam {
  const periods = plan.lines.length;
  const played: BoxPlayer[] = [];
  const benchDnp: BoxPlayer[] = [];
  plan.rotation.forEach((player, i) => {
    const lines = plan.lines.map((p) => p[i]!);
    const total = lines.reduce((acc, l) => addLine(acc, l), emptyLine());
    if (total.sec === 0)
      benchDnp.push({ player, starter: false, reason: REASONS[0], periods: null, total: null });
    else played.push({ player, starter: i < 5, reason: null, periods: lines, total });
  });
  const dnp = plan.dnp.map(({ player, reason }) => ({
    player,
    starter: false,
    reason,
    periods: null,
    total: null,
  }));
  // Reserves who played, most minutes first, as the site orders them.
  const starters = played.filter((p) => p.starter);
  const reserves = played.filter((p) => !p.starter).sort((a, b) => b.total!.sec - a.total!.sec);
  const periodTotals = Array.from({ length: periods }, (_, k) =>
    plan.lines[k]!.reduce((acc, l) => addLine(acc, l), emptyLine()),
  );
  for (const t of periodTotals) t.pm = 0;
  const total = periodTotals.reduce((acc, l) => addLine(acc, l), emptyLine());
  return {
    team: plan.team,
    players: [...starters, ...reserves, ...benchDnp, ...dnp],
    inactive: plan.inactive,
    periodTotals,
    total,
  };
}

/** The box score of a generated game (deterministic for the game id). */
export function generateBoxModel(model: SeasonModel, game: SeasonGame): BoxModel {
  const rng = createRng(`box:${model.season}:${game.gameId}`);
  const cal = seasonCalendar(model.season);
  const era = eraOf(cal);
  const periods = game.lines.home.length;
  const visitor = planTeam(rng, model.rosters, game.visitor, game.day, periods);
  const home = planTeam(rng, model.rosters, game.home, game.day, periods);
  for (let p = 0; p < periods; p++) {
    const vPts = game.lines.visitor[p]!;
    const hPts = game.lines.home[p]!;
    const runningMargin =
      game.lines.home.slice(0, p).reduce((a, b) => a + b, 0) -
      game.lines.visitor.slice(0, p).reduce((a, b) => a + b, 0);
    minutesFor(rng, visitor, p, runningMargin);
    minutesFor(rng, home, p, runningMargin);
    shoot(rng, era, visitor, p, vPts);
    shoot(rng, era, home, p, hPts);
    turnovers(rng, visitor, p);
    turnovers(rng, home, p);
    const orb = (plan: TeamPlan): number => {
      const l = plan.lines[p]!;
      const miss = sumKey(l, 'fg2a') + sumKey(l, 'fg3a') - sumKey(l, 'fg2') - sumKey(l, 'fg3');
      return clampInt(rng.normal(miss * 0.23, 0.8), 0, miss);
    };
    const vOrb = orb(visitor);
    const hOrb = orb(home);
    hustle(rng, visitor, home, p, vOrb, hOrb);
    hustle(rng, home, visitor, p, hOrb, vOrb);
    plusMinus(rng, visitor, p, vPts - hPts);
    plusMinus(rng, home, p, hPts - vPts);
  }
  const refs = rng.shuffle(model.rosters.referees.slice()).slice(0, 3);
  return { game, visitor: finish(visitor), home: finish(home), officials: refs };
}
