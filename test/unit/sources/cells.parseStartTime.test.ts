import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStartTime } from '../../../src/sources/basketball-reference/cells.ts';

test('2024+ captures: 7:30p', () => {
  assert.equal(parseStartTime('7:30p'), '19:30');
  assert.equal(parseStartTime('10:30p'), '22:30');
  assert.equal(parseStartTime('8:01p'), '20:01');
  assert.equal(parseStartTime('12:30p'), '12:30');
});

test('2018 captures and box scores: 7:30 pm, 7:30 PM', () => {
  assert.equal(parseStartTime('7:30 pm'), '19:30');
  assert.equal(parseStartTime('3:30 PM, January 1, 2001'), '15:30');
  assert.equal(parseStartTime('11:00 am'), '11:00');
  assert.equal(parseStartTime('12:15a'), '00:15');
});

test('empty is null, malformed undefined', () => {
  assert.equal(parseStartTime(''), null);
  assert.equal(parseStartTime('19:30'), undefined);
  assert.equal(parseStartTime('13:00p'), undefined);
  assert.equal(parseStartTime('January 1, 2001'), undefined);
});
