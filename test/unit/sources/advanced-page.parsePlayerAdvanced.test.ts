import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlayerAdvanced } from '../../../src/domain/player-advanced.ts';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { NetworkError } from '../../../src/errors/network-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parsePlayerAdvanced } from '../../../src/sources/basketball-reference/advanced-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const skip = skipWithoutFixtures;

function rowsOf(rows: readonly PlayerAdvanced[], playerId: string, part = 'regular') {
  return rows.filter((r) => r.playerId === playerId && r.part === part);
}

function counts(rows: readonly PlayerAdvanced[]) {
  const regular = rows.filter((r) => r.part === 'regular');
  return {
    regular: regular.length,
    players: new Set(regular.map((r) => r.playerId)).size,
    summaries: regular.filter((r) => r.multiTeamSummary).length,
    playoffs: rows.length - regular.length,
  };
}

test('2023-24: every row at full precision from csk, rates shown as percentages as fractions', {
  skip,
}, () => {
  const rows = parsePlayerAdvanced(readFixture('leagues__NBA_2024_advanced.html'), 2024);
  assert.deepEqual(counts(rows), { regular: 735, players: 572, summaries: 78, playoffs: 214 });
  assert.ok(rows.every((r) => r.season === 2024 && r.name !== 'League Average'));
  assert.deepEqual(rows[0], {
    season: 2024,
    part: 'regular',
    playerId: 'derozde01',
    name: 'DeMar DeRozan',
    team: 'CHI',
    multiTeamSummary: false,
    age: 34,
    position: 'SF',
    stats: {
      games: 79,
      games_started: 79,
      mp: 2989,
      per: 19.659498, // csk 19.6594980000000000 behind "19.7"
      ts_pct: 0.5839510429,
      fg3a_per_fga_pct: 0.1660516605,
      fta_per_fga_pct: 0.4516605166,
      orb_pct: 0.01577141, // shown "1.6"
      drb_pct: 0.11325154,
      trb_pct: 0.06356407,
      ast_pct: 0.21823681,
      stl_pct: 0.01501089,
      blk_pct: 0.01544163,
      tov_pct: 0.0767359374,
      usg_pct: 0.25832816,
      ows: 6.972777,
      dws: 2.180363,
      ws: 9.15314,
      ws_per_48: 0.146989200401472,
      obpm: 2.095789,
      dbpm: -0.297659,
      bpm: 1.79813,
      vorp: 2.814043,
    },
  });
  assert.deepEqual(
    rowsOf(rows, 'siakapa01').map((r) => [
      r.team,
      r.multiTeamSummary,
      r.stats.games,
      r.stats.mp,
      r.stats.per,
    ]),
    [
      ['2TM', true, 80, 2657, Number('19.7213577960105382')], // the csk as written
      ['TOR', false, 39, 1354, 18.815047],
      ['IND', false, 41, 1303, 20.663142],
    ],
  );
  assert.deepEqual(
    rowsOf(rows, 'siakapa01', 'playoffs').map((r) => [r.team, r.stats.games, r.stats.per]),
    [['IND', 17, 20.739793]],
  );
});

test('1989-90: the full column set of the era, multi-team and partial rows', { skip }, () => {
  const rows = parsePlayerAdvanced(readFixture('leagues__NBA_1990_advanced.html'), 1990);
  assert.deepEqual(counts(rows), { regular: 459, players: 381, summaries: 38, playoffs: 186 });
  const mccray = rows[0]!;
  assert.deepEqual(
    [
      mccray.playerId,
      mccray.team,
      mccray.stats.games,
      mccray.stats.mp,
      mccray.stats.usg_pct,
      mccray.stats.tov_pct,
    ],
    ['mccraro01', 'SAC', 82, 3238, 0.18252953, 0.1269961755],
  );
  assert.deepEqual(
    [mccray.stats.fg3a_per_fga_pct, mccray.stats.ws_per_48, mccray.stats.vorp],
    [0.0402684564, 0.1177042569487338, 3.290592],
  );
});

test('1973-74: no usg_pct or 3PAr columns, empty tov_pct and games started are null', { skip }, () => {
  const rows = parsePlayerAdvanced(readFixture('leagues__NBA_1974_advanced.html'), 1974);
  assert.deepEqual(counts(rows), { regular: 245, players: 222, summaries: 11, playoffs: 89 });
  const hayes = rows[0]!;
  assert.deepEqual(
    [hayes.playerId, hayes.name, hayes.team, hayes.age, hayes.position, hayes.stats.games, hayes.stats.mp],
    ['hayesel01', 'Elvin Hayes', 'CAP', 28, 'PF', 81, 3602],
  );
  assert.deepEqual(
    [hayes.stats.games_started, hayes.stats.tov_pct, hayes.stats.per, hayes.stats.orb_pct, hayes.stats.ws],
    [null, null, 18.174193, 0.09231323, 10.621427],
  );
  assert.equal('usg_pct' in hayes.stats || 'fg3a_per_fga_pct' in hayes.stats, false);
  assert.deepEqual(
    rowsOf(rows, 'walkeji01').map((r) => [r.team, r.multiTeamSummary, r.stats.games, r.stats.mp]),
    [
      ['2TM', true, 75, 2958],
      ['HOU', false, 3, 38],
      ['KCO', false, 72, 2920],
    ],
  );
  const havlicek = rows.find((r) => r.part === 'playoffs')!;
  assert.deepEqual(
    [havlicek.playerId, havlicek.team, havlicek.stats.games, havlicek.stats.mp],
    ['havlijo01', 'BOS', 18, 811],
  );
});

const page = (rows: string) =>
  syntheticPage({
    canonical: '/leagues/NBA_2030_advanced.html',
    content: `<table id="advanced"><tbody>${rows}</tbody></table>`,
  });
const row = (cells: string) =>
  `<tr><td data-stat="name_display" data-append-csv="doejo01">John Doe</td><td data-stat="team_name_abbr">BOS</td>${cells}</tr>`;

test('a rate shown as a percentage without its csk is still a fraction', () => {
  const [doe] = parsePlayerAdvanced(
    page(
      row('<td data-stat="orb_pct">11.3</td><td data-stat="ts_pct">.584</td><td data-stat="per">19.7</td>'),
    ),
    2030,
  );
  assert.deepEqual(doe!.stats, { orb_pct: 0.113, ts_pct: 0.584, per: 19.7 });
});

test('another season, a missing or empty table, a truncated body and a block page are refused', {
  skip,
}, () => {
  const html = readFixture('leagues__NBA_1990_advanced.html');
  assert.throws(
    () => parsePlayerAdvanced(html, 1991),
    (e) => e instanceof ParseError && e.message.includes("1990 season's page, not 1991's"),
  );
  assert.throws(
    () => parsePlayerAdvanced(html.replace('id="advanced"', 'id="adv"'), 1990),
    (e) =>
      e instanceof ParseError &&
      e.message === 'advanced stats page has no table#advanced: the layout changed',
  );
  assert.throws(() => parsePlayerAdvanced(page(''), 2030), EmptyPageError);
  assert.throws(() => parsePlayerAdvanced(html.slice(0, html.length / 2), 1990), NetworkError);
  assert.throws(
    () => parsePlayerAdvanced('<html><head><title>429 error</title></head><body></body></html>', 1990),
    BlockedError,
  );
});
