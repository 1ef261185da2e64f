/**
 * The basketball-reference.com source site: URL builders and pure parsers (no I/O, no queue).
 * `basketballReference` is what the queue uses; `parsePage` is what `nba-scraper parse FILE` uses.
 */
import type { AwardEntry } from '../../domain/awards.ts';
import type { BoxScore } from '../../domain/box-score.ts';
import type { DraftPick } from '../../domain/draft.ts';
import type { ScheduleGame } from '../../domain/game.ts';
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { PlayerSeasonTotals } from '../../domain/player-totals.ts';
import type { ScheduleMonth } from '../../domain/season.ts';
import type { StandingsRow } from '../../domain/standings.ts';
import type { TeamSeasonPage } from '../../domain/team-season.ts';
import { BlockedError } from '../../errors/blocked-error.ts';
import { PageNotFoundError } from '../../errors/page-not-found-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { PAGE_KINDS, type PageKind, type SourceSite } from '../source.ts';
import { parsePlayerAdvanced } from './advanced-page.ts';
import { parseAwards } from './awards-page.ts';
import { parseBoxScore } from './box-score-page.ts';
import { detectKind } from './detect-kind.ts';
import { parseDraft } from './draft-page.ts';
import { ownUrls, pageUrls, statedGameId, statedSeason } from './page.ts';
import { isBlockPage, isNotFoundPage } from './page-guards.ts';
import { parseSchedule } from './schedule-page.ts';
import { parseStandings, teamsOfSeason } from './standings-page.ts';
import { parseTeamSeason } from './team-season-page.ts';
import { parsePlayerTotals } from './totals-page.ts';
import {
  advancedPath,
  awardsPath,
  boxScorePath,
  draftPath,
  gameIdFromPath,
  monthSlugFromPath,
  seasonPath,
  seasonSummaryPath,
  teamSeasonPath,
  totalsPath,
} from './urls.ts';

export { parsePlayerAdvanced } from './advanced-page.ts';
export { parseAwards } from './awards-page.ts';
export { parseBoxScore } from './box-score-page.ts';
export { detectKind } from './detect-kind.ts';
export { parseDraft } from './draft-page.ts';
export { seasonOfDate, seasonOfGameId } from './game-season.ts';
export { isBlockPage, isNotFoundPage } from './page-guards.ts';
export { parseSchedule } from './schedule-page.ts';
export { parseStandings, teamsOfSeason } from './standings-page.ts';
export { parseTeamSeason } from './team-season-page.ts';
export { parsePlayerTotals } from './totals-page.ts';
export {
  absoluteUrl,
  advancedPath,
  awardsPath,
  boxScorePath,
  draftPath,
  GAME_ID_PATTERN,
  gameIdFromPath,
  isGameId,
  monthPath,
  ORIGIN,
  seasonFromPath,
  seasonPath,
  seasonSummaryPath,
  teamSeasonPath,
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
  summaryPath: seasonSummaryPath,
  parseStandings,
  teamsOfSeason,
  teamSeasonPath,
  parseTeamSeason,
  advancedPath,
  parsePlayerAdvanced,
  draftPath,
  parseDraft,
  awardsPath,
  parseAwards,
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
  | { kind: 'totals'; season: number; records: PlayerSeasonTotals[] }
  | { kind: 'summary'; season: number; records: StandingsRow[] }
  | { kind: 'team'; season: number; records: [TeamSeasonPage] }
  | { kind: 'advanced'; season: number; records: PlayerAdvanced[] }
  | { kind: 'draft'; season: number; records: DraftPick[] }
  | { kind: 'awards'; season: number; records: AwardEntry[] };

export interface ParsePageOptions {
  /** Season of a page that does not name it (every season page of the real site does). */
  season?: number;
  /** Game id of a box score page, when the page does not name it. */
  gameId?: string;
  /** Team code of a team season page, when the page does not name it. */
  team?: string;
}

function pageSeason(html: string, options: ParsePageOptions): number {
  const season = options.season ?? statedSeason(pageUrls(html));
  if (season === undefined) {
    throw new ParseError(
      'cannot tell the season of this page: its canonical URL names none (pass the season)',
    );
  }
  return season;
}

function parseBoxScorePage(html: string, options: ParsePageOptions): ParsedPage {
  const gameId = options.gameId ?? statedGameId(pageUrls(html));
  if (gameId === undefined) {
    throw new ParseError('cannot tell the game id of this box score page: its canonical URL names none');
  }
  const box = parseBoxScore(html, gameId);
  return { kind: 'boxscore', season: box.season, records: [box] };
}

/** A page of one of the season-level kinds (all but box scores and schedules). */
function parseSeasonPage(
  html: string,
  kind: PageKind,
  season: number,
  options: ParsePageOptions,
): ParsedPage {
  switch (kind) {
    case 'totals':
      return { kind, season, records: parsePlayerTotals(html, season) };
    case 'summary':
      return { kind, season, records: parseStandings(html, season) };
    case 'team':
      return { kind, season, records: [parseTeamSeason(html, season, options.team)] };
    case 'advanced':
      return { kind, season, records: parsePlayerAdvanced(html, season) };
    case 'draft':
      return { kind, season, records: parseDraft(html, season) };
    case 'awards':
      return { kind, season, records: parseAwards(html, season) };
    default: {
      const page = parseSchedule(html, season);
      const k = kind === 'season' ? 'season' : 'schedule';
      return { kind: k, season, months: page.months, month: page.month, records: page.games };
    }
  }
}

/**
 * Parses a saved page of any kind the module reads. `kind` defaults to what detectKind guesses;
 * the season, game id and team come from the page's own URLs unless given. Throws ParseError when
 * the kind cannot be recognised (saying what the page looks like) or the page does not parse.
 */
export function parsePage(html: string, kind?: PageKind, options: ParsePageOptions = {}): ParsedPage {
  if (kind !== undefined && !PAGE_KINDS.includes(kind)) {
    throw new ParseError(`unknown page kind "${kind}" (use one of ${PAGE_KINDS.join(', ')})`);
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
      `cannot recognise this page as a page of basketball-reference.com the parsers read (${PAGE_KINDS.join(', ')}) ` +
        `(title: ${title ? `"${title}"` : 'none'}; canonical URL: ${urls[0] ?? 'none'}); ` +
        'pass --kind to force one',
    );
  }
  if (k === 'boxscore') return parseBoxScorePage(html, options);
  return parseSeasonPage(html, k, pageSeason(html, options), options);
}
