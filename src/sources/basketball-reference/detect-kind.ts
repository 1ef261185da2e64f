/**
 * What kind of page an HTML document is, from the page itself.
 *
 * The page's own URLs come first: the `<!-- saved from url=... -->` line of browser-saved pages
 * (the URL really fetched), then `<link rel="canonical">` and `og:url`. Box scores and totals
 * pages give their own URL there. Month schedule pages give their SEASON page as canonical, so
 * `season` (the default page `NBA_<Y>_games.html`) and `schedule` (a month page) are told apart by
 * what the page shows: the default page shows the season's first month, so a page whose current
 * month is the first of its month navigation is `season`, any other month is `schedule`. (The month
 * page of the first month is byte-identical to the default page and is reported as `season`; both
 * parse the same way.) The kind is then confirmed by the table it needs (`table#schedule`,
 * `box-*-game-basic`, `totals_stats`); without URLs the tables alone decide.
 *
 * Null for pages none of the parsers read: the daily scores page (`/boxscores/index.fcgi?...`),
 * season summaries (`/leagues/NBA_<Y>.html`), the 404 page and block pages.
 */
import type { PageKind } from '../source.ts';
import { cleanText } from './cells.ts';
import { textOf } from './dom.ts';
import { contentOf, ownUrls, pageUrls } from './page.ts';
import { isBlockPage, isNotFoundPage } from './page-guards.ts';
import { currentMonthHref, monthLinks, scheduleCaption, scheduleHeading } from './schedule-months.ts';
import { gameIdFromPath, leaguePageKind, monthSlugFromPath } from './urls.ts';

const HAS_SCHEDULE = /<table\b[^>]*\bid="schedule"/;
const HAS_BOX = /<table\b[^>]*\bid="(?:box-[A-Z0-9]+-game-basic|box_[a-z0-9]+_basic)"/;
const HAS_TOTALS = /<table\b[^>]*\bid="totals_stats"/;

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

/** Guesses the kind of page from its content; null when it is none the parsers read. */
export function detectKind(html: string): PageKind | null {
  if (isNotFoundPage(html) || isBlockPage(html)) return null;
  for (const url of ownUrls(pageUrls(html))) {
    if (gameIdFromPath(url) !== undefined) return HAS_BOX.test(html) ? 'boxscore' : null;
    const league = leaguePageKind(url);
    if (league === 'totals') return HAS_TOTALS.test(html) ? 'totals' : null;
    if (league === 'schedule') return HAS_SCHEDULE.test(html) ? 'schedule' : null;
    if (league === 'season') return HAS_SCHEDULE.test(html) ? seasonOrSchedule(html) : null;
    if (league === 'summary') return null;
  }
  if (HAS_BOX.test(html)) return 'boxscore';
  if (HAS_TOTALS.test(html)) return 'totals';
  if (HAS_SCHEDULE.test(html)) return seasonOrSchedule(html);
  return null;
}
