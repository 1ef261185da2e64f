/**
 * What kind of page an HTML document is, from the page itself.
 *
 * The page's own URLs come first: the `<!-- saved from url=... -->` line of browser-saved pages
 * (the URL really fetched), then `<link rel="canonical">` and `og:url`. Box scores, totals,
 * advanced, summary, team, draft and awards pages give their own URL there. Month schedule pages
 * give their SEASON page as canonical, so `season` (the default page `NBA_<Y>_games.html`) and
 * `schedule` (a month page) are told apart by what the page shows: the default page shows the
 * season's first month, so a page whose current month is the first of its month navigation is
 * `season`, any other month is `schedule`. (The month page of the first month is byte-identical to
 * the default page and is reported as `season`; both parse the same way.) The kind is then
 * confirmed by the table it needs (`table#schedule`, `box-*-game-basic`, `totals_stats`,
 * `divs_standings_*`, `roster`, `advanced`, the draft's `stats`, an award table); without URLs
 * the tables alone decide (a team page, whose commented tables include `totals_stats` and
 * `advanced`, is recognised by its roster first).
 *
 * Null for pages none of the parsers read: the daily scores page (`/boxscores/index.fcgi?...`),
 * the 404 page and block pages.
 */
import type { PageKind } from '../source.ts';
import { cleanText } from './cells.ts';
import { textOf } from './dom.ts';
import { contentOf, ownUrls, pageUrls } from './page.ts';
import { isBlockPage, isNotFoundPage } from './page-guards.ts';
import { currentMonthHref, monthLinks, scheduleCaption, scheduleHeading } from './schedule-months.ts';
import {
  awardsSeasonFromPath,
  draftSeasonFromPath,
  gameIdFromPath,
  leaguePageKind,
  monthSlugFromPath,
  teamFromPath,
} from './urls.ts';

const HAS_SCHEDULE = /<table\b[^>]*\bid="schedule"/;
const HAS_BOX = /<table\b[^>]*\bid="(?:box-[A-Z0-9]+-game-basic|box_[a-z0-9]+_basic)"/;
const HAS_TOTALS = /<table\b[^>]*\bid="totals_stats"/;
const HAS_STANDINGS = /<table\b[^>]*\bid="divs_standings_/;
const HAS_ROSTER = /<table\b[^>]*\bid="roster"/;
const HAS_ADVANCED = /<table\b[^>]*\bid="advanced"/;
const HAS_DRAFT = /<table\b[^>]*\bid="stats"[\s\S]{0,3000}?data-stat="pick_overall"/;
const HAS_AWARDS = /<table\b[^>]*\bid="(?:leading_all_\w+|(?:nba_|aba_)?mvp)"/;

/** `season` when the page shows the first month of its navigation, else `schedule`. */
function seasonOrSchedule(html: string): 'season' | 'schedule' {
  const content = contentOf(html);
  if (content === undefined) return 'schedule';
  const links = monthLinks(content);
  const months = links.map((a) => monthSlugFromPath(a.attribs.href ?? '')).filter((s) => s !== undefined);
  const first = months[0];
  if (first === undefined) return 'schedule';
  const current = currentMonthHref(content);
  if (current !== undefined) return monthSlugFromPath(current) === first ? 'season' : 'schedule';
  const caption = cleanText(scheduleCaption(content) || scheduleHeading(content));
  const firstLabel = cleanText(textOf(links[0])).toLowerCase();
  return caption.toLowerCase().startsWith(`${firstLabel} schedule`) ? 'season' : 'schedule';
}

/** The kind a page's own URL names, confirmed by the table it needs; undefined when the URL names none. */
function kindFromUrl(url: string, html: string): PageKind | null | undefined {
  const confirmed = (kind: PageKind, table: RegExp) => (table.test(html) ? kind : null);
  if (gameIdFromPath(url) !== undefined) return confirmed('boxscore', HAS_BOX);
  if (teamFromPath(url) !== undefined) return confirmed('team', HAS_ROSTER);
  if (draftSeasonFromPath(url) !== undefined) return confirmed('draft', HAS_DRAFT);
  if (awardsSeasonFromPath(url) !== undefined) return confirmed('awards', HAS_AWARDS);
  switch (leaguePageKind(url)) {
    case 'totals':
      return confirmed('totals', HAS_TOTALS);
    case 'advanced':
      return confirmed('advanced', HAS_ADVANCED);
    case 'summary':
      return confirmed('summary', HAS_STANDINGS);
    case 'schedule':
      return confirmed('schedule', HAS_SCHEDULE);
    case 'season':
      return HAS_SCHEDULE.test(html) ? seasonOrSchedule(html) : null;
    default:
      return undefined;
  }
}

/** Without a URL of its own: the tables decide, the most specific first. */
const BY_TABLE: readonly [RegExp, PageKind][] = [
  [HAS_BOX, 'boxscore'],
  [HAS_ROSTER, 'team'],
  [HAS_TOTALS, 'totals'],
  [HAS_ADVANCED, 'advanced'],
  [HAS_STANDINGS, 'summary'],
  [HAS_DRAFT, 'draft'],
  [HAS_AWARDS, 'awards'],
];

/** Guesses the kind of page from its content; null when it is none the parsers read. */
export function detectKind(html: string): PageKind | null {
  if (isNotFoundPage(html) || isBlockPage(html)) return null;
  for (const url of ownUrls(pageUrls(html))) {
    const kind = kindFromUrl(url, html);
    if (kind !== undefined) return kind;
  }
  const byTable = BY_TABLE.find(([table]) => table.test(html));
  if (byTable) return byTable[1];
  if (HAS_SCHEDULE.test(html)) return seasonOrSchedule(html);
  return null;
}
