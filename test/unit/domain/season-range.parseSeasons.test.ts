import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latestSeason, parseSeasons, seasonLabel } from '../../../src/domain/season-range.ts';
import { UsageError } from '../../../src/errors/usage-error.ts';

const today = new Date('2026-11-23T00:00:00Z');

test('single years, ranges and comma lists give sorted distinct seasons', () => {
  assert.deepEqual(parseSeasons(['2018'], today), [2018]);
  assert.deepEqual(parseSeasons(['2019-2021', '2018'], today), [2018, 2019, 2020, 2021]);
  assert.deepEqual(parseSeasons(['2020,2018', '2019-2020'], today), [2018, 2019, 2020]);
});

test('the latest season is the one that starts in the autumn', () => {
  assert.equal(latestSeason(today), 2027);
  assert.equal(latestSeason(new Date('2026-06-01T00:00:00Z')), 2026);
  assert.deepEqual(parseSeasons(['2027'], today), [2027]);
});

test('malformed, reversed and out-of-range arguments are all named in one UsageError', () => {
  assert.throws(
    () => parseSeasons(['18', '2021-2019', '1900', '2030'], today),
    (err: unknown) =>
      err instanceof UsageError &&
      err.code === 'ERR_USAGE' &&
      err.message.includes('"18" is not a season') &&
      err.message.includes('"2021-2019" is a range that ends before it starts') &&
      err.message.includes('"1900" is outside') &&
      err.message.includes('"2030" is outside'),
  );
  assert.throws(() => parseSeasons([], today), /no season given/);
});

test('season labels follow the league naming', () => {
  assert.equal(seasonLabel(2018), '2017-18');
  assert.equal(seasonLabel(2000), '1999-00');
});
