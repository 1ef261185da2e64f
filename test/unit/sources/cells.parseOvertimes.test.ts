import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOvertimes } from '../../../src/sources/basketball-reference/cells.ts';

test('overtime markers become counts', () => {
  assert.equal(parseOvertimes(''), 0);
  assert.equal(parseOvertimes('OT'), 1);
  assert.equal(parseOvertimes('2OT'), 2);
  assert.equal(parseOvertimes('3OT'), 3);
  assert.equal(parseOvertimes('4OT'), 4);
  assert.equal(parseOvertimes(' ot '), 1);
});

test('anything else is undefined', () => {
  assert.equal(parseOvertimes('O'), undefined);
  assert.equal(parseOvertimes('2 OT'), undefined);
  assert.equal(parseOvertimes('Box Score'), undefined);
});
