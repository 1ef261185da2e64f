import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  awardsSeasonFromPath,
  coachIdFromPath,
  dateFromGameId,
  draftSeasonFromPath,
  gameIdFromPath,
  homeCodeFromGameId,
  isGameId,
  leaguePageKind,
  monthSlugFromPath,
  playerIdFromPath,
  refereeIdFromPath,
  seasonFromPath,
  sitePath,
  teamFromPath,
} from '../../../src/sources/basketball-reference/urls.ts';

test('game ids from relative and absolute (browser-saved) box score links', () => {
  assert.equal(gameIdFromPath('/boxscores/200010310ATL.html'), '200010310ATL');
  assert.equal(
    gameIdFromPath('https://www.basketball-reference.com/boxscores/200611010CHA.html'),
    '200611010CHA',
  );
  assert.equal(gameIdFromPath('/boxscores/index.fcgi?month=10&day=31&year=2000'), undefined);
  assert.equal(gameIdFromPath('/boxscores/'), undefined);
  assert.equal(gameIdFromPath('https://example.com/boxscores/200611010CHA.html'), undefined);
});

test('game id pattern and the date and home team inside it', () => {
  assert.equal(isGameId('201801010TOR'), true);
  assert.equal(isGameId('201801010TO'), false);
  assert.equal(dateFromGameId('201710310LAL'), '2017-10-31');
  assert.equal(homeCodeFromGameId('201710310LAL'), 'LAL');
});

test('seasons and month slugs of league pages', () => {
  assert.equal(seasonFromPath('/leagues/NBA_2001_games-october.html'), 2001);
  assert.equal(seasonFromPath('https://www.basketball-reference.com/leagues/NBA_2007_games.html'), 2007);
  assert.equal(seasonFromPath('/leagues/NBA_2024_totals.html'), 2024);
  assert.equal(seasonFromPath('/leagues/BAA_1948_games.html'), 1948);
  assert.equal(seasonFromPath('/leagues/NBA_2020.html'), 2020);
  assert.equal(seasonFromPath('/teams/BOS/2025_games.html'), undefined);
  assert.equal(monthSlugFromPath('/leagues/NBA_2020_games-october-2019.html'), 'october-2019');
  assert.equal(monthSlugFromPath('/leagues/NBA_2020_games.html'), undefined);
  assert.equal(leaguePageKind('/leagues/NBA_2020_games.html'), 'season');
  assert.equal(leaguePageKind('/leagues/NBA_2020_games-august.html'), 'schedule');
  assert.equal(leaguePageKind('/leagues/NBA_2020_totals.html'), 'totals');
  assert.equal(leaguePageKind('https://www.basketball-reference.com/leagues/NBA_2020.html'), 'summary');
  assert.equal(leaguePageKind('/leagues/NBA_1974_advanced.html'), 'advanced');
  assert.equal(leaguePageKind('/404.html'), undefined);
});

test('seasons of advanced, team season, draft and awards pages', () => {
  assert.equal(seasonFromPath('/leagues/NBA_1974_advanced.html'), 1974);
  assert.equal(seasonFromPath('https://www.basketball-reference.com/teams/SYR/1962.html'), 1962);
  assert.equal(seasonFromPath('/draft/NBA_1965.html'), 1965);
  assert.equal(seasonFromPath('/awards/awards_2024.html'), 2024);
  assert.equal(draftSeasonFromPath('/draft/BAA_1947.html'), 1947);
  assert.equal(draftSeasonFromPath('/teams/ATL/draft.html'), undefined);
  assert.equal(awardsSeasonFromPath('https://www.basketball-reference.com/awards/awards_1974.html'), 1974);
  assert.equal(awardsSeasonFromPath('/awards/mvp.html'), undefined);
  assert.equal(monthSlugFromPath('/leagues/NBA_1974_advanced.html'), undefined);
});

test('teams, players, referees and coaches from their links', () => {
  assert.deepEqual(teamFromPath('/teams/CHH/2001.html'), { code: 'CHH', season: 2001 });
  assert.deepEqual(teamFromPath('https://www.basketball-reference.com/teams/NOK/2007.html'), {
    code: 'NOK',
    season: 2007,
  });
  assert.equal(teamFromPath('/teams/'), undefined);
  assert.equal(playerIdFromPath('/players/b/bertada01.html'), 'bertada01');
  assert.equal(refereeIdFromPath('/referees/malloed99r.html'), 'malloed99r');
  assert.equal(coachIdFromPath('/coaches/daignma99c.html'), 'daignma99c');
  assert.equal(coachIdFromPath('/players/b/bertada01.html'), undefined);
});

test('site paths drop the origin and the fragment, refuse other hosts', () => {
  assert.equal(
    sitePath('https://www.basketball-reference.com/leagues/NBA_2019_games-april.html#schedule::none'),
    '/leagues/NBA_2019_games-april.html',
  );
  assert.equal(sitePath('//basketball-reference.com/boxscores/'), '/boxscores/');
  assert.equal(sitePath('/leagues/NBA_2018_games.html'), '/leagues/NBA_2018_games.html');
  assert.equal(sitePath('https://www.sports-reference.com/bot-traffic.html'), undefined);
});
