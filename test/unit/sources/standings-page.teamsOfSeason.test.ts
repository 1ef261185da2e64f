import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { teamsOfSeason } from '../../../src/sources/basketball-reference/standings-page.ts';
import { teamSeasonPath } from '../../../src/sources/basketball-reference/urls.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';

const skip = skipWithoutFixtures;

test('every team of the season once, with the code of its team page, from every era', { skip }, () => {
  const counts = Object.fromEntries(
    [1980, 2000, 2017, 2020, 2024].map((y) => [
      y,
      teamsOfSeason(readFixture(`leagues__NBA_${y}.html`), y).length,
    ]),
  );
  assert.deepEqual(counts, { 1980: 22, 2000: 29, 2017: 30, 2020: 30, 2024: 30 });
  const teams2024 = teamsOfSeason(readFixture('leagues__NBA_2024.html'), 2024);
  assert.deepEqual(teams2024[0], { team: 'BOS', name: 'Boston Celtics' });
  assert.equal(new Set(teams2024.map((t) => t.team)).size, 30);
  const teams1980 = teamsOfSeason(readFixture('leagues__NBA_1980.html'), 1980);
  assert.deepEqual(
    teams1980.filter((t) => ['WSB', 'KCK', 'SDC'].includes(t.team)),
    [
      { team: 'WSB', name: 'Washington Bullets' },
      { team: 'KCK', name: 'Kansas City Kings' },
      { team: 'SDC', name: 'San Diego Clippers' },
    ],
  );
  // the page links each team's season page by the path the crawl builds
  for (const { team } of teams1980) {
    assert.ok(readFixture('leagues__NBA_1980.html').includes(`href="${teamSeasonPath(team, 1980)}"`), team);
  }
});

test("another season's summary is refused", { skip }, () => {
  assert.throws(() => teamsOfSeason(readFixture('leagues__NBA_2000.html'), 2001), ParseError);
});
