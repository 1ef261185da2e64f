import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TeamSeasonPage, TeamSeasonStats } from '../../../src/domain/team-season.ts';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { PageNotFoundError } from '../../../src/errors/page-not-found-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseTeamSeason } from '../../../src/sources/basketball-reference/team-season-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';

const skip = skipWithoutFixtures;

function statsOf(page: TeamSeasonPage, side: string, basis: string): TeamSeasonStats['stats'] {
  const row = page.stats.find((s) => s.side === side && s.basis === basis);
  assert.ok(row, `${side} ${basis}`);
  return row.stats;
}

const player = (page: TeamSeasonPage, id: string) => page.roster.find((p) => p.playerId === id);

test('2022-23 Warriors: roster of 18 with rookies, a 00, a 0, foreign births and an empty college', {
  skip,
}, () => {
  const page = parseTeamSeason(readFixture('teams__GSW__2023.html'), 2023);
  assert.deepEqual([page.season, page.team, page.teamName], [2023, 'GSW', 'Golden State Warriors']);
  assert.equal(page.roster.length, 18);
  assert.ok(page.roster.every((p) => p.season === 2023 && p.team === 'GSW'));
  assert.deepEqual(page.roster[0], {
    season: 2023,
    team: 'GSW',
    playerId: 'baldwpa01',
    name: 'Patrick Baldwin Jr.',
    number: '7',
    position: 'SF',
    heightInches: 84, // 7-0
    weightPounds: 220,
    birthDate: '2002-11-18',
    country: 'US',
    experience: 0, // R
    college: 'UW-Milwaukee',
  });
  assert.deepEqual(player(page, 'kuminjo01'), {
    season: 2023,
    team: 'GSW',
    playerId: 'kuminjo01',
    name: 'Jonathan Kuminga',
    number: '00',
    position: 'PF',
    heightInches: 79, // 6-7
    weightPounds: 225,
    birthDate: '2002-10-06',
    country: 'CD',
    experience: 1,
    college: null,
  });
  assert.equal(player(page, 'divindo01')?.number, '0');
  assert.equal(player(page, 'wiggian01')?.country, 'CA');
  assert.deepEqual(
    [player(page, 'curryst01')?.heightInches, player(page, 'curryst01')?.experience],
    [74, 13],
  );
  assert.equal(page.roster.filter((p) => p.experience === 0).length, 3);
});

test('2022-23 Warriors: team and opponent stats, total and per game, and the team ratings', { skip }, () => {
  const page = parseTeamSeason(readFixture('teams__GSW__2023.html'), 2023);
  assert.deepEqual(
    page.stats.map((s) => [s.season, s.team, s.side, s.basis]),
    [
      [2023, 'GSW', 'team', 'total'],
      [2023, 'GSW', 'team', 'per_game'],
      [2023, 'GSW', 'opponent', 'total'],
      [2023, 'GSW', 'opponent', 'per_game'],
    ],
  );
  assert.deepEqual(statsOf(page, 'team', 'total'), {
    g: 82,
    mp: 19830,
    fg: 3538,
    fga: 7393,
    fg_pct: 0.479,
    fg3: 1363,
    fg3a: 3540,
    fg3_pct: 0.385,
    fg2: 2175,
    fg2a: 3853,
    fg2_pct: 0.564,
    ft: 1314,
    fta: 1655,
    ft_pct: 0.794,
    orb: 864,
    drb: 2793,
    trb: 3657,
    ast: 2446,
    stl: 588,
    blk: 323,
    tov: 1336,
    pf: 1757,
    pts: 9753,
  });
  const perGame = statsOf(page, 'team', 'per_game');
  assert.deepEqual([perGame.g, perGame.mp, perGame.fg, perGame.pts], [null, 241.8, 43.1, 118.9]);
  // `opp_fg`, `opp_pts_per_g` ... under the team's names
  const opponent = statsOf(page, 'opponent', 'total');
  assert.deepEqual(Object.keys(opponent), Object.keys(statsOf(page, 'team', 'total')));
  assert.deepEqual([opponent.fg, opponent.fg_pct, opponent.pts], [3478, 0.469, 9605]);
  assert.deepEqual(
    [statsOf(page, 'opponent', 'per_game').pts, statsOf(page, 'opponent', 'per_game').tov],
    [117.1, 14.3],
  );
  assert.deepEqual(page.ratings, {
    wins: 44,
    losses: 38,
    wins_pyth: 45,
    losses_pyth: 37,
    mov: 1.8,
    sos: -0.15,
    srs: 1.66,
    off_rtg: 116.1,
    def_rtg: 114.4,
    pace: 101.6,
    fta_per_fga_pct: 0.224,
    fg3a_per_fga_pct: 0.479,
    efg_pct: 0.571,
    tov_pct: 14.1,
    orb_pct: 24.4,
    ft_rate: 0.178,
    opp_efg_pct: 0.54,
    opp_tov_pct: 12.3,
    drb_pct: 76,
    opp_ft_rate: 0.214,
    attendance: 740624,
  });
});

