/**
 * Store.fillGameTypes on both stores, with the same writes: a null game type is filled in, a known
 * one (from a schedule page or a box score) never changes, other seasons and unknown ids are left
 * alone, and the filled type behaves like the other schedule values (storing the page again puts
 * back what it says; a box score's type wins). Both stores end with the same `games` rows.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { GameType, ScheduleGame } from '../../../src/domain/game.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Row } from '../../../src/store/rows.ts';
import type { Store } from '../../../src/store/store.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/pg-database.ts';
import {
  januaryListings,
  marchListings,
  overtimeBoxScore,
  plainBoxScore,
} from '../../helpers/store-records.ts';

const TOR = '201801010TOR'; // played, box score stored (regular)
const NYK = '201801030NYK'; // played, box score stored later
const BOS = '201801310BOS'; // not played; moved from the January page to the March page
const MIA = '201803090MIA'; // not played
const KNOWN = '201804210MIA'; // the April page says playoffs (a divider)
const OPEN = '201804230MIA'; // the April page does not say

/** The April page: one game after a Playoffs divider, one the page cannot place. */
function aprilListings(): ScheduleGame[] {
  const base = marchListings()[1]!;
  return [
    { ...base, gameId: KNOWN, date: '2018-04-21', gameType: 'playoffs' },
    { ...base, gameId: OPEN, date: '2018-04-23' },
  ];
}

async function gamesRows(store: Store, season = 2018): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of store.readRows('games', season)) rows.push(row);
  return rows;
}

async function typesOf(store: Store, season = 2018): Promise<Record<string, Row[string]>> {
  return Object.fromEntries((await gamesRows(store, season)).map((r) => [r.game_id, r.game_type]));
}

/** The writes and checks, the same for both stores; returns the final `games` rows. */
async function scenario(store: Store): Promise<Row[]> {
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertBoxScore(overtimeBoxScore());
  await store.upsertSchedule(2018, 'march', marchListings());
  await store.upsertSchedule(2018, 'april', aprilListings());
  const nextSeason = { ...marchListings()[1]!, gameId: '201810170TOR', season: 2019, date: '2018-10-17' };
  await store.upsertSchedule(2019, 'october', [nextSeason]);
  assert.deepEqual(await typesOf(store), {
    [TOR]: 'regular',
    [NYK]: null,
    [BOS]: null,
    [MIA]: null,
    [KNOWN]: 'playoffs',
    [OPEN]: null,
  });

  const types = new Map<string, GameType>([
    [TOR, 'playoffs'], // known from its box score: kept
    [NYK, 'regular'],
    [BOS, 'regular'],
    [MIA, 'regular'],
    [KNOWN, 'regular'], // known from its page: kept
    [OPEN, 'playoffs'],
    ['201810170TOR', 'regular'], // another season's game
    ['209901010XXX', 'regular'], // listed nowhere
  ]);
  assert.equal(await store.fillGameTypes(2018, types), 4);
  assert.deepEqual(await typesOf(store), {
    [TOR]: 'regular',
    [NYK]: 'regular',
    [BOS]: 'regular',
    [MIA]: 'regular',
    [KNOWN]: 'playoffs',
    [OPEN]: 'playoffs',
  });
  assert.deepEqual(await typesOf(store, 2019), { '201810170TOR': null });
  const rows = await gamesRows(store);
  // Filling in January's game did not make the January page win the moved game.
  const bos = rows.find((r) => r.game_id === BOS)!;
  assert.deepEqual([bos.date, bos.schedule_page, bos.remarks], ['2018-03-08', 'march', 'Rescheduled']);
  // The schedule as read gives the filled types.
  const unplayed = (await store.readSchedule(2018)).filter((g) => g.status === 'scheduled');
  assert.deepEqual(
    unplayed.map((g) => [g.gameId, g.gameType]),
    [
      [BOS, 'regular'],
      [MIA, 'regular'],
      [KNOWN, 'playoffs'],
      [OPEN, 'playoffs'],
    ],
  );
  assert.equal(await store.fillGameTypes(2018, types), 0, 'nothing left to fill');
  assert.equal(await store.fillGameTypes(2018, new Map()), 0);

  // Storing the January page again puts back what it says (it now wins the moved game too);
  // box score types stay.
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertBoxScore(plainBoxScore());
  assert.deepEqual(await typesOf(store), {
    [TOR]: 'regular',
    [NYK]: 'regular',
    [BOS]: null,
    [MIA]: 'regular',
    [KNOWN]: 'playoffs',
    [OPEN]: 'playoffs',
  });
  assert.equal(
    await store.fillGameTypes(
      2018,
      new Map([
        [NYK, 'playoffs'],
        [BOS, 'playoffs'],
      ]),
    ),
    1,
  );
  assert.equal((await typesOf(store))[BOS], 'playoffs');
  assert.equal((await typesOf(store))[NYK], 'regular');
  return gamesRows(store);
}

const root = mkdtempSync(join(tmpdir(), 'nba-fill-types-'));
let db: TestDatabase;
const finalRows: Partial<Record<Store['kind'], Row[]>> = {};

before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db?.drop();
  rmSync(root, { recursive: true, force: true });
});

test('file store: fills only null game types', async () => {
  const store = await openStore(`file://${join(root, 'store')}`, { fsync: false });
  try {
    finalRows.file = await scenario(store);
  } finally {
    await store.close();
  }
});

test('PostgreSQL store: fills only null game types', async () => {
  const store = await openStore(db.url);
  try {
    finalRows.postgres = await scenario(store);
  } finally {
    await store.close();
  }
});

test('both stores end with the same games rows', () => {
  assert.ok(finalRows.file && finalRows.postgres);
  assert.deepEqual(finalRows.file, finalRows.postgres);
});
