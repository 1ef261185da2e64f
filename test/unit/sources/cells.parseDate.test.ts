import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDate } from '../../../src/sources/basketball-reference/cells.ts';

test('schedule dates (weekday, abbreviated month) become ISO', () => {
  assert.equal(parseDate('Tue, Oct 31, 2000'), '2000-10-31');
  assert.equal(parseDate('Thu, Nov 1, 1979'), '1979-11-01');
  assert.equal(parseDate('Sun, Jun 3, 2018'), '2018-06-03');
});

test('box score meta lines, with or without the time, become ISO', () => {
  assert.equal(parseDate('7:30 PM, January 1, 2018'), '2018-01-01');
  assert.equal(parseDate('January 23, 2025'), '2025-01-23');
  assert.equal(parseDate('10:30 PM, October 31, 2017'), '2017-10-31');
  assert.equal(parseDate('Sept. 30, 2020'), '2020-09-30');
});

test('text without a date is undefined', () => {
  assert.equal(parseDate(''), undefined);
  assert.equal(parseDate('Air Canada Centre, Toronto, Canada'), undefined);
  assert.equal(parseDate('Foo 12, 2000'), undefined);
  assert.equal(parseDate('Jan 32, 2000'), undefined);
});
