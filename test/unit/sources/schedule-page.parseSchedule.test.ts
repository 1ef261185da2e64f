import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScheduleGame } from '../../../src/domain/game.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseSchedule } from '../../../src/sources/basketball-reference/schedule-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';

const skip = skipWithoutFixtures;
const ALL_MONTHS = [
  'october',
  'november',
  'december',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
];

function game(games: readonly ScheduleGame[], gameId: string): ScheduleGame {
  const g = games.find((x) => x.gameId === gameId);
  assert.ok(g, `game ${gameId} not found`);
  return g;
}

function count(games: readonly ScheduleGame[], pred: (g: ScheduleGame) => boolean): number {
  return games.filter(pred).length;
}

test('2000-01 October (2024 capture): 13 games on Oct 31, 2000, every field of one row', { skip }, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2001_games-october.html'), 2001);
  assert.equal(page.season, 2001);
  assert.equal(page.month, 'october');
  assert.deepEqual(
    page.months.map((m) => m.slug),
    ALL_MONTHS,
  );
  assert.deepEqual(page.months[0], {
    slug: 'october',
    label: 'October',
    path: '/leagues/NBA_2001_games-october.html',
  });
  assert.equal(page.games.length, 13);
  assert.ok(page.games.every((g) => g.date === '2000-10-31' && g.season === 2001));
  assert.deepEqual(game(page.games, '200010310ATL'), {
    gameId: '200010310ATL',
    season: 2001,
    date: '2000-10-31',
    startTime: '19:30',
    visitor: { code: 'CHH', name: 'Charlotte Hornets' },
    home: { code: 'ATL', name: 'Atlanta Hawks' },
    visitorPoints: 106,
    homePoints: 82,
    overtimes: 0,
    attendance: 18465,
    durationMinutes: null,
    arena: 'Philips Arena',
    remarks: null,
    boxScorePath: '/boxscores/200010310ATL.html',
    status: 'final',
    gameType: null,
  });
  assert.equal(new Set(page.games.map((g) => g.gameId)).size, 13);
});

test('2000-01 April: the Playoffs divider splits 137 regular season rows from 25 playoff rows', {
  skip,
}, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2001_games-april.html'), 2001);
  assert.equal(page.month, 'april');
  assert.equal(page.games.length, 162);
  assert.equal(
    count(page.games, (g) => g.gameType === 'regular'),
    137,
  );
  assert.equal(
    count(page.games, (g) => g.gameType === 'playoffs'),
    25,
  );
  assert.equal(
    count(page.games, (g) => g.overtimes === 1),
    10,
  );
  const lastRegular = game(page.games, '200104180PHO');
  assert.equal(lastRegular.gameType, 'regular');
  assert.deepEqual(
    [lastRegular.visitor.code, lastRegular.visitorPoints, lastRegular.homePoints],
    ['UTA', 93, 98],
  );
  const firstPlayoff = game(page.games, '200104210PHI');
  assert.equal(firstPlayoff.gameType, 'playoffs');
  assert.equal(firstPlayoff.startTime, '12:30');
  assert.deepEqual(
    [firstPlayoff.visitor.code, firstPlayoff.visitorPoints, firstPlayoff.homePoints],
    ['IND', 79, 78],
  );
  assert.equal(firstPlayoff.attendance, 20613);
  // rows after the divider are all playoffs, none before
  const i = page.games.indexOf(firstPlayoff);
  assert.ok(page.games.slice(0, i).every((g) => g.gameType === 'regular'));
  assert.ok(page.games.slice(i).every((g) => g.gameType === 'playoffs'));
});

