/**
 * Store.replaceSeasonRows on both stores, with the same writes: a scope's rows replace what the
 * scope held and nothing else (one team's roster leaves another team's alone; the regular season
 * leaves the playoffs alone), writing the same rows twice stores them once, a row outside the
 * write's scope is refused with StoreError and changes nothing, and both stores read back the
 * same rows in the table's order.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { PlayerAdvanced } from '../../../src/domain/player-advanced.ts';
import type { StandingsRow } from '../../../src/domain/standings.ts';
import type { TeamSeasonPage } from '../../../src/domain/team-season.ts';
import { StoreError } from '../../../src/errors/store-error.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Row, TableName } from '../../../src/store/rows.ts';
import { playerAdvancedRows, standingsRows, teamSeasonRows } from '../../../src/store/season-tables.ts';
import type { Store } from '../../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/pg-database.ts';

const standing = (team: string, rank: number, wins: number): StandingsRow => ({
  season: 2024,
  grouping: 'division',
  group: 'Atlantic Division',
  team,
  teamName: `${team} name`,
  rank,
  wins,
  losses: 82 - wins,
  winLossPct: wins / 82,
  gamesBehind: rank === 1 ? 0 : 64 - wins,
  pointsPerGame: 110.5,
  opponentPointsPerGame: 108.25,
  srs: rank === 1 ? 10.75 : -1.5,
  playoffs: rank === 1,
  seed: rank === 1 ? 1 : null,
});

const teamPage = (team: string, players: string[]): TeamSeasonPage => ({
  season: 2024,
  team,
  teamName: `${team} name`,
  roster: players.map((id, i) => ({
    season: 2024,
    team,
    playerId: id,
    name: `Player ${id}`,
    number: i === 0 ? '00' : String(i),
    position: 'G',
    heightInches: 78 + i,
    weightPounds: 200 + i,
    birthDate: '2000-01-31',
    country: 'US',
    experience: i,
    college: i === 0 ? null : 'Duke',
  })),
  stats: [
    { season: 2024, team, side: 'team', basis: 'total', stats: { g: 82, pts: 9000, fg_pct: 0.475 } },
    { season: 2024, team, side: 'opponent', basis: 'per_game', stats: { g: 82, pts: 108.4 } },
  ],
  ratings: { wins: 50, losses: 32, off_rtg: 118.2, pace: 99.1 },
});

const advanced = (part: 'regular' | 'playoffs', ids: string[]): PlayerAdvanced[] =>
  ids.map((id) => ({
    season: 2024,
    part,
    playerId: id,
    name: `Player ${id}`,
    team: 'BOS',
    multiTeamSummary: false,
    age: 25,
    position: 'SF',
    stats: { games: 70, games_started: 70, mp: 2400, per: 18.174193, ws_per_48: -0.007, vorp: 2.5 },
  }));

async function rowsOf(store: Store, table: TableName, season = 2024): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const r of store.readRows(table, season)) rows.push(r);
  return rows;
}

/** The writes and checks, the same for both stores; returns what the store holds at the end. */
async function exercise(store: Store): Promise<Record<string, Row[]>> {
  // standings: the season's scope; written twice, stored once.
  const standings = standingsRows([standing('NYK', 2, 50), standing('BOS', 1, 64)]);
  await store.replaceSeasonRows('standings', { season: 2024 }, standings);
  await store.replaceSeasonRows('standings', { season: 2024 }, standings);
  const stored = await rowsOf(store, 'standings');
  assert.deepEqual(
    stored.map((r) => [r.team, r.rank, r.wins, r.games_behind, r.playoffs, r.seed]),
    [
      ['BOS', 1, 64, 0, true, 1],
      ['NYK', 2, 50, 14, false, null],
    ],
    'in the table order (rank), once',
  );
  assert.equal(stored[0]!.srs, 10.75);
  // A page that lists one team fewer removes it.
  await store.replaceSeasonRows('standings', { season: 2024 }, standingsRows([standing('BOS', 1, 64)]));
  assert.deepEqual(
    (await rowsOf(store, 'standings')).map((r) => r.team),
    ['BOS'],
  );

  // rosters and team stats: one team's scope leaves the other team alone.
  for (const page of [teamPage('BOS', ['tatumja01', 'brownja02']), teamPage('NYK', ['brunsja01'])]) {
    const rows = teamSeasonRows(page);
    await store.replaceSeasonRows('rosters', { season: 2024, team: page.team }, rows.rosters);
    await store.replaceSeasonRows(
      'team_season_stats',
      { season: 2024, team: page.team },
      rows.team_season_stats,
    );
  }
  const traded = teamSeasonRows(teamPage('BOS', ['tatumja01']));
  await store.replaceSeasonRows('rosters', { season: 2024, team: 'BOS' }, traded.rosters);
  const rosters = await rowsOf(store, 'rosters');
  assert.deepEqual(
    rosters.map((r) => [r.team, r.player_id]),
    [
      ['BOS', 'tatumja01'],
      ['NYK', 'brunsja01'],
    ],
  );
  assert.deepEqual(
    [
      rosters[0]!.number,
      rosters[0]!.height_in,
      rosters[0]!.weight_lb,
      rosters[0]!.birth_date,
      rosters[0]!.college,
    ],
    ['00', 78, 200, '2000-01-31', null],
  );
  const stats = await rowsOf(store, 'team_season_stats');
  assert.deepEqual(
    stats.map((r) => [r.team, r.side, r.basis, r.pts, r.off_rtg]),
    [
      ['BOS', 'opponent', 'per_game', 108.4, null],
      ['BOS', 'team', 'total', 9000, 118.2],
      ['NYK', 'opponent', 'per_game', 108.4, null],
      ['NYK', 'team', 'total', 9000, 118.2],
    ],
    'ratings only on the team totals row',
  );

  // advanced: the regular season's scope leaves the playoffs alone.
  await store.replaceSeasonRows(
    'player_advanced',
    { season: 2024, part: 'regular' },
    playerAdvancedRows(advanced('regular', ['a', 'b'])),
  );
  await store.replaceSeasonRows(
    'player_advanced',
    { season: 2024, part: 'playoffs' },
    playerAdvancedRows(advanced('playoffs', ['a'])),
  );
  await store.replaceSeasonRows(
    'player_advanced',
    { season: 2024, part: 'regular' },
    playerAdvancedRows(advanced('regular', ['b'])),
  );
  const adv = await rowsOf(store, 'player_advanced');
  assert.deepEqual(
    adv.map((r) => [r.part, r.player_id, r.per, r.ws_per_48]),
    [
      ['playoffs', 'a', 18.174193, -0.007],
      ['regular', 'b', 18.174193, -0.007],
    ],
  );

  // A row outside the scope is refused, and the scope keeps what it had.
  await assert.rejects(
    store.replaceSeasonRows('rosters', { season: 2024, team: 'NYK' }, traded.rosters),
    (err: unknown) => err instanceof StoreError && /outside the write's scope/.test(err.message),
  );
  await assert.rejects(
    store.replaceSeasonRows('rosters', { season: 2024 }, []),
    (err: unknown) => err instanceof StoreError && /needs its scope season, team/.test(err.message),
  );
  assert.deepEqual(
    (await rowsOf(store, 'rosters')).map((r) => r.player_id),
    ['tatumja01', 'brunsja01'],
  );
  assert.deepEqual(await rowsOf(store, 'standings', 2023), [], 'another season holds nothing');

  const out: Record<string, Row[]> = {};
  for (const t of ['standings', 'rosters', 'team_season_stats', 'player_advanced'] as const)
    out[t] = await rowsOf(store, t);
  return out;
}

let dir: string;
let db: TestDatabase;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nba-season-tables-'));
  db = await createTestDatabase();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

test('both stores replace season table rows by scope and read back the same rows', async () => {
  const file = await openStore(`file://${dir}`);
  const postgres = await openStore(db.url);
  try {
    const fromFile = await exercise(file);
    const fromPostgres = await exercise(postgres);
    assert.deepEqual(fromFile, fromPostgres);
  } finally {
    await file.close();
    await postgres.close();
  }
});
