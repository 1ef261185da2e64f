import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { exportDataset } from '../../../src/store/export.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { columnNames, TABLE_NAMES } from '../../../src/store/rows.ts';
import type { Store } from '../../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/pg-database.ts';
import {
  januaryListings,
  marchListings,
  overtimeBoxScore,
  plainBoxScore,
  seasonPageWrites,
  seasonTotals,
} from '../../helpers/store-records.ts';

const root = mkdtempSync(join(tmpdir(), 'nba-export-'));
let db: TestDatabase;
let fileStore: Store;
let pgStore: Store;

/** The same writes, in the same order, on a store: two seasons, a moved game, a re-run, a rename. */
async function fill(store: Store): Promise<void> {
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertBoxScore(overtimeBoxScore());
  await store.upsertBoxScore(plainBoxScore());
  await store.upsertSchedule(2018, 'march', marchListings());
  // Re-delivered job with a renamed player: one line, the new name.
  const renamed = plainBoxScore();
  renamed.home.players[1] = { ...renamed.home.players[1]!, name: 'Kristaps Porziņģis' };
  await store.upsertBoxScore(renamed);
  // A schedule refresh after the box scores: must not erase their columns.
  await store.upsertSchedule(
    2018,
    'january',
    januaryListings().map((g) => ({ ...g, attendance: 1, arena: 'Refreshed' })),
  );
  const nextSeason = overtimeBoxScore();
  Object.assign(nextSeason, { gameId: '201810170TOR', season: 2019, date: '2018-10-17', playoffRound: null });
  await store.upsertBoxScore(nextSeason);
  await store.upsertPlayerTotals(2018, seasonTotals());
  for (const w of seasonPageWrites()) await store.replaceSeasonRows(w.table, w.scope, w.rows);
}

before(async () => {
  db = await createTestDatabase();
  pgStore = await openStore(db.url);
  fileStore = await openStore(`file://${join(root, 'store')}`, { fsync: false });
  await fill(pgStore);
  await fill(fileStore);
});

after(async () => {
  await pgStore?.close();
  await fileStore?.close();
  await db?.drop();
  rmSync(root, { recursive: true, force: true });
});

function filesOf(dir: string): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

const expectedCounts = {
  games: 5,
  team_lines: 6,
  player_lines: 10 + 5 + 10,
  line_scores: 10 + 8 + 10,
  inactive_players: 3 + 1 + 3,
  player_season_totals: 5,
  standings: 2,
  rosters: 1,
  team_season_stats: 1,
  player_advanced: 0,
  draft_picks: 1,
  awards: 1,
};

for (const format of ['csv', 'jsonl'] as const) {
  test(`${format}: the file store and PostgreSQL export the same bytes`, async () => {
    const fromFile = join(root, `file-${format}`);
    const fromPg = join(root, `pg-${format}`);
    assert.deepEqual(await exportDataset(fileStore, { format, outDir: fromFile }), expectedCounts);
    assert.deepEqual(await exportDataset(pgStore, { format, outDir: fromPg }), expectedCounts);
    const a = filesOf(fromFile);
    const b = filesOf(fromPg);
    assert.deepEqual(Object.keys(a).sort(), TABLE_NAMES.map((t) => `${t}.${format}`).sort());
    for (const name of Object.keys(a)) {
      assert.equal(a[name]!.toString('utf8'), b[name]!.toString('utf8'), name);
      assert.ok(a[name]!.equals(b[name]!), name);
    }
    // A second export of the same data is byte-identical and leaves no temp file.
    await exportDataset(pgStore, { format, outDir: fromPg });
    assert.deepEqual(filesOf(fromPg), b);
  });
}

