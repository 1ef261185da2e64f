/**
 * Rebuilds a season's records from the raw page archive with the current parsers: no network
 * request. Each archived URL's newest page is parsed again and upserted, then the game types the
 * schedule pages did not give are inferred again as the season job does, so running it twice
 * changes nothing and gives what a crawl gives. The tool for applying a parser fix to a site that
 * allows 20 requests a minute.
 */
import { inferGameTypes } from '../domain/game-types.ts';
import { isScraperError } from '../errors/scraper-error.ts';
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';

export interface ReparseResult {
  season: number;
  pages: number;
  /** Records rebuilt, by page kind. */
  schedulePages: number;
  boxScores: number;
  totalsPages: number;
  /** Games whose type the schedule pages did not give and that got an inferred one. */
  gameTypesFilled: number;
  /** Pages that still do not parse, with the reason (code + message). */
  failures: { url: string; reason: string }[];
}

function monthSlugOf(url: string): string | null {
  return /_games-([a-z0-9-]+)\.html$/.exec(new URL(url).pathname)?.[1] ?? null;
}

function gameIdOf(url: string): string | null {
  return /\/boxscores\/(\d{8}0[A-Z]{3})\.html$/.exec(new URL(url).pathname)?.[1] ?? null;
}

export async function reparseSeason(store: Store, site: SourceSite, season: number): Promise<ReparseResult> {
  const result: ReparseResult = {
    season,
    pages: 0,
    schedulePages: 0,
    boxScores: 0,
    totalsPages: 0,
    gameTypesFilled: 0,
    failures: [],
  };
  for await (const page of store.latestRawPages(season)) {
    result.pages++;
    try {
      if (page.kind === 'boxscore') {
        const gameId = gameIdOf(page.url);
        if (!gameId) throw new Error('archived box score URL has no game id');
        await store.upsertBoxScore(site.parseBoxScore(page.body, gameId));
        result.boxScores++;
      } else if (page.kind === 'season' || page.kind === 'schedule') {
        const parsed = site.parseSchedule(page.body, season);
        const slug = parsed.month ?? monthSlugOf(page.url) ?? parsed.months[0]?.slug ?? 'default';
        await store.upsertSchedule(season, slug, parsed.games);
        result.schedulePages++;
      } else if (page.kind === 'totals' && site.parsePlayerTotals) {
        await store.upsertPlayerTotals(season, site.parsePlayerTotals(page.body, season));
        result.totalsPages++;
      }
    } catch (err) {
      const reason = isScraperError(err) ? `${err.code}: ${err.message}` : (err as Error).message;
      result.failures.push({ url: page.url, reason });
    }
  }
  const inferred = inferGameTypes(await store.readSchedule(season));
  if (inferred.size > 0) result.gameTypesFilled = await store.fillGameTypes(season, inferred);
  return result;
}
