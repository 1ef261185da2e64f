/**
 * A team season page `/teams/<TEAM>/<Y>.html`: the roster (`table#roster`, live, required), the
 * team's and its opponents' stats (`table#team_and_opponent`, commented, required) and the team's
 * ratings (`table#team_misc`, commented; null without it). Read by team-roster.ts and
 * team-stats.ts. The team's name comes from the title (`2022-23 Golden State Warriors Roster and
 * Stats | Basketball-Reference.com`), else from the `h1`.
 *
 * Some saved team pages had their line endings rewritten (CR CR LF): only the parsed text sees
 * them, and every text read is whitespace-folded.
 */
import type { TeamSeasonPage } from '../../domain/team-season.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody } from '../source.ts';
import { cleanText } from './cells.ts';
import { findTable } from './commented-tables.ts';
import { childElements, type Element, is, selectFirst, textOf } from './dom.ts';
import { checkSeason, loadPage, ownStrings, type PageUrls, statedTeam } from './page.ts';
import { parseRoster } from './team-roster.ts';
import { parseTeamRatings, parseTeamStats } from './team-stats.ts';

const WHAT = 'team season page';

/** The team the page's own URLs name, checked against `team` when given. */
function pageTeam(urls: PageUrls, team: string | undefined): string {
  const stated = statedTeam(urls);
  if (team !== undefined && stated !== undefined && stated !== team) {
    throw new ParseError(`${WHAT} is ${stated}'s page, not ${team}'s`);
  }
  const code = team ?? stated;
  if (code === undefined) throw new ParseError(`cannot tell the team of this ${WHAT}: its URL names none`);
  return code;
}

/** `2022-23 Golden State Warriors Roster and Stats | ...` -> `Golden State Warriors`; else the h1's second span. */
function teamName(title: string, content: Element): string {
  const fromTitle = /^\d{4}-\d{2}\s+(.+?)\s+Roster and Stats\b/.exec(title)?.[1];
  if (fromTitle) return cleanText(fromTitle);
  const h1 = selectFirst(content, is('h1'));
  const spans = h1 ? childElements(h1, is('span')) : [];
  const fromH1 = cleanText(textOf(spans[1]));
  if (fromH1 === '') throw new ParseError(`${WHAT} names no team in its title or h1: the layout changed`);
  return fromH1;
}

function requiredTable(content: Element, id: string): Element {
  const found = findTable(content, id);
  if (!found) throw new ParseError(`${WHAT} has no table#${id}: the layout changed`);
  return found.table;
}

/**
 * The roster, stats and ratings of `team`'s `season` (the team defaults to the one the page's URL
 * names). Throws ParseError when the page is another season's or team's, or lacks `table#roster`
 * or `table#team_and_opponent` or the latter's team rows; EmptyPageError when the roster lists no
 * player.
 */
export function parseTeamSeason(html: PageBody, season: number, team?: string): TeamSeasonPage {
  const { content, urls, title } = loadPage(html, WHAT);
  checkSeason(urls, season, WHAT);
  const code = pageTeam(urls, team);
  const roster = parseRoster(requiredTable(content, 'roster'), season, code, WHAT);
  if (roster.length === 0)
    throw new EmptyPageError(`${WHAT} for ${code} ${season}: table#roster lists no player`);
  const stats = parseTeamStats(requiredTable(content, 'team_and_opponent'), season, code, WHAT);
  if (stats.length === 0) {
    throw new ParseError(`${WHAT}: table#team_and_opponent has no Team or Opponent row: the layout changed`);
  }
  const misc = findTable(content, 'team_misc');
  const ratings = misc ? parseTeamRatings(misc.table, WHAT) : null;
  return ownStrings({ season, team: code, teamName: teamName(title(), content), roster, stats, ratings });
}