test('1979-80 November: no start time column, OT and 2OT, empty attendance, neutral site', { skip }, () => {
  const page = parseSchedule(readFixture('leagues__NBA_1980_games-november.html'), 1980);
  assert.equal(page.month, 'november');
  assert.deepEqual(
    page.months.map((m) => m.slug),
    ['october', 'november', 'december', 'january', 'february', 'march', 'april', 'may'],
  );
  assert.equal(page.games.length, 159);
  assert.ok(page.games.every((g) => g.startTime === null && g.status === 'final'));
  assert.equal(
    count(page.games, (g) => g.overtimes === 1),
    12,
  );
  assert.equal(
    count(page.games, (g) => g.overtimes === 2),
    1,
  );
  assert.equal(
    count(page.games, (g) => g.attendance === null),
    147,
  );
  const twoOt = game(page.games, '197911030IND');
  assert.deepEqual(
    [twoOt.date, twoOt.visitor.name, twoOt.visitorPoints, twoOt.home.name, twoOt.homePoints, twoOt.overtimes],
    ['1979-11-03', 'Philadelphia 76ers', 120, 'Indiana Pacers', 114, 2],
  );
  const stLouis = page.games.filter((g) => g.remarks === 'at St. Louis, MO');
  assert.equal(stLouis.length, 1);
  assert.deepEqual(
    [stLouis[0]!.date, stLouis[0]!.visitor.code, stLouis[0]!.home.name, stLouis[0]!.arena],
    ['1979-11-16', 'CHI', 'Kansas City Kings', 'Checkerdome'],
  );
  const first = game(page.games, '197911010UTA');
  assert.deepEqual(
    [first.visitor.code, first.visitorPoints, first.homePoints, first.arena],
    ['NYK', 134, 118, 'Salt Palace'],
  );
});

test('1999-00 default page shows November (no October that season), Tokyo games', { skip }, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2000_games.html'), 2000);
  assert.equal(page.month, 'november');
  assert.deepEqual(
    page.months.map((m) => m.slug),
    ALL_MONTHS.slice(1),
  );
  assert.equal(page.games.length, 209);
  assert.ok(page.games.every((g) => g.startTime === null));
  const tokyo = page.games.filter((g) => g.remarks === 'at Tokyo, Japan');
  assert.deepEqual(
    tokyo.map((g) => [
      g.gameId,
      g.visitor.code,
      g.visitorPoints,
      g.home.code,
      g.homePoints,
      g.attendance,
      g.arena,
    ]),
    [
      ['199911050SAC', 'MIN', 95, 'SAC', 100, 32623, 'Tokyo Dome'],
      ['199911060MIN', 'SAC', 101, 'MIN', 114, 34013, 'Tokyo Dome'],
    ],
  );
  assert.equal(
    count(page.games, (g) => g.overtimes === 2),
    1,
  );
  assert.equal(
    count(page.games, (g) => g.overtimes === 1),
    7,
  );
  const ot = game(page.games, '199911020DEN');
  assert.deepEqual(
    [ot.visitor.code, ot.visitorPoints, ot.homePoints, ot.overtimes, ot.attendance],
    ['PHO', 102, 107, 1, 19099],
  );
});

test('2006-07 November, browser-saved 2018 DOM: absolute links, "7:30 pm", no arena column, 3OT', {
  skip,
}, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2007_games-november.html'), 2007);
  assert.equal(page.month, 'november');
  assert.equal(page.months[1]!.path, '/leagues/NBA_2007_games-november.html');
  assert.equal(page.games.length, 221);
  assert.ok(page.games.every((g) => g.arena === null && g.durationMinutes === null));
  assert.ok(page.games.every((g) => g.boxScorePath === `/boxscores/${g.gameId}.html`));
  const first = game(page.games, '200611010CHA');
  assert.deepEqual(
    [first.startTime, first.visitor, first.home, first.visitorPoints, first.homePoints, first.attendance],
    [
      '19:00',
      { code: 'IND', name: 'Indiana Pacers' },
      { code: 'CHA', name: 'Charlotte Bobcats' },
      106,
      99,
      18518,
    ],
  );
  const triple = page.games.filter((g) => g.overtimes === 3);
  assert.deepEqual(
    triple.map((g) => [g.gameId, g.visitor.code, g.visitorPoints, g.homePoints, g.startTime, g.attendance]),
    [['200611010MEM', 'NYK', 118, 117, '20:00', 17113]],
  );
  assert.equal(
    count(page.games, (g) => g.overtimes === 1),
    9,
  );
  const neutral = game(page.games, '200611050NOK');
  assert.deepEqual(
    [neutral.home.name, neutral.remarks, neutral.homePoints, neutral.visitorPoints],
    ['New Orleans/Oklahoma City Hornets', 'at New Orleans, LA', 96, 90],
  );
});

