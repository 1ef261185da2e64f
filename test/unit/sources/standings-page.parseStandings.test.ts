import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StandingsRow } from '../../../src/domain/standings.ts';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseStandings } from '../../../src/sources/basketball-reference/standings-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const skip = skipWithoutFixtures;

const summary = (season: number) => parseStandings(readFixture(`leagues__NBA_${season}.html`), season);

function groups(rows: readonly StandingsRow[], grouping: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) if (r.grouping === grouping) counts[r.group] = (counts[r.group] ?? 0) + 1;
  return counts;
}

function line(rows: readonly StandingsRow[], grouping: string, team: string): StandingsRow {
  const found = rows.find((r) => r.grouping === grouping && r.team === team);
  assert.ok(found, `${grouping} ${team}`);
  return found;
}

test('2023-24: six divisions and two conferences of 15; the Celtics 64-18', { skip }, () => {
  const rows = summary(2024);
  assert.equal(rows.length, 60);
  assert.deepEqual(groups(rows, 'conference'), { 'Eastern Conference': 15, 'Western Conference': 15 });
  assert.deepEqual(groups(rows, 'division'), {
    'Atlantic Division': 5,
    'Central Division': 5,
    'Southeast Division': 5,
    'Northwest Division': 5,
    'Pacific Division': 5,
    'Southwest Division': 5,
  });
  const celtics: Omit<StandingsRow, 'grouping' | 'group'> = {
    season: 2024,
    team: 'BOS',
    teamName: 'Boston Celtics',
    rank: 1,
    wins: 64,
    losses: 18,
    winLossPct: 0.78,
    gamesBehind: 0, // the page's dash
    pointsPerGame: 120.6,
    opponentPointsPerGame: 109.2,
    srs: 10.75,
    playoffs: true,
    seed: null, // 2024 captures show no seed
  };
  assert.deepEqual(line(rows, 'conference', 'BOS'), {
    ...celtics,
    grouping: 'conference',
    group: 'Eastern Conference',
  });
  assert.deepEqual(line(rows, 'division', 'BOS'), {
    ...celtics,
    grouping: 'division',
    group: 'Atlantic Division',
  });
  const brooklyn = line(rows, 'division', 'BRK');
  assert.deepEqual(
    [brooklyn.rank, brooklyn.wins, brooklyn.losses, brooklyn.gamesBehind, brooklyn.srs, brooklyn.playoffs],
    [4, 32, 50, 32, -3.02, false],
  );
  assert.deepEqual(
    rows.filter((r) => r.grouping === 'division' && r.group === 'Atlantic Division').map((r) => r.team),
    ['BOS', 'NYK', 'PHI', 'BRK', 'TOR'],
  );
});

test('2016-17 (a 2018 capture): seeds and the playoff marker before the seed', { skip }, () => {
  const rows = summary(2017);
  assert.equal(rows.length, 60);
  const bos = line(rows, 'conference', 'BOS');
  assert.deepEqual(
    [bos.teamName, bos.wins, bos.losses, bos.winLossPct, bos.pointsPerGame, bos.srs, bos.playoffs, bos.seed],
    ['Boston Celtics', 53, 29, 0.646, 108, 2.25, true, 1],
  );
  const miami = line(rows, 'conference', 'MIA');
  assert.deepEqual(
    [miami.teamName, miami.rank, miami.gamesBehind, miami.playoffs, miami.seed],
    ['Miami Heat', 9, 12, false, 9],
  );
  // the same team in its division: another rank and games behind, the same seed
  const miamiDivision = line(rows, 'division', 'MIA');
  assert.deepEqual(
    [miamiDivision.group, miamiDivision.gamesBehind, miamiDivision.seed],
    ['Southeast Division', 8, 9],
  );
  assert.equal(rows.filter((r) => r.grouping === 'conference' && r.playoffs).length, 16);
});

test('2019-20: conference and division standings of the bubble season', { skip }, () => {
  const rows = summary(2020);
  assert.equal(rows.length, 60);
  const mil = line(rows, 'conference', 'MIL');
  assert.deepEqual(
    [mil.rank, mil.wins, mil.losses, mil.winLossPct, mil.pointsPerGame, mil.opponentPointsPerGame, mil.srs],
    [1, 56, 17, 0.767, 118.7, 108.6, 9.41],
  );
  assert.equal(line(rows, 'division', 'TOR').rank, 1);
});

