/**
 * Paths of basketball-reference.com pages, and the ids and seasons read back out of them.
 * Builders return site-relative paths (`/leagues/NBA_2018_games.html`); readers accept relative
 * hrefs and the absolute `https://www.basketball-reference.com/...` hrefs of browser-saved pages.
 * Seasons are named by the year they end in (2018 = 2017-18).
 */

export const ORIGIN = 'https://www.basketball-reference.com';

/** `YYYYMMDD` + `0` + home team code: `201801010TOR`. */
export const GAME_ID_PATTERN = /^\d{8}0[A-Z]{3}$/;

/** The last season the league was the BAA (1946-47 to 1948-49); its pages are named `BAA_<Y>_...`. */
export const LAST_BAA_SEASON = 1949;

const FIRST_SEASON = 1947;

export function isGameId(value: string): boolean {
  return GAME_ID_PATTERN.test(value);
}

function checkSeason(season: number): void {
  if (!Number.isInteger(season) || season < FIRST_SEASON || season > 9999) {
    throw new RangeError(`${season} is not a season the site has (seasons start at ${FIRST_SEASON})`);
  }
}

const TEAM_CODE = /^[A-Z0-9]{2,4}$/;

function checkGameId(gameId: string): void {
  if (!isGameId(gameId)) {
    throw new RangeError(
      `"${gameId}" is not a basketball-reference game id (YYYYMMDD0XXX, e.g. 201801010TOR)`,
    );
  }
}

/** `NBA`, or `BAA` for the seasons up to 1948-49. */
export function leaguePrefix(season: number): 'NBA' | 'BAA' {
  return season <= LAST_BAA_SEASON ? 'BAA' : 'NBA';
}

/** The season's default schedule page, which shows its first month: `/leagues/NBA_2018_games.html`. */
export function seasonPath(season: number): string {
  checkSeason(season);
  return `/leagues/${leaguePrefix(season)}_${season}_games.html`;
}

/** One month schedule page: `monthPath(2020, 'october-2019')` -> `/leagues/NBA_2020_games-october-2019.html`. */
export function monthPath(season: number, slug: string): string {
  checkSeason(season);
  if (!/^[a-z]+(?:-\d{4})?$/.test(slug)) throw new RangeError(`"${slug}" is not a month page slug`);
  return `/leagues/${leaguePrefix(season)}_${season}_games-${slug}.html`;
}

export function boxScorePath(gameId: string): string {
  checkGameId(gameId);
  return `/boxscores/${gameId}.html`;
}

/** Player season totals page: `/leagues/NBA_2024_totals.html`. */
export function totalsPath(season: number): string {
  checkSeason(season);
  return `/leagues/${leaguePrefix(season)}_${season}_totals.html`;
}

/** Season summary page, whose standings tables list the season's teams: `/leagues/NBA_2024.html`. */
export function seasonSummaryPath(season: number): string {
  checkSeason(season);
  return `/leagues/${leaguePrefix(season)}_${season}.html`;
}

/** A team's season page (roster, team and opponent stats): `teamSeasonPath('GSW', 2023)` -> `/teams/GSW/2023.html`. */
export function teamSeasonPath(team: string, season: number): string {
  checkSeason(season);
  if (!TEAM_CODE.test(team)) throw new RangeError(`"${team}" is not a team code (BOS, GSW, SYR...)`);
  return `/teams/${team}/${season}.html`;
}

/** Advanced player stats page: `/leagues/NBA_2024_advanced.html`. */
export function advancedPath(season: number): string {
  checkSeason(season);
  return `/leagues/${leaguePrefix(season)}_${season}_advanced.html`;
}

/** The draft held at the end of a season: `/draft/NBA_2024.html` (`BAA_1947.html` up to 1949). */
export function draftPath(season: number): string {
  checkSeason(season);
  return `/draft/${leaguePrefix(season)}_${season}.html`;
}

/** A season's awards voting page: `/awards/awards_2024.html`. */
export function awardsPath(season: number): string {
  checkSeason(season);
  return `/awards/awards_${season}.html`;
}

/** Absolute URL of a site path. */
export function absoluteUrl(path: string): string {
  return new URL(path, ORIGIN).href;
}

/**
 * The site path of an href: drops the origin of absolute links (any scheme, with or without `www.`)
 * and the fragment. Returns undefined for links to other hosts.
 */
