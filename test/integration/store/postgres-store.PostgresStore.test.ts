import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { StoreError } from '../../../src/errors/store-error.ts';
import { freePort } from '../../../src/local/processes/free-port.ts';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { boxScoreRows, gameRowFromBoxScore, TABLE_NAMES, TABLES } from '../../../src/store/rows.ts';
import type { Store } from '../../../src/store/store.ts';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../../helpers/pg-database.ts';
import {
  januaryListings,
  marchListings,
  overtimeBoxScore,
  plainBoxScore,
  seasonTotals,
} from '../../helpers/store-records.ts';

let db: TestDatabase;
let store: Store;

before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await store?.close();
  await db?.drop();
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function count(table: string, where = 'true', values: unknown[] = []): Promise<number> {
  const [row] = await queryDatabase<{ n: number }>(
    db.url,
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    values,
  );
  return row!.n;
}

async function gameCounts(gameId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['games', 'team_lines', 'player_lines', 'line_scores', 'inactive_players']) {
    out[t] = await count(t, 'game_id = $1', [gameId]);
  }
  return out;
}

test('five stores opening at once apply the migrations exactly once', async () => {
  const stores = await Promise.all(Array.from({ length: 5 }, () => openStore(db.url, { poolSize: 2 })));
  const rows = await queryDatabase<{ id: number; name: string }>(
    db.url,
    'SELECT id, name FROM schema_migrations ORDER BY id',
  );
  assert.deepEqual(
    rows.map((r) => [r.id, r.name]),
    MIGRATIONS.map((m) => [m.id, m.name]),
  );
  assert.equal(rows.length, 3);
  for (const s of stores.slice(1)) await s.close();
  store = stores[0]!;
  assert.equal(store.kind, 'postgres');
  // Opening again applies nothing.
  const again = await openStore(db.url);
  await again.close();
  await again.close();
  assert.equal(await count('schema_migrations'), 3);
});

test('the database tables have exactly the columns and types rows.ts defines, in order', async () => {
  const pgType = { text: 'text', int: 'integer', float: 'double precision', bool: 'boolean', date: 'date' };
  for (const t of TABLE_NAMES) {
    const cols = await queryDatabase<{ column_name: string; data_type: string }>(
      db.url,
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [t],
    );
    assert.deepEqual(
      cols.map((c) => [c.column_name, c.data_type]),
      TABLES[t].columns.map((c) => [c.name, pgType[c.type]]),
      t,
    );
    const key = await queryDatabase<{ attname: string }>(
      db.url,
      `SELECT a.attname FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary
        ORDER BY array_position(i.indkey, a.attnum)`,
      [t],
    );
    assert.deepEqual(
      key.map((k) => k.attname),
      [...TABLES[t].key],
      `${t} primary key`,
    );
  }
});

test('storing a box score twice gives the same rows, once each', async () => {
  await store.upsertBoxScore(overtimeBoxScore());
  const first = await gameCounts('201801010TOR');
  assert.deepEqual(first, {
    games: 1,
    team_lines: 2,
    player_lines: 10,
    line_scores: 10,
    inactive_players: 3,
  });
  await store.upsertBoxScore(overtimeBoxScore());
  assert.deepEqual(await gameCounts('201801010TOR'), first);
  // Five concurrent deliveries of the same job: still one row per fact.
  await Promise.all(Array.from({ length: 5 }, () => store.upsertBoxScore(overtimeBoxScore())));
  assert.deepEqual(await gameCounts('201801010TOR'), first);
  const [derozan] = await queryDatabase(
    db.url,
    `SELECT name, pts, game_score, fg_pct, adv_usg_pct, starter, seq FROM player_lines
      WHERE game_id = '201801010TOR' AND player_id = 'derozde01'`,
  );
  assert.deepEqual(derozan, {
    name: 'DeMar DeRozan',
    pts: 52,
    game_score: 41.3,
    fg_pct: 0.586,
    adv_usg_pct: 37.9,
    starter: true,
    seq: 1,
  });
});

test('a renamed or removed player, inactive or period leaves no stale row', async () => {
  const box = overtimeBoxScore();
  box.home.players[3] = { ...box.home.players[3]!, name: 'Fred Van Vleet' };
  box.visitor.players.splice(4, 1); // the DNP line is gone
  box.visitor.inactive.pop();
  box.home.lineScore = [27, 33, 25, 46];
  box.visitor.lineScore = [28, 30, 29, 40];
  box.overtimes = 0;
  await store.upsertBoxScore(box);
  assert.deepEqual(await gameCounts('201801010TOR'), {
    games: 1,
    team_lines: 2,
    player_lines: 9,
    line_scores: 8,
    inactive_players: 2,
  });
  const names = await queryDatabase<{ name: string }>(
    db.url,
    `SELECT name FROM player_lines WHERE player_id = 'vanvlfr01'`,
  );
  assert.deepEqual(
    names.map((r) => r.name),
    ['Fred Van Vleet'],
  );
  assert.equal(await count('player_lines', `player_id = 'wilsoda01'`), 0);
  assert.equal(await count('line_scores', `label = 'OT1'`), 0);
  await store.upsertBoxScore(overtimeBoxScore());
});

