import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seasonOfDate, seasonOfGameId } from '../../../src/sources/basketball-reference/game-season.ts';

test('September to December belong to the next season, January to August to this one', () => {
  assert.equal(seasonOfDate('2017-10-31'), 2018);
  assert.equal(seasonOfDate('2000-10-31'), 2001);
  assert.equal(seasonOfDate('1979-11-01'), 1980);
  assert.equal(seasonOfDate('2018-01-01'), 2018);
  assert.equal(seasonOfDate('2018-06-08'), 2018);
  assert.equal(seasonOfDate('2011-12-25'), 2012);
});

test('2019-20: games before the suspension and the whole Orlando bubble (to October 11, 2020) are 2020', () => {
  assert.equal(seasonOfGameId('202002220UTA'), 2020);
  assert.equal(seasonOfDate('2020-03-11'), 2020);
  assert.equal(seasonOfDate('2020-07-30'), 2020);
  assert.equal(seasonOfDate('2020-08-17'), 2020);
  assert.equal(seasonOfDate('2020-09-30'), 2020);
  assert.equal(seasonOfDate('2020-10-11'), 2020);
});

test('2020-21 started on December 22, 2020', () => {
  assert.equal(seasonOfDate('2020-12-22'), 2021);
  assert.equal(seasonOfDate('2021-07-20'), 2021);
  assert.equal(seasonOfDate('2021-10-19'), 2022);
});

test('malformed dates are refused', () => {
  assert.throws(() => seasonOfDate('2020/10/11'), RangeError);
  assert.throws(() => seasonOfGameId('2020'), RangeError);
});
