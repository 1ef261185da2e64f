import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelay } from '../../../src/queue/backoff.ts';

const s = { intervalsMs: [10_000, 30_000, 60_000], maxDelayMs: 600_000 };

test('the first retries use the configured intervals', () => {
  assert.equal(
    retryDelay(1, s, () => 0.5),
    10_000,
  );
  assert.equal(
    retryDelay(2, s, () => 0.5),
    30_000,
  );
  assert.equal(
    retryDelay(3, s, () => 0.5),
    60_000,
  );
});

test('later retries grow exponentially from the last interval, with full jitter', () => {
  // Ceiling doubles per retry past the list: 120 s, 240 s, 480 s.
  assert.equal(
    retryDelay(4, s, () => 1),
    120_000,
  );
  assert.equal(
    retryDelay(5, s, () => 1),
    240_000,
  );
  assert.equal(
    retryDelay(6, s, () => 1),
    480_000,
  );
  // Full jitter: anywhere from 0 to the ceiling.
  assert.equal(
    retryDelay(4, s, () => 0),
    0,
  );
  assert.equal(
    retryDelay(5, s, () => 0.25),
    60_000,
  );
});

test('no delay exceeds the cap', () => {
  assert.equal(
    retryDelay(7, s, () => 1),
    600_000,
  );
  assert.equal(
    retryDelay(40, s, () => 1),
    600_000,
  );
  assert.equal(
    retryDelay(1, { intervalsMs: [900_000], maxDelayMs: 600_000 }, () => 1),
    600_000,
  );
});

test('attempt numbers below one count as the first retry', () => {
  assert.equal(
    retryDelay(0, s, () => 0.5),
    10_000,
  );
});