test('a schedule update keeps box score columns; a box score keeps schedule columns', async () => {
  const listings = januaryListings();
  listings[0] = { ...listings[0]!, attendance: 1, arena: 'Schedule arena', gameType: null };
  await store.upsertSchedule(2018, 'january', listings);
  const [tor] = await queryDatabase(
    db.url,
    `SELECT attendance, arena, game_type, location, officials, has_box_score, schedule_page, box_score_path,
            status, date::text AS date FROM games WHERE game_id = '201801010TOR'`,
  );
  assert.deepEqual(tor, {
    attendance: 19_800,
    arena: 'Air Canada Centre',
    game_type: 'regular',
    location: 'Toronto, Canada',
    officials: 'Tony Brothers; Bill Kennedy; Brett Nansel',
    has_box_score: true,
    schedule_page: 'january',
    box_score_path: '/boxscores/201801010TOR.html',
    status: 'final',
    date: '2018-01-01',
  });
  // Box score after the schedule: the schedule's own columns stay.
  await store.upsertBoxScore(plainBoxScore());
  const [nyk] = await queryDatabase(
    db.url,
    `SELECT remarks, schedule_page, box_score_path, attendance, location, has_box_score
       FROM games WHERE game_id = '201801030NYK'`,
  );
  assert.deepEqual(nyk, {
    remarks: 'at "The Garden", New York',
    schedule_page: 'january',
    box_score_path: '/boxscores/201801030NYK.html',
    attendance: null,
    location: 'New York, New York',
    has_box_score: true,
  });
  // A game without a box score follows the latest listing (moved to March).
  await store.upsertSchedule(2018, 'march', marchListings());
  const schedule = await store.readSchedule(2018);
  assert.deepEqual(
    schedule.map((g) => [g.gameId, g.date]),
    [
      ['201801010TOR', '2018-01-01'],
      ['201801030NYK', '2018-01-03'],
      ['201801310BOS', '2018-03-08'],
      ['201803090MIA', '2018-03-09'],
    ],
  );
  assert.equal(schedule[2]!.remarks, 'Rescheduled');
  assert.equal(schedule[2]!.status, 'scheduled');
  assert.equal(schedule[0]!.attendance, 19_800);
});

test('counts, seasons and stored box score ids', async () => {
  assert.deepEqual(await store.counts(2018), { season: 2018, scheduled: 4, played: 2, boxScores: 2 });
  assert.deepEqual(await store.counts(1999), { season: 1999, scheduled: 0, played: 0, boxScores: 0 });
  assert.deepEqual([...(await store.storedBoxScoreIds(2018))], ['201801010TOR', '201801030NYK']);
  await store.upsertPlayerTotals(
    2019,
    seasonTotals().map((r) => ({ ...r, season: 2019 })),
  );
  assert.deepEqual(await store.seasons(), [2018, 2019]);
});

test('box scores read back give the rows that were written', async () => {
  const read = await collect(store.readBoxScores(2018));
  assert.deepEqual(
    read.map((b) => b.gameId),
    ['201801010TOR', '201801030NYK'],
  );
  for (const [i, original] of [overtimeBoxScore(), plainBoxScore()].entries()) {
    assert.deepEqual(boxScoreRows(read[i]!), boxScoreRows(original));
    assert.deepEqual(gameRowFromBoxScore(read[i]!), gameRowFromBoxScore(original));
  }
  assert.equal(read[0]!.home.players[4]!.reason, 'Did Not Dress');
  assert.equal(read[0]!.home.players[4]!.basic, null);
  assert.equal(read[1]!.home.fourFactors, null);
});

test('player totals: a part is replaced; other parts and seasons stay', async () => {
  await store.upsertPlayerTotals(2018, seasonTotals());
  assert.equal(await count('player_season_totals', 'season = 2018'), 5);
  await store.upsertPlayerTotals(2018, seasonTotals());
  assert.equal(await count('player_season_totals', 'season = 2018'), 5);
  await store.upsertPlayerTotals(
    2018,
    seasonTotals().filter((r) => r.part === 'regular' && r.playerId === 'derozde01'),
  );
  const read = await store.readPlayerTotals(2018);
  assert.deepEqual(
    read.map((r) => [r.part, r.playerId, r.team, r.stats.pts]),
    [
      ['playoffs', 'derozde01', 'TOR', 218],
      ['regular', 'derozde01', 'TOR', 1_910],
    ],
  );
  assert.equal(read[1]!.awards, 'AS,NBA2');
  assert.equal(await count('player_season_totals', 'season = 2019'), 5);
  await store.upsertPlayerTotals(2018, seasonTotals());
});

