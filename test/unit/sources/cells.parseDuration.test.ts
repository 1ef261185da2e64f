import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDuration } from '../../../src/sources/basketball-reference/cells.ts';

test('game length h:mm becomes minutes', () => {
  assert.equal(parseDuration('2:12'), 132);
  assert.equal(parseDuration('2:44'), 164);
  assert.equal(parseDuration('1:53'), 113);
  assert.equal(parseDuration('3:02'), 182);
});

test('an empty LOG cell is null, a malformed one undefined', () => {
  assert.equal(parseDuration(''), null);
  assert.equal(parseDuration('2h12'), undefined);
  assert.equal(parseDuration('2:75'), undefined);
});