test('2017-18 October: 104 games, LOG in minutes, 8:01p start', { skip }, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2018_games-october.html'), 2018);
  assert.equal(page.month, 'october');
  assert.equal(page.games.length, 104);
  assert.equal(
    count(page.games, (g) => g.overtimes === 1),
    2,
  );
  const opener = game(page.games, '201710170CLE');
  assert.deepEqual(
    [
      opener.startTime,
      opener.visitor.code,
      opener.visitorPoints,
      opener.homePoints,
      opener.attendance,
      opener.durationMinutes,
      opener.arena,
    ],
    ['20:01', 'BOS', 99, 102, 20562, 148, 'Quicken Loans Arena'],
  );
  const second = game(page.games, '201710170GSW');
  assert.deepEqual(
    [second.startTime, second.visitor.code, second.visitorPoints, second.homePoints],
    ['22:30', 'HOU', 122, 121],
  );
});

test('2017-18 June: the 3 Finals games; a playoffs-only month has no divider, so gameType is null', {
  skip,
}, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2018_games-june.html'), 2018);
  assert.equal(page.month, 'june');
  assert.deepEqual(
    page.games.map((g) => [
      g.gameId,
      g.visitor.code,
      g.visitorPoints,
      g.home.code,
      g.homePoints,
      g.durationMinutes,
    ]),
    [
      ['201806030GSW', 'CLE', 103, 'GSW', 122, 145],
      ['201806060CLE', 'GSW', 110, 'CLE', 102, 139],
      ['201806080CLE', 'GSW', 108, 'CLE', 85, 139],
    ],
  );
  assert.ok(page.games.every((g) => g.gameType === null));
});

test('2018-19 April captured before the games: 79 scheduled games, no points, no box score', { skip }, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2019_games-april.html'), 2019);
  assert.equal(page.month, 'april');
  // captured in October 2018: the navigation only reached April
  assert.deepEqual(
    page.months.map((m) => m.slug),
    ALL_MONTHS.slice(0, 7),
  );
  assert.equal(page.games.length, 79);
  for (const g of page.games) {
    assert.equal(g.status, 'scheduled');
    assert.equal(g.visitorPoints, null);
    assert.equal(g.homePoints, null);
    assert.equal(g.boxScorePath, null);
    assert.equal(g.attendance, null);
  }
  const g = game(page.games, '201904010BRK');
  assert.deepEqual(
    [g.date, g.startTime, g.visitor.code, g.home.name],
    ['2019-04-01', '19:30', 'MIL', 'Brooklyn Nets'],
  );
});

test('2023-24 April (2026 capture): no divider, 6 Play-In games, 2OT games', { skip }, () => {
  const page = parseSchedule(readFixture('leagues__NBA_2024_games-april.html'), 2024);
  assert.equal(page.month, 'april');
  assert.equal(page.games.length, 157);
  const playIn = page.games.filter((g) => g.gameType === 'play-in');
  assert.deepEqual(
    playIn.map((g) => [g.date, g.visitor.code, g.visitorPoints, g.home.code, g.homePoints]),
    [
      ['2024-04-16', 'LAL', 110, 'NOP', 106],
      ['2024-04-16', 'GSW', 94, 'SAC', 118],
      ['2024-04-17', 'MIA', 104, 'PHI', 105],
      ['2024-04-17', 'ATL', 116, 'CHI', 131],
      ['2024-04-19', 'CHI', 91, 'MIA', 112],
      ['2024-04-19', 'SAC', 98, 'NOP', 105],
    ],
  );
  assert.ok(playIn.every((g) => g.remarks === 'Play-In Game'));
  assert.equal(
    count(page.games, (g) => g.gameType === null),
    151,
  );
  const twoOt = page.games.filter((g) => g.overtimes === 2);
  assert.deepEqual(
    twoOt.map((g) => [g.gameId, g.visitorPoints, g.homePoints, g.durationMinutes, g.arena]),
    [
      ['202404070SAS', 133, 126, 172, 'Frost Bank Center'],
      ['202404090ATL', 117, 111, 155, 'State Farm Arena'],
    ],
  );
  assert.equal(
    count(page.games, (g) => g.overtimes === 1),
    4,
  );
});

