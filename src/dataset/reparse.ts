/**
 * Rebuilds a season's records from the raw page archive with the current parsers: no network
 * request. Each archived URL's newest page is parsed again and upserted, then the game types the
 * schedule pages did not give are inferred again as the season job does, so running it twice
 * changes nothing and gives what a crawl gives. The tool for applying a parser fix to a site that
 * allows 20 requests a minute.
 */
import { isScraperError } from '../errors/scraper-error.ts';
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import { fillInferredGameTypes, storeSchedulePage } from './schedule-pages.ts';
import { isSeasonPageKind, SEASON_PAGES } from './season-pages.ts';

export interface ReparseResult {
  season: number;
  pages: number;
  /** Records rebuilt, by page kind. */
  schedulePages: number;
  boxScores: number;
  totalsPages: number;
  /** Season-level pages (standings, team pages, advanced stats, draft, awards) rebuilt. */
  seasonPages: number;
  /** Games whose type the schedule pages did not give and that got an inferred one. */
  gameTypesFilled: number;
  /** Pages that still do not parse, with the reason (code + message). */
  failures: { url: string; reason: string }[];
}

export async function reparseSeason(store: Store, site: SourceSite, season: number): Promise<ReparseResult> {
  const result: ReparseResult = {
    season,
    pages: 0,
    schedulePages: 0,
    boxScores: 0,
    totalsPages: 0,
    seasonPages: 0,
    gameTypesFilled: 0,
    failures: [],
  };
  for await (const page of store.latestRawPages(season)) {
    result.pages++;
    try {
      // Archived URLs are absolute, on whichever host served them: the site reads their path.
      const path = new URL(page.url).pathname;
      if (page.kind === 'boxscore') {
        const gameId = site.gameIdFromPath(path);
        if (!gameId) throw new Error('archived box score URL has no game id');
        await store.upsertBoxScore(site.parseBoxScore(page.body, gameId));
        result.boxScores++;
      } else if (page.kind === 'season' || page.kind === 'schedule') {
        await storeSchedulePage(store, site, season, page.body, site.monthSlugFromPath(path) ?? null);
        result.schedulePages++;
      } else if (page.kind === 'totals' && site.parsePlayerTotals) {
        await store.upsertPlayerTotals(season, site.parsePlayerTotals(page.body, season));
        result.totalsPages++;
      } else if (page.kind !== null && isSeasonPageKind(page.kind)) {
        // The page names its own team: the archive keeps no team apart from the URL.
        await SEASON_PAGES[page.kind].store(store, site, season, page.body, null);
        result.seasonPages++;
      }
    } catch (err) {
      const reason = isScraperError(err) ? `${err.code}: ${err.message}` : (err as Error).message;
      result.failures.push({ url: page.url, reason });
    }
  }
  result.gameTypesFilled = (await fillInferredGameTypes(store, season)).filled;
  return result;
}
