import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DraftPick } from '../../../src/domain/draft.ts';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { EmptyPageError } from '../../../src/errors/empty-page-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseDraft } from '../../../src/sources/basketball-reference/draft-page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const skip = skipWithoutFixtures;

const draft = (season: number) => parseDraft(readFixture(`draft__NBA_${season}.html`), season);

function perRound(picks: readonly DraftPick[]): number[] {
  const counts: number[] = [];
  for (const p of picks) counts[p.round - 1] = (counts[p.round - 1] ?? 0) + 1;
  return counts;
}

const pick = (picks: readonly DraftPick[], n: number) => picks.find((p) => p.pick === n);

test('1965: 112 picks over 17 rounds; the territorial picks come before pick 1', { skip }, () => {
  const picks = draft(1965);
  assert.equal(picks.length, 112);
  assert.deepEqual(
    picks.map((p) => p.pick).sort((a, b) => a - b),
    Array.from({ length: 112 }, (_, i) => i + 1),
  );
  assert.deepEqual(
    picks.slice(0, 4).map((p) => [p.pick, p.round, p.team, p.playerId, p.name]),
    [
      [2, 1, 'NYK', 'bradlbi01', 'Bill Bradley'],
      [3, 1, 'DET', 'buntibi01', 'Bill Buntin'],
      [10, 1, 'LAL', 'goodrga01', 'Gail Goodrich'],
      [1, 1, 'SFW', 'hetzefr01', 'Fred Hetzel'],
    ],
  );
  assert.deepEqual(pick(picks, 1), {
    season: 1965,
    round: 1,
    pick: 1,
    team: 'SFW',
    playerId: 'hetzefr01',
    name: 'Fred Hetzel',
    college: 'Davidson',
    career: {
      seasons: 6,
      g: 416,
      mp: 8885,
      pts: 4658,
      trb: 2444,
      ast: 462,
      fg_pct: 0.421,
      fg3_pct: null,
      ft_pct: 0.817,
      mp_per_g: 21.4,
      pts_per_g: 11.2,
      trb_per_g: 5.9,
      ast_per_g: 1.1,
      ws: 15.9,
      ws_per_48: 0.086,
      bpm: null,
      vorp: null,
    },
  });
  assert.deepEqual(perRound(picks), [11, 9, 9, 9, 9, 9, 8, 7, 6, 6, 6, 5, 5, 4, 4, 4, 1]);
  // a player who never played in the NBA: every career value null
  const johnson = pick(picks, 11)!;
  assert.deepEqual([johnson.name, johnson.team, johnson.round], ['Ollie Johnson', 'BOS', 1]);
  assert.ok(Object.values(johnson.career).every((v) => v === null));
  assert.deepEqual([pick(picks, 12)?.round, pick(picks, 12)?.name], [2, 'Will Frazier']);
});

test('1984: 228 picks over 10 rounds', { skip }, () => {
  const picks = draft(1984);
  assert.equal(picks.length, 228);
  assert.deepEqual(perRound(picks), [24, 23, 23, 23, 23, 23, 23, 22, 22, 22]);
  const olajuwon = pick(picks, 1)!;
  assert.deepEqual(
    [olajuwon.team, olajuwon.playerId, olajuwon.name, olajuwon.college, olajuwon.round],
    ['HOU', 'olajuha01', 'Hakeem Olajuwon', 'Houston', 1],
  );
  assert.deepEqual(
    [
      olajuwon.career.seasons,
      olajuwon.career.g,
      olajuwon.career.pts,
      olajuwon.career.fg3_pct,
      olajuwon.career.vorp,
    ],
    [18, 1238, 26946, 0.202, 74.2],
  );
  assert.deepEqual(
    [pick(picks, 3)?.team, pick(picks, 3)?.name, pick(picks, 3)?.college],
    ['CHI', 'Michael Jordan', 'UNC'],
  );
  assert.equal(pick(picks, 25)?.round, 2);
});

test('2024: 58 picks (the forfeited 59 and 60 are no picks), international picks without college', {
  skip,
}, () => {
  const picks = draft(2024);
  assert.equal(picks.length, 58);
  assert.deepEqual(perRound(picks), [30, 28]);
  assert.equal(pick(picks, 59), undefined);
  assert.deepEqual(pick(picks, 1), {
    season: 2024,
    round: 1,
    pick: 1,
    team: 'ATL',
    playerId: 'risacza01',
    name: 'Zaccharie Risacher',
    college: null,
    career: {
      seasons: 2,
      g: 142,
      mp: 3346,
      pts: 1583,
      trb: 525,
      ast: 168,
      fg_pct: 0.457,
      fg3_pct: 0.36,
      ft_pct: 0.686,
      mp_per_g: 23.6,
      pts_per_g: 11.1,
      trb_per_g: 3.7,
      ast_per_g: 1.2,
      ws: 4.1,
      ws_per_48: 0.058,
      bpm: -3.1,
      vorp: -0.9,
    },
  });
  assert.equal(picks.filter((p) => p.college === null).length, 15);
});

test('another year, a missing or empty table, a pick without number and a block page are refused', {
  skip,
}, () => {
  const html = readFixture('draft__NBA_1984.html');
  assert.throws(
    () => parseDraft(html, 1985),
    (e) => e instanceof ParseError && e.message.includes("1984 season's page, not 1985's"),
  );
  assert.throws(
    () => parseDraft(html.replace('id="stats"', 'id="draft"'), 1984),
    (e) => e instanceof ParseError && e.message === 'draft page has no table#stats: the layout changed',
  );
  const page = (rows: string) =>
    syntheticPage({
      canonical: '/draft/NBA_2030.html',
      content: `<table id="stats"><tbody>${rows}</tbody></table>`,
    });
  assert.throws(() => parseDraft(page(''), 2030), EmptyPageError);
  assert.throws(
    () =>
      parseDraft(
        page(
          '<tr><td data-stat="pick_overall"></td><td data-stat="team_id">BOS</td><td data-stat="player">A B</td></tr>',
        ),
        2030,
      ),
    (e) => e instanceof ParseError && e.message.includes('("A B") pick_overall is empty'),
  );
  assert.throws(
    () => parseDraft('<html><head><title>Access Denied</title></head><body></body></html>', 1984),
    BlockedError,
  );
});
