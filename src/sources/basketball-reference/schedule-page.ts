/**
 * Schedule pages: the season default page `/leagues/NBA_<Y>_games.html` (it shows the season's
 * first month) and the month pages `/leagues/NBA_<Y>_games-<slug>.html`. Both have the month
 * navigation and one `table#schedule`.
 *
 * Column variants handled (cells are read by `data-stat`, never by position):
 * - 2024-2026 captures: date, start time, teams, points, box score link, OT, attendance, LOG
 *   (`game_duration`), arena, notes; seasons up to 1999-00 have no start time column;
 * - 2018 captures (incl. browser-saved DOM with absolute links and `now_sortable`): no LOG, no arena,
 *   start times `7:30 pm`.
 *
 * Game type, from the page alone:
 * - `play-in` when the notes say `Play-In Game`;
 * - `playoffs` for rows after a `<tr class="thead">Playoffs</tr>` divider;
 * - `regular` for rows before such a divider;
 * - otherwise null: a page without divider cannot tell (seasons since 2019-20 have none in 2026
 *   captures, and a month of playoff games only never has one). The box score page tells for sure.
 */
import type { GameType, ScheduleGame, TeamRef } from '../../domain/game.ts';
import type { SchedulePage } from '../../domain/season.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody } from '../source.ts';
import { cleanText, parseDate, parseDuration, parseOvertimes, parseStartTime } from './cells.ts';
import { bodyRows, type Element, hasClass, selectFirst, textOf, withId } from './dom.ts';
import { checkSeason, loadPage, ownStrings } from './page.ts';
import { currentMonth, parseMonths } from './schedule-months.ts';
import { type Cell, cellsByStat, cellText, linkHref, numberCell } from './table-cells.ts';
import { boxScorePath, gameIdFromPath, isGameId, teamFromPath } from './urls.ts';

const WHAT = 'schedule page';

/**
 * Parses a season default page or a month schedule page of `season`.
 * Throws ParseError when the page lacks the schedule structure or is another season's page,
 * EmptyPageError when its schedule table lists no game.
 */
export function parseSchedule(html: PageBody, season: number): SchedulePage {
  const { content, urls } = loadPage(html, WHAT);
  checkSeason(urls, season, WHAT);

  const table = selectFirst(content, withId('table', 'schedule'));
  if (table === undefined) throw new ParseError(`${WHAT} has no table#schedule: the layout changed`);
  const months = parseMonths(content, season);
  if (months.length === 0) {
    throw new ParseError(`${WHAT} has no month navigation (div.filter links to *_games-<month>.html)`);
  }

  const games = parseRows(table, season);
  if (games.length === 0) throw new EmptyPageError(`${WHAT} for ${season}: table#schedule lists no game`);
  const month = currentMonth(
    content,
    months,
    games.map((g) => g.date),
  );
  return ownStrings({ season, months, month, games });
}

function parseRows(table: Element, season: number): ScheduleGame[] {
  const rows = bodyRows(table);
  const isDivider = rows.map((tr) => hasClass(tr, 'thead') && cleanText(textOf(tr)) === 'Playoffs');
  const hasDivider = isDivider.includes(true);
  const games: ScheduleGame[] = [];
  let afterDivider = false;
  rows.forEach((tr, i) => {
    if (isDivider[i]) {
      afterDivider = true;
      return;
    }
    if (hasClass(tr, 'thead')) return;
    const phase: GameType | null = hasDivider ? (afterDivider ? 'playoffs' : 'regular') : null;
    games.push(parseRow(tr, i + 1, season, phase));
  });
  return games;
}

function team(cell: Cell | undefined, side: string, where: string): TeamRef {
  const fromHref = teamFromPath(linkHref(cell) ?? '')?.code;
  const fromCsk = /^([A-Z0-9]{2,4})\./.exec(cell?.attribs.csk ?? '')?.[1];
  const code = fromHref ?? fromCsk;
  const name = cellText(cell);
  if (code === undefined || name === '')
    throw new ParseError(`${where}: no ${side} team (link /teams/<CODE>/<season>.html)`);
  return { code, name };
}

function parseRow(row: Element, n: number, season: number, phase: GameType | null): ScheduleGame {
  const where = `${WHAT}, table#schedule row ${n}`;
  const cells = cellsByStat(row);
  const dateCell = cells.get('date_game');
  const date = parseDate(cellText(dateCell));
  if (date === undefined) throw new ParseError(`${where}: date_game "${cellText(dateCell)}" is not a date`);
  const visitor = team(cells.get('visitor_team_name'), 'visitor', where);
  const home = team(cells.get('home_team_name'), 'home', where);

  const boxHref = linkHref(cells.get('box_score_text'));
  const boxId = boxHref === undefined ? undefined : gameIdFromPath(boxHref);
  const csk = dateCell?.attribs.csk?.trim();
  const fromHomeCsk = /\.(\d{8}0[A-Z]{3})$/.exec(cells.get('home_team_name')?.attribs.csk ?? '')?.[1];
  const gameId =
    boxId ??
    (csk && isGameId(csk) ? csk : undefined) ??
    fromHomeCsk ??
    `${date.replace(/-/g, '')}0${home.code}`;
  if (!isGameId(gameId)) throw new ParseError(`${where}: cannot tell the game id (got "${gameId}")`);

  const visitorPoints = numberCell(cells.get('visitor_pts'), `${where} visitor_pts`);
  const homePoints = numberCell(cells.get('home_pts'), `${where} home_pts`);
  const startText = cellText(cells.get('game_start_time'));
  const startTime = parseStartTime(startText);
  if (startTime === undefined) throw new ParseError(`${where}: game_start_time "${startText}" is not a time`);
  const otText = cellText(cells.get('overtimes'));
  const overtimes = parseOvertimes(otText);
  if (overtimes === undefined) throw new ParseError(`${where}: overtimes "${otText}" is not OT, 2OT, ...`);
  const durationText = cellText(cells.get('game_duration'));
  const durationMinutes = parseDuration(durationText);
  if (durationMinutes === undefined)
    throw new ParseError(`${where}: game_duration "${durationText}" is not h:mm`);

  const remarks = cellText(cells.get('game_remarks')) || null;
  const played = visitorPoints !== null && homePoints !== null;
  return {
    gameId,
    season,
    date,
    startTime,
    visitor,
    home,
    visitorPoints,
    homePoints,
    overtimes,
    attendance: numberCell(cells.get('attendance'), `${where} attendance`),
    durationMinutes,
    arena: cellText(cells.get('arena_name')) || null,
    remarks,
    boxScorePath: boxId === undefined ? null : boxScorePath(boxId),
    status: played ? 'final' : 'scheduled',
    gameType: remarks !== null && /\bplay-in\b/i.test(remarks) ? 'play-in' : phase,
  };
}
