import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter } from '../../../src/local/replay/rate-limit.ts';

const settings = { maxPerMinute: 3, windowMs: 60_000, blockAfter: 2, blockMs: 3_600_000 };

test('N requests per sliding window pass; the next gets 429 with the seconds until a slot frees', () => {
  const rl = new RateLimiter(settings);
  assert.deepEqual(rl.check('a', 0), { verdict: 'ok', remaining: 2 });
  assert.deepEqual(rl.check('a', 10_000), { verdict: 'ok', remaining: 1 });
  assert.deepEqual(rl.check('a', 20_000), { verdict: 'ok', remaining: 0 });
  assert.deepEqual(rl.check('a', 30_500), { verdict: 'limited', retryAfterSeconds: 30 });
  // Other clients have their own window.
  assert.equal(rl.check('b', 30_500).verdict, 'ok');
  // The first request leaves the window at 60 000 ms.
  assert.deepEqual(rl.check('a', 60_001), { verdict: 'ok', remaining: 0 });
});

test('a client that keeps asking while limited is blocked, and starts afresh after the block', () => {
  const rl = new RateLimiter(settings);
  for (let i = 0; i < 3; i++) rl.check('a', i);
  assert.equal(rl.check('a', 100).verdict, 'limited');
  assert.equal(rl.check('a', 200).verdict, 'limited');
  assert.deepEqual(rl.check('a', 300), { verdict: 'blocked', untilMs: 3_600_300, newlyBlocked: true });
  assert.deepEqual(rl.check('a', 70_000), { verdict: 'blocked', untilMs: 3_600_300, newlyBlocked: false });
  assert.deepEqual(rl.blocked(70_000), { a: 3_600_300 });
  assert.deepEqual(rl.check('a', 3_600_300), { verdict: 'ok', remaining: 2 });
  assert.deepEqual(rl.blocked(3_600_300), {});
});

test('a 429 followed by a polite wait does not lead to a block', () => {
  const rl = new RateLimiter(settings);
  for (let i = 0; i < 3; i++) rl.check('a', i * 1000);
  assert.equal(rl.check('a', 5_000).verdict, 'limited');
  assert.equal(rl.check('a', 6_000).verdict, 'limited');
  assert.equal(rl.check('a', 60_500).verdict, 'ok');
  assert.equal(rl.check('a', 60_600).verdict, 'limited');
  assert.equal(rl.check('a', 60_700).verdict, 'limited');
  assert.equal(rl.check('a', 61_500).verdict, 'ok');
});
