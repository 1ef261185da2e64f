import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { BoxScore } from '../../../src/domain/box-score.ts';
import { FileStore } from '../../../src/store/file-store.ts';
import type { Row } from '../../../src/store/rows.ts';
import {
  januaryListings,
  marchListings,
  overtimeBoxScore,
  plainBoxScore,
  seasonTotals,
} from '../../helpers/store-records.ts';

const root = mkdtempSync(join(tmpdir(), 'nba-file-store-'));
after(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function freshStore(): { store: FileStore; dir: string } {
  const dir = join(root, `s${++n}`);
  return { store: new FileStore(dir, { fsync: false }), dir };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Same object with every key order reversed, to prove the bytes do not depend on it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

test('documents go where the layout says, written atomically with no temp file left', async () => {
  const { store, dir } = freshStore();
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertBoxScore(overtimeBoxScore());
  await store.upsertBoxScore(plainBoxScore());
  assert.deepEqual(readdirSync(join(dir, '2018', 'schedule')), ['january.json']);
  assert.deepEqual(readdirSync(join(dir, '2018', 'boxscores')).sort(), [
    '201801010TOR.json',
    '201801030NYK.json',
  ]);
  const doc = JSON.parse(readFileSync(join(dir, '2018', 'boxscores', '201801010TOR.json'), 'utf8'));
  assert.deepEqual(doc, overtimeBoxScore());
  const page = JSON.parse(readFileSync(join(dir, '2018', 'schedule', 'january.json'), 'utf8'));
  assert.deepEqual(page, { season: 2018, page: 'january', games: januaryListings() });
});

test('the same record gives the same bytes, whatever its key order; keys are sorted', async () => {
  const { store, dir } = freshStore();
  const file = join(dir, '2018', 'boxscores', '201801010TOR.json');
  await store.upsertBoxScore(overtimeBoxScore());
  const first = readFileSync(file);
  await store.upsertBoxScore(reverseKeys(overtimeBoxScore()) as BoxScore);
  assert.ok(readFileSync(file).equals(first));
  const text = first.toString('utf8');
  assert.ok(text.startsWith('{"arena":"Air Canada Centre","attendance":19800,'));
  assert.ok(text.endsWith('}\n'));
  assert.equal(text.split('\n').length, 2);
});

test('a game listed on two pages keeps the version of the page written last', async () => {
  const { store } = freshStore();
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertSchedule(2018, 'march', marchListings());
  let games = await store.readSchedule(2018);
  assert.deepEqual(
    games.map((g) => g.gameId),
    ['201801010TOR', '201801030NYK', '201801310BOS', '201803090MIA'],
  );
  let moved = games.find((g) => g.gameId === '201801310BOS')!;
  assert.equal(moved.date, '2018-03-08');
  assert.equal(moved.remarks, 'Rescheduled');
  // January written again (still the old listing): now it is the latest page.
  await store.upsertSchedule(2018, 'january', januaryListings());
  games = await store.readSchedule(2018);
  moved = games.find((g) => g.gameId === '201801310BOS')!;
  assert.equal(moved.date, '2018-01-31');
  // A page rewritten without a game drops it from that page.
  await store.upsertSchedule(2018, 'january', januaryListings().slice(0, 2));
  games = await store.readSchedule(2018);
  assert.equal(games.find((g) => g.gameId === '201801310BOS')!.date, '2018-03-08');
  assert.equal(games.length, 4);
  const rows: Row[] = await collect(store.readRows('games', 2018));
  assert.equal(rows.find((r) => r.game_id === '201801310BOS')!.schedule_page, 'march');
});

test('a stray temp file or a half-written document under a temp name is ignored', async () => {
  const { store, dir } = freshStore();
  await store.upsertBoxScore(overtimeBoxScore());
  await store.upsertSchedule(2018, 'january', januaryListings());
  const boxDir = join(dir, '2018', 'boxscores');
  writeFileSync(join(boxDir, '.201801030NYK.json.4242-deadbeef.tmp'), '{"gameId":"2018010');
  writeFileSync(join(dir, '2018', 'schedule', '.march.json.1-00.tmp'), '{"season":');
  assert.deepEqual([...(await store.storedBoxScoreIds(2018))], ['201801010TOR']);
  assert.equal((await collect(store.readBoxScores(2018))).length, 1);
  assert.equal((await store.readSchedule(2018)).length, 3);
  assert.deepEqual(await store.counts(2018), { season: 2018, scheduled: 3, played: 2, boxScores: 1 });
});

test('counts and seasons: played counts a final listing or a stored box score', async () => {
  const { store } = freshStore();
  assert.deepEqual(await store.seasons(), []);
  assert.deepEqual(await store.counts(2018), { season: 2018, scheduled: 0, played: 0, boxScores: 0 });
  const listings = januaryListings();
  listings[1] = { ...listings[1]!, status: 'scheduled', visitorPoints: null, homePoints: null };
  await store.upsertSchedule(2018, 'january', listings);
  await store.upsertBoxScore(plainBoxScore());
  await store.upsertPlayerTotals(2001, []);
  await store.upsertPlayerTotals(
    2019,
    seasonTotals().map((r) => ({ ...r, season: 2019 })),
  );
  assert.deepEqual(await store.counts(2018), { season: 2018, scheduled: 3, played: 2, boxScores: 1 });
  assert.deepEqual(await store.seasons(), [2018, 2019]);
});

test('box scores read back in game id order, equal to what was written', async () => {
  const { store } = freshStore();
  await store.upsertBoxScore(plainBoxScore());
  await store.upsertBoxScore(overtimeBoxScore());
  const read = await collect(store.readBoxScores(2018));
  assert.deepEqual(read, [overtimeBoxScore(), plainBoxScore()]);
});

test('player totals: a part is replaced as a whole; read back in table order', async () => {
  const { store } = freshStore();
  await store.upsertPlayerTotals(2018, seasonTotals());
  assert.equal((await store.readPlayerTotals(2018)).length, 5);
  // A new regular-season page without the traded player's rows; playoffs untouched.
  await store.upsertPlayerTotals(
    2018,
    seasonTotals().filter((r) => r.part === 'regular' && r.playerId === 'derozde01'),
  );
  const read = await store.readPlayerTotals(2018);
  assert.deepEqual(
    read.map((r) => [r.part, r.playerId, r.team]),
    [
      ['playoffs', 'derozde01', 'TOR'],
      ['regular', 'derozde01', 'TOR'],
    ],
  );
  assert.deepEqual(read[1], seasonTotals()[0]);
  await assert.rejects(
    store.upsertPlayerTotals(2017, seasonTotals()),
    (err: unknown) => err instanceof Error && (err as { code?: string }).code === 'ERR_STORE',
  );
});

test('raw pages: gzip files named by URL and time; the newest per URL comes back decompressed', async () => {
  const { store, dir } = freshStore();
  const url = 'https://www.basketball-reference.com/boxscores/201801010TOR.html';
  const t1 = new Date('2024-05-01T10:00:00.000Z');
  const t2 = new Date('2024-05-02T10:00:00.000Z');
  await store.archivePage({
    url,
    fetchedAt: t1,
    status: 200,
    body: '<html>old</html>',
    season: 2018,
    kind: 'boxscore',
  });
  await store.archivePage({
    url,
    fetchedAt: t2,
    status: 200,
    body: '<html>new é</html>',
    season: 2018,
    kind: 'boxscore',
  });
  await store.archivePage({ url, fetchedAt: t2, status: 500, body: 'ignored: same key', season: 2018 });
  const other = 'https://www.basketball-reference.com/leagues/NBA_2018_games-january.html';
  await store.archivePage({ url: other, fetchedAt: t1, status: 200, body: 'schedule', season: 2018 });
  await store.archivePage({ url: 'https://x.test/a?b=c@d', fetchedAt: t1, status: 404, body: 'misc' });
  const files = readdirSync(join(dir, '_raw', '2018')).sort();
  assert.equal(files.length, 3);
  assert.ok(files.includes(`${encodeURIComponent(url)}@2024-05-02T10:00:00.000Z.html.gz`));
  const gz = readFileSync(
    join(dir, '_raw', '2018', `${encodeURIComponent(url)}@2024-05-02T10:00:00.000Z.html.gz`),
  );
  assert.equal(gunzipSync(gz).toString('utf8'), '<html>new é</html>');
  const pages = await collect(store.latestRawPages(2018));
  assert.deepEqual(
    pages.map((p) => [p.url, p.fetchedAt.toISOString(), p.status, p.body, p.season, p.kind]),
    [
      [url, t2.toISOString(), 200, '<html>new é</html>', 2018, 'boxscore'],
      [other, t1.toISOString(), 200, 'schedule', 2018, null],
    ],
  );
  const misc = await collect(store.latestRawPages(null));
  assert.deepEqual(
    misc.map((p) => [p.url, p.status, p.body, p.season]),
    [['https://x.test/a?b=c@d', 404, 'misc', null]],
  );
  assert.deepEqual(await store.seasons(), []);
});

test('raw pages with URLs too long for a file name keep their full URL', async () => {
  const { store } = freshStore();
  const long = `https://www.basketball-reference.com/search?q=${'x'.repeat(400)}`;
  await store.archivePage({ url: long, fetchedAt: new Date(0), status: 200, body: 'long', season: 2018 });
  const pages = await collect(store.latestRawPages(2018));
  assert.equal(pages.length, 1);
  assert.equal(pages[0]!.url, long);
  assert.equal(pages[0]!.body, 'long');
});

test('several processes writing different games at once: every game lands, intact', async () => {
  const { dir } = freshStore();
  const storeModule = pathToFileURL(resolve('src/store/file-store.ts')).href;
  const recordsModule = pathToFileURL(resolve('test/helpers/store-records.ts')).href;
  const writers = 6;
  const perWriter = 15;
  const script = `
    import { FileStore } from ${JSON.stringify(storeModule)};
    import { overtimeBoxScore } from ${JSON.stringify(recordsModule)};
    const [dir, w, count] = process.argv.slice(1);
    const store = new FileStore(dir, { fsync: false });
    for (let i = 0; i < Number(count); i++) {
      const box = overtimeBoxScore();
      box.gameId = '2018' + String(w).padStart(2, '0') + String(i).padStart(2, '0') + '0MIL';
      await store.upsertBoxScore(box);
      const shared = overtimeBoxScore();
      shared.attendance = Number(w);
      await store.upsertBoxScore(shared);
    }`;
  await Promise.all(
    Array.from(
      { length: writers },
      (_, w) =>
        new Promise<void>((done, fail) => {
          const child = spawn(
            process.execPath,
            ['--input-type=module', '-e', script, dir, String(w), String(perWriter)],
            { stdio: ['ignore', 'ignore', 'pipe'] },
          );
          let stderr = '';
          child.stderr.on('data', (d) => {
            stderr += d;
          });
          child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`writer ${w}: ${stderr}`))));
        }),
    ),
  );
  const boxDir = join(dir, '2018', 'boxscores');
  const names = readdirSync(boxDir);
  assert.equal(names.filter((f) => f.endsWith('.tmp')).length, 0);
  assert.equal(names.length, writers * perWriter + 1);
  const store = new FileStore(dir);
  const all = await collect(store.readBoxScores(2018));
  assert.equal(all.length, writers * perWriter + 1);
  for (const box of all) assert.equal(box.home.points, 131);
  const shared = all.find((b) => b.gameId === '201801010TOR')!;
  assert.ok(shared.attendance !== null && shared.attendance >= 0 && shared.attendance < writers);
});
