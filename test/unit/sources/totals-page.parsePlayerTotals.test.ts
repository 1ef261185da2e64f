import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlayerSeasonTotals } from '../../../src/domain/player-totals.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parsePlayerTotals } from '../../../src/sources/basketball-reference/totals-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const skip = skipWithoutFixtures;

function rowsOf(rows: readonly PlayerSeasonTotals[], playerId: string, part = 'regular') {
  return rows.filter((r) => r.playerId === playerId && r.part === part);
}

test('2000-01: 537 regular season rows (441 players), 190 playoff rows, no League Average row', {
  skip,
}, () => {
  const rows = parsePlayerTotals(readFixture('leagues__NBA_2001_totals.html'), 2001);
  const regular = rows.filter((r) => r.part === 'regular');
  assert.equal(regular.length, 537);
  assert.equal(rows.length - regular.length, 190);
  assert.equal(new Set(regular.map((r) => r.playerId)).size, 441);
  assert.ok(rows.every((r) => r.season === 2001 && r.name !== 'League Average'));
  assert.deepEqual(regular[0], {
    season: 2001,
    part: 'regular',
    playerId: 'stackje01',
    name: 'Jerry Stackhouse',
    team: 'DET',
    multiTeamSummary: false,
    age: 26,
    position: 'SG',
    stats: {
      games: 80,
      games_started: 80,
      mp: 3215,
      fg: 774,
      fga: 1927,
      fg_pct: 0.4016606124, // the unrounded csk of the ".402" cell
      fg3: 166,
      fg3a: 473,
      fg3_pct: 0.3509513742,
      fg2: 608,
      fg2a: 1454,
      fg2_pct: 0.4181568088,
      efg_pct: 0.4447327452,
      ft: 666,
      fta: 810,
      ft_pct: 0.8222222222,
      orb: 99,
      drb: 216,
      trb: 315,
      ast: 410,
      stl: 97,
      blk: 54,
      tov: 326,
      pf: 160,
      pts: 2380,
      tpl_dbl: 1,
    },
    awards: 'MVP-14,AS',
  });
});

test('2000-01: a traded player has a 2TM summary row, then one partial row per team', { skip }, () => {
  const rows = parsePlayerTotals(readFixture('leagues__NBA_2001_totals.html'), 2001);
  const howard = rowsOf(rows, 'howarju01');
  assert.deepEqual(
    howard.map((r) => [r.team, r.multiTeamSummary, r.stats.games, r.stats.games_started, r.stats.mp]),
    [
      ['2TM', true, 81, 81, 2974],
      ['WAS', false, 54, 54, 1981],
      ['DAL', false, 27, 27, 993],
    ],
  );
  assert.equal(howard[0]!.stats.pts, 1462);
  const overton = rowsOf(rows, 'overtdo01');
  assert.deepEqual(
    overton.map((r) => [r.team, r.stats.games, r.stats.pts]),
    [
      ['3TM', 21, 125],
      ['BOS', 7, 38],
      ['CHH', 2, 4],
      ['NJN', 12, 83],
    ],
  );
  const regular = rows.filter((r) => r.part === 'regular');
  assert.equal(regular.filter((r) => r.team === '2TM').length, 45);
  assert.equal(regular.filter((r) => r.team === '3TM').length, 2);
  // every summary row equals the sum of its team rows
  for (let i = 0; i < regular.length; i++) {
    const summary = regular[i]!;
    if (!summary.multiTeamSummary) continue;
    const teams = Number(summary.team[0]);
    const parts = regular.slice(i + 1, i + 1 + teams);
    assert.ok(
      parts.every((p) => p.playerId === summary.playerId && !p.multiTeamSummary),
      summary.name,
    );
    for (const stat of ['games', 'pts', 'mp', 'trb'] as const) {
      assert.equal(
        parts.reduce((n, p) => n + (p.stats[stat] ?? 0), 0),
        summary.stats[stat],
        `${summary.name} ${stat}`,
      );
    }
  }
});

test('2000-01 playoffs table: empty percentages are null', { skip }, () => {
  const rows = parsePlayerTotals(readFixture('leagues__NBA_2001_totals.html'), 2001);
  const shaq = rowsOf(rows, 'onealsh01', 'playoffs');
  assert.equal(shaq.length, 1);
  assert.deepEqual(
    [
      shaq[0]!.team,
      shaq[0]!.stats.games,
      shaq[0]!.stats.pts,
      shaq[0]!.stats.fg3a,
      shaq[0]!.stats.fg3_pct,
      shaq[0]!.awards,
    ],
    ['LAL', 16, 487, 0, null, 'Finals MVP-1'],
  );
  const iverson = rowsOf(rows, 'iversal01', 'playoffs')[0]!;
  assert.deepEqual([iverson.stats.games, iverson.stats.pts, iverson.stats.ast], [22, 723, 134]);
});