test("1995-96 Grizzlies: several colleges, a 00, and the first season's ratings", { skip }, () => {
  const page = parseTeamSeason(readFixture('teams__VAN__1996.html'), 1996, 'VAN');
  assert.deepEqual([page.team, page.teamName, page.roster.length], ['VAN', 'Vancouver Grizzlies', 18]);
  assert.deepEqual(player(page, 'anthogr01'), {
    season: 1996,
    team: 'VAN',
    playerId: 'anthogr01',
    name: 'Greg Anthony',
    number: '2',
    position: 'PG',
    heightInches: 72,
    weightPounds: 176,
    birthDate: '1967-11-15',
    country: 'US',
    experience: 4,
    college: 'University of Portland, UNLV',
  });
  assert.deepEqual([player(page, 'benjabe01')?.number, player(page, 'benjabe01')?.heightInches], ['00', 84]);
  assert.equal(page.roster.filter((p) => p.experience === 0).length, 5);
  assert.deepEqual(
    [statsOf(page, 'team', 'total').pts, statsOf(page, 'opponent', 'total').pts],
    [7362, 8180],
  );
  assert.deepEqual(
    [page.ratings?.wins, page.ratings?.losses, page.ratings?.srs, page.ratings?.attendance],
    [15, 67, -9.55, 654013],
  );
});

test('1961-62 Nationals (CR CR LF line endings): the columns of the era, empty cells null', { skip }, () => {
  const html = readFixture('teams__SYR__1962.html');
  assert.ok(html.includes('\r\r\n'));
  const page = parseTeamSeason(html, 1962);
  assert.deepEqual([page.team, page.teamName, page.roster.length], ['SYR', 'Syracuse Nationals', 12]);
  assert.deepEqual(player(page, 'greerha01'), {
    season: 1962,
    team: 'SYR',
    playerId: 'greerha01',
    name: 'Hal Greer',
    number: '15',
    position: 'SG',
    heightInches: 74,
    weightPounds: 175,
    birthDate: '1936-06-26',
    country: 'US',
    experience: 3,
    college: 'Marshall',
  });
  assert.equal(player(page, 'neumapa01')?.experience, 0);
  const team = statsOf(page, 'team', 'total');
  assert.deepEqual(
    [team.g, team.mp, team.fg, team.orb, team.trb, team.pts],
    [80, null, 3706, null, 5764, 9658],
  );
  assert.equal('fg3' in team || 'stl' in team || 'tov' in team, false);
  const opponent = statsOf(page, 'opponent', 'total');
  assert.deepEqual([opponent.g, opponent.fg, opponent.pts], [80, null, 9473]);
  assert.equal(statsOf(page, 'opponent', 'per_game').pts, 118.4);
  assert.deepEqual(
    [
      page.ratings?.wins,
      page.ratings?.srs,
      page.ratings?.off_rtg,
      page.ratings?.tov_pct,
      page.ratings?.attendance,
    ],
    [41, 2.24, 93.4, null, null],
  );
  // the same records whatever the line endings
  assert.deepEqual(parseTeamSeason(html.replace(/\r+\n/g, '\n'), 1962), page);
  const gsw = readFixture('teams__GSW__2023.html');
  assert.deepEqual(parseTeamSeason(gsw.replace(/\n/g, '\r\r\n'), 2023), parseTeamSeason(gsw, 2023));
});

test('another season or team, a missing table, an empty roster and non-content pages are refused', {
  skip,
}, () => {
  const html = readFixture('teams__VAN__1996.html');
  assert.throws(
    () => parseTeamSeason(html, 1997),
    (e) => e instanceof ParseError && e.message.includes("1996 season's page, not 1997's"),
  );
  assert.throws(
    () => parseTeamSeason(html, 1996, 'MEM'),
    (e) => e instanceof ParseError && e.message === "team season page is VAN's page, not MEM's",
  );
  assert.throws(
    () => parseTeamSeason(html.replace('id="roster"', 'id="players"'), 1996),
    (e) =>
      e instanceof ParseError && e.message === 'team season page has no table#roster: the layout changed',
  );
  assert.throws(
    () => parseTeamSeason(html.replaceAll('id="team_and_opponent"', 'id="team_opp"'), 1996),
    (e) => e instanceof ParseError && e.message.includes('no table#team_and_opponent'),
  );
  const start = html.indexOf('<tbody>', html.indexOf('id="roster"'));
  const end = html.indexOf('</table>', start);
  assert.throws(
    () => parseTeamSeason(`${html.slice(0, start)}<tbody></tbody>${html.slice(end)}`, 1996),
    (e) => e instanceof EmptyPageError && e.message.includes('VAN 1996: table#roster lists no player'),
  );
  // without team_misc the ratings are null
  assert.equal(parseTeamSeason(html.replaceAll('id="team_misc"', 'id="misc"'), 1996).ratings, null);
  assert.throws(
    () =>
      parseTeamSeason(
        html.replace('data-stat="height" csk="80.0" >6-8<', 'data-stat="height" >6 ft 8<'),
        1996,
      ),
    (e) => e instanceof ParseError && e.message.includes('height: "6 ft 8" is not a height'),
  );
  assert.throws(
    () => parseTeamSeason(readFixture('errors__404_page_not_found.html'), 1996),
    PageNotFoundError,
  );
  assert.throws(
    () => parseTeamSeason('<html><head><title>Just a moment...</title></head><body></body></html>', 1996),
    BlockedError,
  );
});
