/**
 * The timing wrappers: parsers and store calls report their duration and pass everything through
 * (results, errors, other members), also for classes with private fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instrumentSite, instrumentStore } from '../../../src/metrics/instrument.ts';
import type { SourceSite } from '../../../src/sources/source.ts';
import type { Store } from '../../../src/store/store.ts';

test('instrumentSite times the parsers by page kind and passes the rest through', () => {
  const parsed: [string, number][] = [];
  const site = {
    id: 'x',
    seasonPath: (s: number) => `/s/${s}`,
    parseBoxScore: (html: string, id: string) => ({ html, id }),
    parseSchedule: () => {
      throw new Error('layout changed');
    },
  } as unknown as SourceSite;
  const wrapped = instrumentSite(site, { parsed: (kind, s) => parsed.push([kind, s]) });
  assert.equal(wrapped.id, 'x');
  assert.equal(wrapped.seasonPath(2018), '/s/2018');
  assert.deepEqual(wrapped.parseBoxScore('<html>', 'g1'), { html: '<html>', id: 'g1' });
  assert.throws(() => wrapped.parseSchedule('', 2018), /layout changed/);
  assert.deepEqual(
    parsed.map(([k]) => k),
    ['boxscore', 'schedule'],
  );
  assert.ok(parsed.every(([, s]) => s >= 0 && s < 1));
});

class PrivateStore {
  readonly kind = 'file' as const;
  #games = new Map<string, unknown>();
  async upsertBoxScore(box: { gameId: string }): Promise<void> {
    this.#games.set(box.gameId, box);
  }
  async readSchedule(): Promise<never[]> {
    throw new Error('disk gone');
  }
  size(): number {
    return this.#games.size;
  }
}

test('instrumentStore times calls with their outcome, counts games stored, keeps private fields working', async () => {
  const ops: [string, boolean][] = [];
  let games = 0;
  const inner = new PrivateStore();
  const store = instrumentStore(inner as unknown as Store, {
    storeOperation: (op, ok) => ops.push([op, ok]),
    gameStored: () => {
      games++;
    },
  }) as unknown as PrivateStore;
  await store.upsertBoxScore({ gameId: 'g1' });
  await assert.rejects(store.readSchedule(), /disk gone/);
  assert.equal(store.size(), 1);
  assert.equal(store.kind, 'file');
  assert.deepEqual(ops, [
    ['upsertBoxScore', true],
    ['readSchedule', false],
  ]);
  assert.equal(games, 1);
});