test('csv: header in rows.ts order, CRLF records, quoted text, rows in key order', () => {
  const dir = join(root, 'file-csv');
  const games = readFileSync(join(dir, 'games.csv'), 'utf8');
  const lines = games.split('\r\n');
  assert.equal(lines[0], columnNames('games').join(','));
  assert.equal(lines.at(-1), '');
  assert.deepEqual(
    lines.slice(1, -1).map((l) => l.slice(0, 12)),
    ['201801010TOR', '201801030NYK', '201801310BOS', '201803090MIA', '201810170TOR'],
  );
  const tor = lines[1]!;
  assert.ok(tor.includes(',"Toronto, Canada",'), tor);
  assert.ok(tor.includes(',Air Canada Centre,'), tor);
  assert.ok(tor.includes(',19800,'), tor);
  assert.ok(tor.endsWith(',january,true'), tor);
  const nyk = lines[2]!;
  assert.ok(nyk.includes(',"at ""The Garden"", New York",'), nyk);
  // The January refresh was written after March, so its listing of the moved game wins.
  assert.ok(lines[3]!.includes(',2018-01-31,19:30,'), lines[3]);
  assert.ok(lines[3]!.endsWith(',january,false'), lines[3]);
  assert.ok(lines[4]!.endsWith(',march,false'), lines[4]);
  const players = readFileSync(join(dir, 'player_lines.csv'), 'utf8').split('\r\n');
  assert.ok(players.some((l) => l.startsWith('201801030NYK,NYK,porzikr01,Kristaps Porziņģis,2,true,,')));
  assert.ok(
    players.some((l) => l.startsWith('201801010TOR,TOR,cabocbr01,Bruno Caboclo,5,false,Did Not Dress,,,')),
  );
  const inactive = readFileSync(join(dir, 'inactive_players.csv'), 'utf8');
  assert.ok(inactive.includes('201801030NYK,NYK,hardati02,"Tim Hardaway, Jr.",1\r\n'));
});

test('csv: season tables in column order, dates ISO, empty fields for what a page lacks', () => {
  const dir = join(root, 'file-csv');
  const rosters = readFileSync(join(dir, 'rosters.csv'), 'utf8').split('\r\n');
  assert.equal(rosters[0], columnNames('rosters').join(','));
  assert.equal(rosters[1], '2018,TOR,derozde01,DeMar DeRozan,10,SG,78,220,1989-08-07,US,8,USC');
  const standings = readFileSync(join(dir, 'standings.csv'), 'utf8').split('\r\n');
  assert.deepEqual(
    standings.slice(1, -1).map((l) => l.split(',').slice(3, 8).join(',')),
    ['TOR,Toronto Raptors,1,59,23', 'BOS,Boston Celtics,2,55,27'],
  );
  const awards = readFileSync(join(dir, 'awards.csv'), 'utf8').split('\r\n');
  assert.equal(awards[1], '2018,coy,voting,1,true,,caseydw99,Dwane Casey,TOR,67,365,505,0.723');
});

test('jsonl: one object per row, keys in column order', () => {
  const text = readFileSync(join(root, 'pg-jsonl', 'line_scores.jsonl'), 'utf8');
  const rows = text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(rows.length, expectedCounts.line_scores);
  assert.deepEqual(Object.keys(rows[0]), columnNames('line_scores'));
  assert.deepEqual(rows[4], { game_id: '201801010TOR', team: 'MIL', period: 5, label: 'OT1', points: 10 });
});

test('a season filter exports only those seasons', async () => {
  const out = join(root, 'only-2019');
  const counts = await exportDataset(pgStore, { format: 'csv', outDir: out, seasons: [2019] });
  assert.deepEqual(counts, {
    games: 1,
    team_lines: 2,
    player_lines: 10,
    line_scores: 10,
    inactive_players: 3,
    player_season_totals: 0,
    standings: 0,
    rosters: 0,
    team_season_stats: 0,
    player_advanced: 0,
    draft_picks: 0,
    awards: 0,
  });
  const fromFile = join(root, 'only-2019-file');
  await exportDataset(fileStore, { format: 'csv', outDir: fromFile, seasons: [2019] });
  assert.deepEqual(filesOf(fromFile), filesOf(out));
  assert.equal(
    readFileSync(join(out, 'player_season_totals.csv'), 'utf8'),
    `${columnNames('player_season_totals').join(',')}\r\n`,
  );
});
