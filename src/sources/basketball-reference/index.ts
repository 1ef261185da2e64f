/**
 * The basketball-reference.com source site: URL builders and pure parsers (no I/O, no queue).
 * `basketballReference` is what the queue uses; `parsePage` is what `nba-scraper parse FILE` uses.
 */
import type { BoxScore } from '../../domain/box-score.ts';
import type { ScheduleGame } from '../../domain/game.ts';
import type { PlayerSeasonTotals } from '../../domain/player-totals.ts';
import type { ScheduleMonth } from '../../domain/season.ts';
import { BlockedError } from '../../errors/blocked-error.ts';
import { PageNotFoundError } from '../../errors/page-not-found-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageKind, SourceSite } from '../source.ts';
import { parseBoxScore } from './box-score-page.ts';
import { detectKind } from './detect-kind.ts';
import { ownUrls, pageUrls } from './page.ts';
import { isBlockPage, isNotFoundPage } from './page-guards.ts';
import { parseSchedule } from './schedule-page.ts';
import { parsePlayerTotals } from './totals-page.ts';
import {
  boxScorePath,
  gameIdFromPath,
  monthSlugFromPath,
  seasonFromPath,
  seasonPath,
  totalsPath,
} from './urls.ts';

export { parseBoxScore } from './box-score-page.ts';
export { detectKind } from './detect-kind.ts';
export { seasonOfDate, seasonOfGameId } from './game-season.ts';
export { isBlockPage, isNotFoundPage } from './page-guards.ts';
export { parseSchedule } from './schedule-page.ts';
export { parsePlayerTotals } from './totals-page.ts';
export {
  absoluteUrl,
  boxScorePath,
  GAME_ID_PATTERN,
  gameIdFromPath,
  isGameId,
  monthPath,
  ORIGIN,
  seasonFromPath,
  seasonPath,
  totalsPath,
} from './urls.ts';

export const basketballReference: SourceSite = {
  id: 'basketball-reference',
  seasonPath,
  boxScorePath,
  totalsPath,
  parseSchedule,
  parseBoxScore,
  parsePlayerTotals,
  gameIdFromPath,
  monthSlugFromPath,
};

/** What `parsePage` found: the kind, the season, and the records of the page. */
export type ParsedPage =
  | {
      kind: 'season' | 'schedule';
      season: number;
      /** The month navigation and the month shown, as in SchedulePage. */
      months: ScheduleMonth[];
      month: string | null;
      records: ScheduleGame[];
    }
  | { kind: 'boxscore'; season: number; records: [BoxScore] }
  | { kind: 'totals'; season: number; records: PlayerSeasonTotals[] };

export interface ParsePageOptions {
  /** Season of a schedule or totals page, when the page does not name it (it always does on the real site). */
  season?: number;
  /** Game id of a box score page, when the page does not name it. */
  gameId?: string;
}

const KINDS: readonly PageKind[] = ['season', 'schedule', 'boxscore', 'totals'];

function pageSeason(html: string, options: ParsePageOptions): number {
  const season =
    options.season ??
    ownUrls(pageUrls(html))
      .map(seasonFromPath)
      .find((s) => s !== undefined);
  if (season === undefined) {
    throw new ParseError(
      'cannot tell the season of this page: its canonical URL names none (pass the season)',
    );
  }
  return season;
}

/**
 * Parses a saved page of any kind the module reads. `kind` defaults to what detectKind guesses;
 * the season and game id come from the page's own URLs unless given. Throws ParseError when the
 * kind cannot be recognised (saying what the page looks like) or the page does not parse.
 */
export function parsePage(html: string, kind?: PageKind, options: ParsePageOptions = {}): ParsedPage {
  if (kind !== undefined && !KINDS.includes(kind)) {
    throw new ParseError(`unknown page kind "${kind}" (use one of ${KINDS.join(', ')})`);
  }
  if (isNotFoundPage(html)) {
    throw new PageNotFoundError('this is the site\'s "Page Not Found (404 error)" page, not content');
  }
  if (isBlockPage(html)) throw new BlockedError('this is a block / rate-limit / captcha page, not content');
  const k = kind ?? detectKind(html);
  if (k === null) {
    const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
    const urls = ownUrls(pageUrls(html));
    throw new ParseError(
      `cannot recognise this page as a season, schedule, box score or totals page of basketball-reference.com ` +
        `(title: ${title ? `"${title}"` : 'none'}; canonical URL: ${urls[0] ?? 'none'}); ` +
        'pass --kind to force one',
    );
  }
  if (k === 'boxscore') {
    const gameId =
      options.gameId ??
      ownUrls(pageUrls(html))
        .map(gameIdFromPath)
        .find((id) => id !== undefined);
    if (gameId === undefined) {
      throw new ParseError('cannot tell the game id of this box score page: its canonical URL names none');
    }
    const box = parseBoxScore(html, gameId);
    return { kind: k, season: box.season, records: [box] };
  }
  const season = pageSeason(html, options);
  if (k === 'totals') return { kind: k, season, records: parsePlayerTotals(html, season) };
  const page = parseSchedule(html, season);
  return { kind: k, season, months: page.months, month: page.month, records: page.games };
}