test('every schedule fixture: ids valid and unique, dates inside the season, final games have both scores', {
  skip,
}, () => {
  const pages: [string, number][] = [
    ['leagues__NBA_1980_games-november.html', 1980],
    ['leagues__NBA_2000_games.html', 2000],
    ['leagues__NBA_2001_games-october.html', 2001],
    ['leagues__NBA_2001_games-april.html', 2001],
    ['leagues__NBA_2007_games-november.html', 2007],
    ['leagues__NBA_2018_games-october.html', 2018],
    ['leagues__NBA_2018_games-june.html', 2018],
    ['leagues__NBA_2019_games-april.html', 2019],
    ['leagues__NBA_2024_games-april.html', 2024],
  ];
  for (const [file, season] of pages) {
    const { games } = parseSchedule(readFixture(file), season);
    assert.equal(new Set(games.map((g) => g.gameId)).size, games.length, file);
    for (const g of games) {
      assert.match(g.gameId, /^\d{8}0[A-Z]{3}$/, file);
      assert.equal(g.gameId.slice(0, 8), g.date.replace(/-/g, ''), `${file} ${g.gameId}`);
      assert.equal(g.gameId.slice(9), g.home.code, `${file} ${g.gameId}`);
      assert.ok(g.date > `${season - 1}-09-01` && g.date < `${season}-09-01`, `${file} ${g.date}`);
      assert.equal(
        g.status === 'final',
        g.visitorPoints !== null && g.homePoints !== null,
        `${file} ${g.gameId}`,
      );
      assert.notEqual(g.visitor.code, g.home.code);
    }
  }
});

test('a page of another season, a page without table#schedule, and an empty schedule are refused', {
  skip,
}, () => {
  const april = readFixture('leagues__NBA_2001_games-april.html');
  assert.throws(
    () => parseSchedule(april, 2002),
    (e) => e instanceof ParseError && /2001 season's page, not 2002/.test(e.message),
  );
  const noTable = april.replace('id="schedule"', 'id="schedule_renamed"');
  assert.throws(
    () => parseSchedule(noTable, 2001),
    (e) => e instanceof ParseError && e.code === 'ERR_PARSE' && e.message.includes('no table#schedule'),
  );
  // the page never closes its tbody: cut from <tbody> to </table>
  const empty = april.replace(/<tbody>[\s\S]*?<\/table>/, '<tbody></tbody></table>');
  assert.throws(
    () => parseSchedule(empty, 2001),
    (e) => e instanceof EmptyPageError && e.code === 'ERR_EMPTY_PAGE' && e.message.includes('lists no game'),
  );
  const noNav = april.replace(/<div class="filter">/, '<div class="filter_gone">');
  assert.throws(
    () => parseSchedule(noNav, 2001),
    (e) => e instanceof ParseError && e.message.includes('month navigation'),
  );
});

test('a row whose cells are not what the column says is a ParseError naming the row and column', {
  skip,
}, () => {
  const html = readFixture('leagues__NBA_2001_games-october.html').replace(
    'data-stat="visitor_pts" >106<',
    'data-stat="visitor_pts" >10b<',
  );
  assert.throws(
    () => parseSchedule(html, 2001),
    (e) =>
      e instanceof ParseError && /table#schedule row \d+ visitor_pts: "10b" is not a number/.test(e.message),
  );
});
