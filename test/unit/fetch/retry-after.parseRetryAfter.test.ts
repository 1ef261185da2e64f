import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRetryAfter } from '../../../src/fetch/retry-after.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

test('delta-seconds and HTTP dates become milliseconds from now', () => {
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('Mon, 23 Nov 2026 12:01:30 GMT', now), 90_000);
  assert.equal(parseRetryAfter(['30', '60'], now), 30_000);
});

test('absent, garbage and past dates', () => {
  assert.equal(parseRetryAfter(undefined, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now), 0);
});