export function sitePath(href: string): string | undefined {
  const h = href.trim();
  const abs = /^(?:https?:)?\/\/(?:www\.)?basketball-reference\.com(\/[^#]*)?/i.exec(h);
  if (abs) return abs[1] ?? '/';
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(h)) return undefined;
  return h.split('#')[0];
}

/** `/boxscores/201801010TOR.html` (or an absolute URL of it) -> `201801010TOR`. */
export function gameIdFromPath(href: string): string | undefined {
  const m = /\/boxscores\/(\d{8}0[A-Z]{3})\.html(?:$|[?#])/.exec(sitePath(href) ?? '');
  return m?.[1];
}

const LEAGUE_PAGE =
  /\/leagues\/(?:NBA|BAA)_(\d{4})(?:_games(?:-([a-z0-9-]+))?|_totals|_advanced)?\.html(?:$|[?#])/;
const DRAFT_PAGE = /\/draft\/(?:NBA|BAA)_(\d{4})\.html(?:$|[?#])/;
const AWARDS_PAGE = /\/awards\/awards_(\d{4})\.html(?:$|[?#])/;

/** The season (first group) `page` finds in the site path of `href`. */
function seasonIn(page: RegExp, href: string): number | undefined {
  const m = page.exec(sitePath(href) ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Season of a draft page `/draft/NBA_2024.html`, undefined for any other page. */
export function draftSeasonFromPath(href: string): number | undefined {
  return seasonIn(DRAFT_PAGE, href);
}

/** Season of an awards page `/awards/awards_2024.html`, undefined for any other page. */
export function awardsSeasonFromPath(href: string): number | undefined {
  return seasonIn(AWARDS_PAGE, href);
}

/**
 * Season of a page that belongs to one season: league pages (`/leagues/NBA_2018_games-october.html`,
 * `NBA_2018_totals.html`, `NBA_2018_advanced.html`, `NBA_2018.html`), team season pages
 * (`/teams/GSW/2018.html`), drafts (`/draft/NBA_2018.html`) and awards (`/awards/awards_2018.html`).
 */
export function seasonFromPath(href: string): number | undefined {
  return (
    seasonIn(LEAGUE_PAGE, href) ??
    teamFromPath(href)?.season ??
    draftSeasonFromPath(href) ??
    awardsSeasonFromPath(href)
  );
}

/** Month slug of a month schedule page (`october-2019`), undefined for any other page. */
export function monthSlugFromPath(href: string): string | undefined {
  const m = LEAGUE_PAGE.exec(sitePath(href) ?? '');
  return m?.[2];
}

/** Which league page an href names, if any. */
export function leaguePageKind(
  href: string,
): 'season' | 'schedule' | 'totals' | 'advanced' | 'summary' | undefined {
  const path = sitePath(href) ?? '';
  const m = LEAGUE_PAGE.exec(path);
  if (!m) return undefined;
  if (m[2] !== undefined) return 'schedule';
  if (/_games\.html/.test(path)) return 'season';
  if (/_totals\.html/.test(path)) return 'totals';
  if (/_advanced\.html/.test(path)) return 'advanced';
  return 'summary';
}

/** `/teams/CHH/2001.html` -> `{ code: 'CHH', season: 2001 }`. */
export function teamFromPath(href: string): { code: string; season: number } | undefined {
  const m = /\/teams\/([A-Z0-9]{2,4})\/(\d{4})\.html/.exec(sitePath(href) ?? '');
  return m ? { code: m[1]!, season: Number(m[2]) } : undefined;
}

/** `/players/b/bertada01.html` -> `bertada01`. */
export function playerIdFromPath(href: string): string | undefined {
  return /\/players\/[a-z]\/([a-z0-9.'-]+)\.html/.exec(sitePath(href) ?? '')?.[1];
}

/** `/coaches/daignma99c.html` -> `daignma99c`. */
export function coachIdFromPath(href: string): string | undefined {
  return /\/coaches\/([a-z0-9.'-]+)\.html/.exec(sitePath(href) ?? '')?.[1];
}

/** `/referees/malloed99r.html` -> `malloed99r`. */
export function refereeIdFromPath(href: string): string | undefined {
  return /\/referees\/([a-z0-9.'-]+)\.html/.exec(sitePath(href) ?? '')?.[1];
}

/** The calendar date in a game id, ISO: `201801010TOR` -> `2018-01-01`. */
export function dateFromGameId(gameId: string): string {
  checkGameId(gameId);
  return `${gameId.slice(0, 4)}-${gameId.slice(4, 6)}-${gameId.slice(6, 8)}`;
}

/** The home team code in a game id: `201801010TOR` -> `TOR`. */
export function homeCodeFromGameId(gameId: string): string {
  checkGameId(gameId);
  return gameId.slice(9);
}
