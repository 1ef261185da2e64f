import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteLru } from '../../../src/local/replay/lru.ts';

const buf = (n: number): Buffer => Buffer.alloc(n, 1);

test('the cache keeps at most maxBytes and evicts the least recently used first', () => {
  const lru = new ByteLru(100);
  lru.set('a', buf(40));
  lru.set('b', buf(40));
  assert.equal(lru.get('a')?.length, 40); // a is now the most recent
  lru.set('c', buf(40)); // evicts b
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a')?.length, 40);
  assert.equal(lru.get('c')?.length, 40);
  assert.deepEqual(lru.stats(), { entries: 2, bytes: 80, maxBytes: 100, hits: 3, misses: 1 });
});

test('replacing a key updates the size; an entry larger than the cache is not kept', () => {
  const lru = new ByteLru(100);
  lru.set('a', buf(40));
  lru.set('a', buf(10));
  assert.equal(lru.stats().bytes, 10);
  lru.set('huge', buf(101));
  assert.equal(lru.get('huge'), undefined);
  assert.equal(lru.stats().entries, 1);
  lru.clear();
  assert.deepEqual(lru.stats().bytes, 0);
});
