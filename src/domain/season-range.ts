import { UsageError } from '../errors/usage-error.ts';

/** First season the source covers (1946-47, BAA). Seasons are named by the year they end in. */
export const FIRST_SEASON = 1947;

/** The latest season that can have a schedule on a given day: the one starting in the autumn. */
export function latestSeason(today: Date = new Date()): number {
  return today.getUTCMonth() >= 8 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
}

/**
 * Parses season arguments such as `2018`, `2015-2024`, `2018,2020` or `current` (the latest
 * season, see latestSeason) into a sorted list of distinct seasons. Throws one UsageError naming
 * every bad argument.
 */
export function parseSeasons(args: readonly string[], today: Date = new Date()): number[] {
  const last = latestSeason(today);
  const seasons = new Set<number>();
  const problems: string[] = [];
  const parts = args.flatMap((a) => a.split(',')).map((a) => a.trim());
  for (const part of parts) {
    if (part === '') continue;
    if (part.toLowerCase() === 'current') {
      seasons.add(last);
      continue;
    }
    const m = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
    if (!m) {
      problems.push(`"${part}" is not a season (use a year like 2018, a range like 2015-2024, or current)`);
      continue;
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) {
      problems.push(`"${part}" is a range that ends before it starts`);
      continue;
    }
    if (from < FIRST_SEASON || to > last) {
      problems.push(`"${part}" is outside the seasons the source has (${FIRST_SEASON}-${last})`);
      continue;
    }
    for (let y = from; y <= to; y++) seasons.add(y);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  if (seasons.size === 0)
    throw new UsageError('no season given (use a year like 2018 or a range like 2015-2024)');
  return [...seasons].sort((a, b) => a - b);
}

/** `2018` -> `2017-18`, the way the league names seasons. */
export function seasonLabel(season: number): string {
  return `${season - 1}-${String(season).slice(2)}`;
}
