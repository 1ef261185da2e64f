import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMinutesPlayed } from '../../../src/sources/basketball-reference/cells.ts';

test('player minutes m:ss become seconds', () => {
  assert.equal(parseMinutesPlayed('43:28'), 2608);
  assert.equal(parseMinutesPlayed('2:22'), 142);
  assert.equal(parseMinutesPlayed('0:00'), 0);
  assert.equal(parseMinutesPlayed('53:05'), 3185);
});

test('team totals give whole minutes (240, 265 after one overtime)', () => {
  assert.equal(parseMinutesPlayed('240'), 14400);
  assert.equal(parseMinutesPlayed('265'), 15900);
});

test('empty is null, anything else undefined', () => {
  assert.equal(parseMinutesPlayed(''), null);
  assert.equal(parseMinutesPlayed('43:61'), undefined);
  assert.equal(parseMinutesPlayed('Did Not Play'), undefined);
  assert.equal(parseMinutesPlayed('4.5'), undefined);
});