test('1999-00 and 1979-80: four divisions, no conference tables', { skip }, () => {
  const y2000 = summary(2000);
  assert.equal(y2000.length, 29);
  assert.ok(y2000.every((r) => r.grouping === 'division' && r.seed === null));
  assert.deepEqual(groups(y2000, 'division'), {
    'Atlantic Division': 7,
    'Central Division': 8,
    'Midwest Division': 7,
    'Pacific Division': 7,
  });
  const mia = y2000[0]!;
  assert.deepEqual(
    [mia.team, mia.wins, mia.losses, mia.winLossPct, mia.gamesBehind, mia.pointsPerGame, mia.srs],
    ['MIA', 52, 30, 0.634, 0, 94.4, 2.75],
  );
  const van = line(y2000, 'division', 'VAN');
  assert.deepEqual(
    [van.teamName, van.wins, van.gamesBehind, van.srs, van.playoffs],
    ['Vancouver Grizzlies', 22, 33, -5.1, false],
  );

  const y1980 = summary(1980);
  assert.equal(y1980.length, 22);
  assert.deepEqual(Object.keys(groups(y1980, 'division')), [
    'Atlantic Division',
    'Central Division',
    'Midwest Division',
    'Pacific Division',
  ]);
  assert.equal(y1980.filter((r) => r.playoffs).length, 12);
  const bos = y1980[0]!;
  assert.deepEqual(
    [bos.team, bos.wins, bos.losses, bos.winLossPct, bos.pointsPerGame, bos.opponentPointsPerGame, bos.srs],
    ['BOS', 61, 21, 0.744, 113.5, 105.7, 7.37],
  );
  const gsw = line(y1980, 'division', 'GSW');
  assert.deepEqual([gsw.group, gsw.rank, gsw.gamesBehind, gsw.srs], ['Pacific Division', 6, 36, -4.2]);
});

const table = (id: string, rows: string) =>
  `<table id="${id}"><thead><tr><th data-stat="team_name">Eastern Conference</th></tr></thead><tbody>${rows}</tbody></table>`;
const teamRow = (code: string, wins: string) =>
  `<tr><th data-stat="team_name"><a href="/teams/${code}/2030.html">Team ${code}</a>*</th><td data-stat="wins">${wins}</td><td data-stat="losses">10</td><td data-stat="gb">&mdash;</td></tr>`;

test('another season, a block page, a missing or empty division table and a bad cell are refused', {
  skip,
}, () => {
  const html = readFixture('leagues__NBA_2024.html');
  assert.throws(
    () => parseStandings(html, 2023),
    (e) => e instanceof ParseError && e.message.includes("2024 season's page, not 2023's"),
  );
  assert.throws(
    () => parseStandings(html.replaceAll('id="divs_standings_', 'id="division_standings_'), 2024),
    (e) =>
      e instanceof ParseError &&
      e.message === 'season summary page has no table#divs_standings_*: the layout changed',
  );
  assert.throws(
    () => parseStandings('<html><head><title>429 error</title></head><body></body></html>', 2024),
    BlockedError,
  );
  const page = (content: string) => syntheticPage({ canonical: '/leagues/NBA_2030.html', content });
  assert.throws(
    () =>
      parseStandings(
        page(table('divs_standings_E', '<tr class="thead"><th>Atlantic Division</th></tr>')),
        2030,
      ),
    EmptyPageError,
  );
  assert.throws(
    () => parseStandings(page(table('divs_standings_E', teamRow('BOS', '50'))), 2030),
    (e) => e instanceof ParseError && e.message.includes('a team before any division row'),
  );
  assert.throws(
    () =>
      parseStandings(
        page(
          table(
            'divs_standings_E',
            `<tr class="thead"><th>Atlantic Division</th></tr>${teamRow('BOS', 'fifty')}`,
          ),
        ),
        2030,
      ),
    (e) => e instanceof ParseError && e.message.includes('row 2 wins: "fifty" is not a number'),
  );
});

test('a table left unclosed in a stray grid cell does not hide the tables after it', () => {
  // the season summary's markup (see source-tables.ts), reduced
  const grid = (id: string, rows: string) =>
    `<div class="data_grid"><tr><td><div>${table(`${id}_E`, rows)}</div></td><td><div><table id="${id}_W"><thead><tr><th data-stat="team_name">Western Conference</th></tr></thead><tbody>${rows}</td></tr></table></div></div></div>`;
  const division = `<tr class="thead"><th>Pacific Division</th></tr>${teamRow('LAL', '60')}`;
  const rows = parseStandings(
    syntheticPage({
      canonical: '/leagues/NBA_2030.html',
      content: `${grid('confs_standings', teamRow('LAL', '60'))}${grid('divs_standings', division)}<p>after</p>`,
    }),
    2030,
  );
  assert.deepEqual(
    rows.map((r) => [r.grouping, r.group, r.team, r.wins, r.playoffs]),
    [
      ['conference', 'Eastern Conference', 'LAL', 60, true],
      ['conference', 'Western Conference', 'LAL', 60, true],
      ['division', 'Pacific Division', 'LAL', 60, true],
      ['division', 'Pacific Division', 'LAL', 60, true],
    ],
  );
});
