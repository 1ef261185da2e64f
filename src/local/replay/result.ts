/**
 * Final score of one game, period by period: four quarters, then overtimes while tied.
 * Expected points follow the era's scoring level, the teams' strength and home court; about 6%
 * of games go to overtime, a few to 2OT or 3OT, at most 4OT.
 */
import type { Rng } from './prng.ts';

export interface LineScores {
  visitor: number[];
  home: number[];
}

export interface ResultInputs {
  pointsPerGame: number;
  homeAdvantage: number;
  homeRating: number;
  visitorRating: number;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function simulateLineScores(inputs: ResultInputs, rng: Rng): LineScores {
  const edge = (inputs.homeRating - inputs.visitorRating + inputs.homeAdvantage) / 2;
  const homeMean = (inputs.pointsPerGame + edge) / 4;
  const visitorMean = (inputs.pointsPerGame - edge) / 4;
  const quarter = (mean: number): number => Math.round(clamp(rng.normal(mean, 4.3), 12, 48));
  const home = [quarter(homeMean), quarter(homeMean), quarter(homeMean), quarter(homeMean)];
  const visitor = [quarter(visitorMean), quarter(visitorMean), quarter(visitorMean), quarter(visitorMean)];
  // Close games end level a little more often than independent quarters suggest.
  const diff = sum(home) - sum(visitor);
  if (diff !== 0 && Math.abs(diff) <= 5 && rng.chance(0.035 / 0.3)) {
    if (diff > 0) visitor[3]! += diff;
    else home[3]! -= diff;
  }
  while (sum(home) === sum(visitor)) {
    const ot = home.length - 3;
    let h = Math.round(clamp(rng.normal(10.5, 3.2), 2, 22));
    const v = Math.round(clamp(rng.normal(10.5, 3.2), 2, 22));
    if (ot >= 4 && h === v) h += rng.int(1, 4);
    home.push(h);
    visitor.push(v);
  }
  return { visitor, home };
}

export function total(line: readonly number[]): number {
  return sum(line);
}
