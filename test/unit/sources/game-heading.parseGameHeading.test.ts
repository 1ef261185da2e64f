import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGameHeading } from '../../../src/sources/basketball-reference/game-heading.ts';

test('regular season headings, old and new title styles', () => {
  for (const h of [
    'Milwaukee Bucks at Toronto Raptors Box Score, January 1, 2018',
    'Spurs vs Hawks, January 1, 2017 | Basketball-Reference.com',
    'San Antonio Spurs at Atlanta Hawks Box Score, January 1, 2017 | Basketball-Reference.com',
  ]) {
    assert.deepEqual(parseGameHeading(h), { gameType: 'regular', playoffRound: null }, h);
  }
});

test('playoff headings carry the round and game number', () => {
  assert.deepEqual(
    parseGameHeading(
      '2025 NBA Eastern Conference First Round Game 1: Milwaukee Bucks at Indiana Pacers Box Score, April 19, 2025',
    ),
    { gameType: 'playoffs', playoffRound: 'Eastern Conference First Round Game 1' },
  );
  assert.deepEqual(
    parseGameHeading(
      '2018 NBA Finals Game 4: Golden State Warriors at Cleveland Cavaliers Box Score, June 8, 2018',
    ),
    { gameType: 'playoffs', playoffRound: 'Finals Game 4' },
  );
  assert.deepEqual(
    parseGameHeading(
      '  2020 NBA Western Conference First Round Game 1:\n Utah Jazz at Denver Nuggets Box Score, August 17, 2020',
    ),
    { gameType: 'playoffs', playoffRound: 'Western Conference First Round Game 1' },
  );
  assert.deepEqual(
    parseGameHeading(
      '1947 BAA Finals Game 2: Chicago Stags at Philadelphia Warriors Box Score, April 17, 1947',
    ),
    {
      gameType: 'playoffs',
      playoffRound: 'Finals Game 2',
    },
  );
});

test('play-in headings; the NBA Cup final is not a playoff game', () => {
  assert.deepEqual(
    parseGameHeading('Play-In Game: Charlotte Hornets at Indiana Pacers Box Score, May 18, 2021'),
    {
      gameType: 'play-in',
      playoffRound: null,
    },
  );
  assert.deepEqual(
    parseGameHeading('NBA Cup Final: Milwaukee Bucks vs Oklahoma City Thunder Box Score, December 17, 2024'),
    { gameType: 'regular', playoffRound: null },
  );
});
