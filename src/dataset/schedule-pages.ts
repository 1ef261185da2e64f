/**
 * Storing a season's schedule, the same way for a crawl (the season job) and for a rebuild from
 * the raw archive (reparse): a schedule page's games go under the page's month slug, and once the
 * whole schedule is stored the game types the pages did not give are inferred from it.
 */
import type { ScheduleGame } from '../domain/game.ts';
import { inferGameTypes } from '../domain/game-types.ts';
import type { SchedulePage } from '../domain/season.ts';
import type { PageBody, SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';

export interface StoredSchedulePage extends SchedulePage {
  /** The month slug the games were stored under. */
  slug: string;
}

/**
 * Parses a season default page or a month page and upserts its games. The slug is the month the
 * page was fetched as (`knownSlug`, from its URL or the month navigation), else the month the page
 * says it shows, else the first month of its navigation (a season default page).
 */
export async function storeSchedulePage(
  store: Store,
  site: SourceSite,
  season: number,
  html: PageBody,
  knownSlug: string | null,
): Promise<StoredSchedulePage> {
  const parsed = site.parseSchedule(html, season);
  const slug = knownSlug ?? parsed.month ?? parsed.months[0]?.slug ?? 'default';
  await store.upsertSchedule(season, slug, parsed.games);
  return { ...parsed, slug };
}

/**
 * Infers the types the schedule pages did not give (domain/game-types.ts) from the season's whole
 * stored schedule (`schedule` when the caller has just read it) and fills them in, never
 * overwriting a known type. Returns how many were inferred and how many rows changed.
 */
export async function fillInferredGameTypes(
  store: Store,
  season: number,
  schedule?: readonly ScheduleGame[],
): Promise<{ inferred: number; filled: number }> {
  const inferred = inferGameTypes(schedule ?? (await store.readSchedule(season)));
  if (inferred.size === 0) return { inferred: 0, filled: 0 };
  return { inferred: inferred.size, filled: await store.fillGameTypes(season, inferred) };
}
