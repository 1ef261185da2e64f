import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { contentOf } from '../../../src/sources/basketball-reference/page.ts';
import { parseScorebox } from '../../../src/sources/basketball-reference/scorebox.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const content = (html: string) => contentOf(html)!;

test('the three team-block wrappers read the same way', { skip: skipWithoutFixtures }, () => {
  // 2018: div.score directly in the team div
  const lal = parseScorebox(content(readFixture('boxscores__201710310LAL.html')));
  assert.deepEqual(lal.visitor, {
    code: 'DET',
    name: 'Detroit Pistons',
    points: 93,
    record: '5-3',
    season: 2018,
  });
  assert.deepEqual(lal.home, {
    code: 'LAL',
    name: 'Los Angeles Lakers',
    points: 113,
    record: '3-4',
    season: 2018,
  });
  // 2019-2025: div.scores > div.score
  const uta = parseScorebox(content(readFixture('boxscores__202002220UTA.html')));
  assert.deepEqual(uta.visitor, {
    code: 'HOU',
    name: 'Houston Rockets',
    points: 120,
    record: '36-20',
    season: 2020,
  });
  assert.deepEqual([uta.home.code, uta.home.points], ['UTA', 110]);
  // 2026: div.scorebox_team#sb_team_0 / #sb_team_1
  const tor = parseScorebox(content(readFixture('boxscores__201801010TOR.html')));
  assert.deepEqual(tor.visitor, {
    code: 'MIL',
    name: 'Milwaukee Bucks',
    points: 127,
    record: '19-16',
    season: 2018,
  });
  assert.deepEqual(tor.home, {
    code: 'TOR',
    name: 'Toronto Raptors',
    points: 131,
    record: '25-10',
    season: 2018,
  });
  assert.deepEqual(
    [tor.date, tor.startTime, tor.arena, tor.location],
    ['2018-01-01', '19:30', 'Air Canada Centre', 'Toronto, Canada'],
  );
});

function box(meta: string): string {
  const team = (code: string, pts: number) =>
    `<div><div><strong><a href="/teams/${code}/2025.html">Team ${code}</a></strong></div><div class="scores"><div class="score">${pts}</div></div><div>1-0</div></div>`;
  return syntheticPage({
    content: `<div class="scorebox">${team('MIL', 97)}${team('OKC', 81)}<div class="scorebox_meta">${meta}</div></div>`,
  });
}

test('meta lines: a label before the date (NBA Cup), a date without time, no venue', () => {
  const cup = parseScorebox(
    content(
      box(
        '<div>NBA Cup</div><div>8:30 PM, December 17, 2024</div><div>T-Mobile Arena, Las Vegas, Nevada</div>',
      ),
    ),
  );
  assert.deepEqual(
    [cup.date, cup.startTime, cup.arena, cup.location],
    ['2024-12-17', '20:30', 'T-Mobile Arena', 'Las Vegas, Nevada'],
  );
  const old = parseScorebox(content(box('<div>November 5, 1999</div><div>Tokyo Dome, Tokyo, Japan</div>')));
  assert.deepEqual(
    [old.date, old.startTime, old.arena, old.location],
    ['1999-11-05', null, 'Tokyo Dome', 'Tokyo, Japan'],
  );
  const noVenue = parseScorebox(
    content(box('<div>7:30 PM, October 21, 2025</div><div><em>Logos via Sports Logos.net</em></div>')),
  );
  assert.deepEqual([noVenue.date, noVenue.arena, noVenue.location], ['2025-10-21', null, null]);
  const none = parseScorebox(content(box('')));
  assert.deepEqual([none.date, none.startTime], [undefined, null]);
});

test('a scorebox without two scored team blocks is a ParseError', () => {
  const html = box('').replace('<div class="score">81</div>', '');
  assert.throws(
    () => parseScorebox(content(html)),
    (e) => e instanceof ParseError && e.message.includes('1 team blocks'),
  );
  assert.throws(
    () => parseScorebox(content(syntheticPage({ content: '<div class="scores"></div>' }))),
    (e) => e instanceof ParseError && e.message.includes('no div.scorebox'),
  );
  const badScore = box('').replace('<div class="score">97</div>', '<div class="score">ninety</div>');
  assert.throws(
    () => parseScorebox(content(badScore)),
    (e) => e instanceof ParseError && e.message.includes('"ninety" is not a number'),
  );
});