test('raw pages: gzip bytes in the table, the newest per URL read back decompressed', async () => {
  const url = 'https://www.basketball-reference.com/boxscores/201801010TOR.html';
  const body = `<html><body>${'Raptors 131, Bucks 127 — OT '.repeat(200)}</body></html>`;
  const t1 = new Date('2024-05-01T10:00:00.123Z');
  const t2 = new Date('2024-05-02T10:00:00.456Z');
  await store.archivePage({ url, fetchedAt: t1, status: 200, body: 'old', season: 2018, kind: 'boxscore' });
  await store.archivePage({ url, fetchedAt: t2, status: 200, body, season: 2018, kind: 'boxscore' });
  await store.archivePage({ url, fetchedAt: t2, status: 500, body: 'same key: ignored', season: 2018 });
  await store.archivePage({ url: 'https://x.test/404', fetchedAt: t1, status: 404, body: 'gone' });
  const [row] = await queryDatabase<{ body_gz: Buffer; body_bytes: number; status: number }>(
    db.url,
    'SELECT body_gz, body_bytes, status FROM raw_pages WHERE url = $1 AND fetched_at = $2',
    [url, t2],
  );
  assert.equal(row!.body_gz[0], 0x1f);
  assert.equal(row!.body_gz[1], 0x8b);
  assert.ok(row!.body_gz.length < Buffer.byteLength(body) / 10);
  assert.equal(gunzipSync(row!.body_gz).toString('utf8'), body);
  assert.equal(row!.body_bytes, Buffer.byteLength(body));
  assert.equal(row!.status, 200);
  assert.equal(await count('raw_pages'), 3);
  const pages = await collect(store.latestRawPages(2018));
  assert.deepEqual(
    pages.map((p) => [p.url, p.fetchedAt.toISOString(), p.status, p.body === body, p.kind, p.season]),
    [[url, t2.toISOString(), 200, true, 'boxscore', 2018]],
  );
  const misc = await collect(store.latestRawPages(null));
  assert.deepEqual(
    misc.map((p) => [p.url, p.status, p.body, p.season, p.kind]),
    [['https://x.test/404', 404, 'gone', null, null]],
  );
});

test('a write the database rejects is a StoreError that names the game and keeps the cause', async () => {
  const box = plainBoxScore();
  box.home.players[0]!.basic!.pts = 10.5; // not an integer
  await assert.rejects(store.upsertBoxScore(box), (err: unknown) => {
    assert.ok(err instanceof StoreError);
    assert.equal(err.code, 'ERR_STORE');
    assert.equal(err.retry, 'retry');
    assert.match(
      err.message,
      /^PostgreSQL store: upsertBoxScore 201801030NYK failed: .*10\.5.*\(SQLSTATE 22P02\)$/,
    );
    assert.equal((err.cause as { code?: string }).code, '22P02');
    return true;
  });
  // The failed transaction changed nothing.
  assert.equal(await count('player_lines', `game_id = '201801030NYK'`), 5);
});

test('an unreachable server is a StoreError naming host:port, never the password', async () => {
  const port = await freePort();
  const url = `postgres://scraper:top-secret@127.0.0.1:${port}/nba`;
  await assert.rejects(openStore(url, { connectTimeoutMs: 30_000 }), (err: unknown) => {
    assert.ok(err instanceof StoreError, String(err));
    assert.equal(err.code, 'ERR_STORE');
    assert.ok(err.message.includes(`PostgreSQL at 127.0.0.1:${port}`), err.message);
    assert.ok(err.message.includes(`postgres://scraper:***@127.0.0.1:${port}/nba`), err.message);
    assert.match(err.message, /ECONNREFUSED/);
    assert.match(err.message, /Check that PostgreSQL is running and reachable/);
    assert.ok(!err.message.includes('top-secret'));
    assert.ok(err.cause !== undefined);
    return true;
  });
});

test('a missing database is a StoreError that says to create it', async () => {
  const url = new URL(db.url);
  url.pathname = '/no_such_database_here';
  url.password = 'pw-not-shown';
  await assert.rejects(openStore(url.toString()), (err: unknown) => {
    assert.ok(err instanceof StoreError);
    assert.match(err.message, /database "no_such_database_here" does not exist/);
    assert.match(err.message, /Create the database first/);
    assert.ok(!err.message.includes('pw-not-shown'));
    return true;
  });
});
