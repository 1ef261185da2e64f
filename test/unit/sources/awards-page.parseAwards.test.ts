import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AwardEntry } from '../../../src/domain/awards.ts';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseAwards } from '../../../src/sources/basketball-reference/awards-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const skip = skipWithoutFixtures;

function perAward(entries: readonly AwardEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) counts[e.award] = (counts[e.award] ?? 0) + 1;
  return counts;
}

function places(entries: readonly AwardEntry[], award: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) if (e.award === award) counts[e.place] = (counts[e.place] ?? 0) + 1;
  return counts;
}

const winners = (entries: readonly AwardEntry[], award: string) =>
  entries.filter((e) => e.award === award && e.winner);

test('2023-24: every voting table, live and commented, and the all-league teams', { skip }, () => {
  const entries = parseAwards(readFixture('awards__awards_2024.html'), 2024);
  assert.deepEqual(perAward(entries), {
    mvp: 9,
    roy: 6,
    dpoy: 13,
    smoy: 12,
    mip: 14,
    clutch_poy: 15,
    all_nba: 25,
    all_defense: 34,
    all_rookie: 21,
    coy: 11,
  });
  assert.ok(entries.every((e) => e.season === 2024));
  assert.deepEqual(winners(entries, 'mvp'), [
    {
      season: 2024,
      award: 'mvp',
      kind: 'voting',
      place: '1',
      winner: true,
      playerId: 'jokicni01',
      coachId: null,
      name: 'Nikola Jokić',
      team: 'DEN',
      votesFirst: 79,
      pointsWon: 926,
      pointsMax: 990,
      share: 0.935,
    },
  ]);
  assert.deepEqual(winners(entries, 'coy'), [
    {
      season: 2024,
      award: 'coy',
      kind: 'voting',
      place: '1',
      winner: true,
      playerId: null,
      coachId: 'daignma99c',
      name: 'Mark Daigneault',
      team: 'OKC',
      votesFirst: 89,
      pointsWon: 473,
      pointsMax: 495,
      share: 0.956,
    },
  ]);
  assert.deepEqual(
    ['roy', 'dpoy', 'smoy', 'mip', 'clutch_poy'].map((award) =>
      winners(entries, award).map((e) => e.playerId),
    ),
    [['wembavi01'], ['goberru01'], ['reidna01'], ['maxeyty01'], ['curryst01']],
  );
  // a tie keeps the page's rank and wins nothing
  const allen = entries.find((e) => e.award === 'dpoy' && e.playerId === 'allenja01')!;
  assert.deepEqual([allen.place, allen.winner, allen.pointsWon, allen.share], ['10T', false, 1, 0.002]);
  // the all-NBA teams 1T/2T/3T are 1st/2nd/3rd; others receiving votes are no winners
  assert.deepEqual(places(entries, 'all_nba'), { '1st': 5, '2nd': 5, '3rd': 5, ORV: 10 });
  assert.deepEqual(places(entries, 'all_defense'), { '1st': 5, '2nd': 5, ORV: 24 });
  assert.deepEqual(places(entries, 'all_rookie'), { '1st': 5, '2nd': 5, ORV: 11 });
  assert.equal(winners(entries, 'all_nba').length, 15);
  const sga = entries.find((e) => e.award === 'all_nba' && e.playerId === 'gilgesh01')!;
  assert.deepEqual(sga, {
    season: 2024,
    award: 'all_nba',
    kind: 'selection',
    place: '1st',
    winner: true,
    playerId: 'gilgesh01',
    coachId: null,
    name: 'Shai Gilgeous-Alexander',
    team: 'OKC',
    votesFirst: 99, // first_team_votes
    pointsWon: 495,
    pointsMax: 495,
    share: 1,
  });
  const brown = entries.find((e) => e.award === 'all_nba' && e.playerId === 'brownja02')!;
  assert.deepEqual([brown.place, brown.winner, brown.pointsWon], ['ORV', false, 50]);
});

test('1973-74: NBA and ABA votings, a traded rookie (TOT), fractional votes, two all-NBA teams', {
  skip,
}, () => {
  const entries = parseAwards(readFixture('awards__awards_1974.html'), 1974);
  assert.deepEqual(perAward(entries), {
    nba_mvp: 20,
    aba_mvp: 2,
    nba_roy: 3,
    aba_roy: 4,
    all_nba: 10,
    all_defense: 12,
    all_rookie: 12,
    coy: 5,
  });
  const mvps = entries.filter((e) => e.winner && e.kind === 'voting' && e.award.endsWith('_mvp'));
  assert.deepEqual(
    mvps.map((e) => [e.award, e.playerId, e.name, e.team, e.votesFirst, e.pointsWon, e.pointsMax, e.share]),
    [
      ['nba_mvp', 'abdulka01', 'Kareem Abdul-Jabbar', 'MIL', 74, 528, 905, 0.583],
      ['aba_mvp', 'ervinju01', 'Julius Erving', 'NYA', 49, 49, 66, 0.742],
    ],
  );
  const nater = winners(entries, 'aba_roy')[0]!;
  assert.deepEqual(
    [nater.playerId, nater.team, nater.votesFirst, nater.pointsWon],
    ['natersw01', 'TOT', null, 24],
  );
  const behagen = entries.find((e) => e.award === 'nba_roy' && e.place === '2')!;
  assert.deepEqual([behagen.name, behagen.votesFirst, behagen.pointsWon], ['Ron Behagen', 0.7, 0.7]);
  assert.deepEqual(
    winners(entries, 'coy').map((e) => [e.coachId, e.playerId, e.name, e.team]),
    [['scottra01c', null, 'Ray Scott', 'DET']],
  );
  assert.deepEqual(places(entries, 'all_nba'), { '1st': 5, '2nd': 5 });
  assert.deepEqual(places(entries, 'all_defense'), { '1st': 6, '2nd': 6 });
  assert.deepEqual(places(entries, 'all_rookie'), { '1st': 5, ORV: 7 });
  assert.ok(entries.filter((e) => e.kind === 'selection').every((e) => e.votesFirst === null));
});

test('another season, a page without award tables, empty award tables and a block page are refused', {
  skip,
}, () => {
  assert.throws(
    () => parseAwards(readFixture('awards__awards_2024.html'), 2023),
    (e) => e instanceof ParseError && e.message.includes("2024 season's page, not 2023's"),
  );
  const page = (content: string) => syntheticPage({ canonical: '/awards/awards_2030.html', content });
  assert.throws(
    () =>
      parseAwards(page('<table id="other"><thead><tr><th data-stat="x">X</th></tr></thead></table>'), 2030),
    (e) => e instanceof ParseError && e.message === 'awards page has no award table: the layout changed',
  );
  const mvpHeader =
    '<thead><tr><th data-stat="rank">Rank</th><th data-stat="player">Player</th><th data-stat="award_share">Share</th></tr></thead>';
  assert.throws(
    () => parseAwards(page(`<table id="mvp">${mvpHeader}<tbody></tbody></table>`), 2030),
    EmptyPageError,
  );
  assert.throws(
    () =>
      parseAwards(
        page(
          `<table id="mvp">${mvpHeader}<tbody><tr><th data-stat="rank">1</th><td data-stat="player">Nobody</td></tr></tbody></table>`,
        ),
        2030,
      ),
    (e) => e instanceof ParseError && e.message === 'awards page: table#mvp row 1 names no player or coach',
  );
  assert.throws(
    () => parseAwards('<html><head><title>429 error</title></head><body></body></html>', 2024),
    BlockedError,
  );
});