test('2023-24: 735 regular rows (572 players) and 214 playoff rows; 2TM and 3TM players', { skip }, () => {
  const rows = parsePlayerTotals(readFixture('leagues__NBA_2024_totals.html'), 2024);
  const regular = rows.filter((r) => r.part === 'regular');
  assert.equal(regular.length, 735);
  assert.equal(new Set(regular.map((r) => r.playerId)).size, 572);
  assert.equal(rows.length - regular.length, 214);
  const luka = regular[0]!;
  assert.deepEqual(
    [
      luka.playerId,
      luka.name,
      luka.team,
      luka.age,
      luka.position,
      luka.stats.pts,
      luka.stats.tpl_dbl,
      luka.awards,
    ],
    ['doncilu01', 'Luka Dončić', 'DAL', 24, 'PG', 2370, 21, 'MVP-3,CPOY-6,AS,NBA1'],
  );
  assert.deepEqual(
    rowsOf(rows, 'siakapa01').map((r) => [r.team, r.multiTeamSummary, r.stats.games, r.stats.pts]),
    [
      ['2TM', true, 80, 1737],
      ['TOR', false, 39, 865],
      ['IND', false, 41, 872],
    ],
  );
  assert.deepEqual(
    rowsOf(rows, 'flynnma01').map((r) => [r.team, r.stats.games]),
    [
      ['3TM', 69],
      ['TOR', 31],
      ['NYK', 14],
      ['DET', 24],
    ],
  );
  assert.equal(rowsOf(rows, 'siakapa01', 'playoffs')[0]!.stats.pts, 367);
  const lukaPlayoffs = rowsOf(rows, 'doncilu01', 'playoffs')[0]!;
  assert.deepEqual(
    [lukaPlayoffs.stats.games, lukaPlayoffs.stats.pts, lukaPlayoffs.stats.tpl_dbl],
    [22, 635, 7],
  );
  assert.equal(rowsOf(rows, 'brownja02', 'playoffs')[0]!.awards, 'Finals MVP-1');
});

const oldStyle = (rows: string) =>
  syntheticPage({
    canonical: '/leagues/NBA_2001_totals.html',
    content: `<table id="totals_stats"><thead><tr><th data-stat="ranker">Rk</th><th data-stat="player">Player</th></tr></thead><tbody>${rows}</tbody></table>`,
  });

test('2018-era column names (player, team_id, g, gs), TOT rows and repeated thead rows are normalised', () => {
  const row = (team: string, g: number, cls = '') =>
    `<tr${cls}><th data-stat="ranker">31</th><td data-stat="player" data-append-csv="howarju01" csk="Howard,Juwan"><a href="/players/h/howarju01.html">Juwan Howard*</a></td><td data-stat="pos">PF</td><td data-stat="age">27</td><td data-stat="team_id">${team}</td><td data-stat="g">${g}</td><td data-stat="gs">${g}</td><td data-stat="fg_pct">.479</td></tr>`;
  const rows = parsePlayerTotals(
    oldStyle(
      `${row('TOT', 81)}${row('<a href="/teams/WAS/2001.html">WAS</a>', 54)}<tr class="thead"><th data-stat="ranker">Rk</th><td data-stat="player">Player</td></tr>${row('<a href="/teams/DAL/2001.html">DAL</a>', 27)}`,
    ),
    2001,
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.team, r.multiTeamSummary, r.stats]),
    [
      ['Juwan Howard', 'TOT', true, { games: 81, games_started: 81, fg_pct: 0.479 }],
      ['Juwan Howard', 'WAS', false, { games: 54, games_started: 54, fg_pct: 0.479 }],
      ['Juwan Howard', 'DAL', false, { games: 27, games_started: 27, fg_pct: 0.479 }],
    ],
  );
});

test('a missing table, another season, no rows and a bad cell are refused', { skip }, () => {
  const html = readFixture('leagues__NBA_2024_totals.html');
  assert.throws(
    () => parsePlayerTotals(html, 2023),
    (e) => e instanceof ParseError && e.message.includes("2024 season's page, not 2023's"),
  );
  assert.throws(
    () => parsePlayerTotals(html.replaceAll('id="totals_stats"', 'id="totals"'), 2024),
    (e) =>
      e instanceof ParseError &&
      e.message === 'player totals page has no table#totals_stats: the layout changed',
  );
  assert.throws(
    () => parsePlayerTotals(oldStyle(''), 2001),
    (e) => e instanceof EmptyPageError,
  );
  assert.throws(
    () =>
      parsePlayerTotals(
        html.replace('data-stat="pts" ><strong>2370<', 'data-stat="pts" ><strong>2,37O<'),
        2024,
      ),
    (e) => e instanceof ParseError && e.message.includes('("Luka Dončić") pts: "2,37O" is not a number'),
  );
});
