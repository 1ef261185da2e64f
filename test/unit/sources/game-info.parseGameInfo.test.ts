import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseGameInfo } from '../../../src/sources/basketball-reference/game-info.ts';
import { contentOf } from '../../../src/sources/basketball-reference/page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

function info(html: string) {
  return parseGameInfo(contentOf(html)!);
}

test('one div per label (2019+ captures)', { skip: skipWithoutFixtures }, () => {
  const i = info(readFixture('boxscores__201801010BRK.html'));
  assert.deepEqual([...i.inactive.keys()], ['ORL', 'BRK']);
  assert.deepEqual(
    i.inactive.get('ORL')!.map((p) => p.name),
    ['Jamel Artis', 'Jonathan Isaac', 'Adreian Payne', 'Terrence Ross', 'Nikola Vučević'],
  );
  assert.deepEqual(i.inactive.get('BRK'), [
    { playerId: 'linje01', name: 'Jeremy Lin' },
    { playerId: 'russeda01', name: "D'Angelo Russell" },
    { playerId: 'whiteis01', name: 'Isaiah Whitehead' },
    { playerId: 'wileyja01', name: 'Jacob Wiley' },
  ]);
  assert.deepEqual(
    i.officials.map((o) => o.name),
    ['Ray Acosta', 'Bill Kennedy', 'Gediminas Petraitis'],
  );
  assert.deepEqual([i.attendance, i.durationMinutes], [16164, 133]);
});

test('all labels in one div separated by <br> (2018 capture)', { skip: skipWithoutFixtures }, () => {
  const i = info(readFixture('boxscores__201710310LAL.html'));
  assert.deepEqual(
    i.inactive.get('DET')!.map((p) => p.playerId),
    ['buyckdw01', 'kennalu01', 'montelu01'],
  );
  assert.equal(i.inactive.get('LAL')!.length, 4);
  assert.deepEqual(i.officials, [
    { playerId: 'garrero99r', name: 'Ron Garretson' },
    { playerId: 'smithaa99r', name: 'Aaron Smith' },
    { playerId: 'woodle01r', name: 'Leon Wood' },
  ]);
  assert.deepEqual([i.attendance, i.durationMinutes], [17569, 113]);
});

test('"None" gives an empty list; a missing Time of Game is null', { skip: skipWithoutFixtures }, () => {
  const i = info(readFixture('boxscores__200101010MIN.html'));
  assert.deepEqual(
    [...i.inactive.entries()],
    [
      ['HOU', []],
      ['MIN', []],
    ],
  );
  assert.deepEqual([i.attendance, i.durationMinutes], [14779, null]);
});

test('a page without these lines gives empty values; a malformed attendance is a ParseError', () => {
  const none = info(syntheticPage({ content: '<div><strong>Four Factors</strong></div>' }));
  assert.deepEqual(
    [none.inactive.size, none.officials, none.attendance, none.durationMinutes],
    [0, [], null, null],
  );
  assert.throws(
    () => info(syntheticPage({ content: '<div><strong>Attendance:&nbsp;</strong>lots</div>' })),
    (e) => e instanceof ParseError && e.message.includes('Attendance "lots" is not a number'),
  );
});
