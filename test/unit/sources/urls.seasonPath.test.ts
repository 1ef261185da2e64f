import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  absoluteUrl,
  advancedPath,
  awardsPath,
  boxScorePath,
  draftPath,
  leaguePrefix,
  monthPath,
  seasonPath,
  seasonSummaryPath,
  teamSeasonPath,
  totalsPath,
} from '../../../src/sources/basketball-reference/urls.ts';

test('season default schedule pages: NBA from 1949-50, BAA before', () => {
  assert.equal(seasonPath(2018), '/leagues/NBA_2018_games.html');
  assert.equal(seasonPath(1950), '/leagues/NBA_1950_games.html');
  assert.equal(seasonPath(1949), '/leagues/BAA_1949_games.html');
  assert.equal(seasonPath(1947), '/leagues/BAA_1947_games.html');
  assert.equal(leaguePrefix(1949), 'BAA');
  assert.equal(leaguePrefix(1950), 'NBA');
});

test('month pages take the slug of the month navigation, including october-2019 / october-2020', () => {
  assert.equal(monthPath(2018, 'october'), '/leagues/NBA_2018_games-october.html');
  assert.equal(monthPath(2020, 'october-2019'), '/leagues/NBA_2020_games-october-2019.html');
  assert.equal(monthPath(2020, 'october-2020'), '/leagues/NBA_2020_games-october-2020.html');
  assert.equal(monthPath(1948, 'april'), '/leagues/BAA_1948_games-april.html');
  assert.throws(() => monthPath(2018, '../x'), RangeError);
});

test('box score and totals pages', () => {
  assert.equal(boxScorePath('201801010TOR'), '/boxscores/201801010TOR.html');
  assert.equal(totalsPath(2024), '/leagues/NBA_2024_totals.html');
  assert.equal(totalsPath(1948), '/leagues/BAA_1948_totals.html');
  assert.equal(
    absoluteUrl(boxScorePath('201801010TOR')),
    'https://www.basketball-reference.com/boxscores/201801010TOR.html',
  );
});

test('season summary, team season, advanced, draft and awards pages', () => {
  assert.equal(seasonSummaryPath(2024), '/leagues/NBA_2024.html');
  assert.equal(seasonSummaryPath(1947), '/leagues/BAA_1947.html');
  assert.equal(teamSeasonPath('SYR', 1962), '/teams/SYR/1962.html');
  assert.equal(advancedPath(1974), '/leagues/NBA_1974_advanced.html');
  assert.equal(draftPath(2024), '/draft/NBA_2024.html');
  assert.equal(draftPath(1947), '/draft/BAA_1947.html');
  assert.equal(awardsPath(1974), '/awards/awards_1974.html');
  for (const bad of ['gsw', 'G', 'GOLDEN', '../X', ''])
    assert.throws(() => teamSeasonPath(bad, 2023), RangeError, bad);
  assert.throws(() => teamSeasonPath('GSW', 1900), RangeError);
  assert.throws(() => draftPath(2024.5), RangeError);
  assert.throws(() => awardsPath(1946), RangeError);
});

test('bad game ids and seasons are refused', () => {
  for (const bad of ['20180101TOR', '201801011TOR', '201801010tor', '201801010TORX', '', '../201801010TOR']) {
    assert.throws(() => boxScorePath(bad), RangeError, bad);
  }
  assert.throws(() => seasonPath(1946), RangeError);
  assert.throws(() => seasonPath(2018.5), RangeError);
  assert.throws(() => totalsPath(Number.NaN), RangeError);
});
