import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GameType, ScheduleGame } from '../../../src/domain/game.ts';
import { inferGameTypes } from '../../../src/domain/game-types.ts';

function game(gameId: string, date: string, gameType: GameType | null): ScheduleGame {
  return {
    gameId,
    season: 2024,
    date,
    startTime: null,
    visitor: { code: 'AAA', name: 'A' },
    home: { code: 'BBB', name: 'B' },
    visitorPoints: null,
    homePoints: null,
    overtimes: 0,
    attendance: null,
    durationMinutes: null,
    arena: null,
    remarks: null,
    boxScorePath: null,
    status: 'scheduled',
    gameType,
  };
}

test('around the play-in: before it regular season, after it playoffs', () => {
  const games = [
    game('r1', '2024-04-14', null),
    game('p1', '2024-04-16', 'play-in'),
    game('p2', '2024-04-19', 'play-in'),
    game('x', '2024-04-20', null),
    game('y', '2024-06-17', null),
  ];
  assert.deepEqual(Object.fromEntries(inferGameTypes(games)), {
    r1: 'regular',
    x: 'playoffs',
    y: 'playoffs',
  });
});

test('a known playoff game starts the playoffs when there is no play-in', () => {
  const games = [
    game('a', '2020-08-14', null),
    game('b', '2020-08-17', 'playoffs'),
    game('c', '2020-08-18', null),
  ];
  assert.deepEqual(Object.fromEntries(inferGameTypes(games)), { a: 'regular', c: 'playoffs' });
});

test('nothing known: nothing inferred; known types are never changed', () => {
  assert.equal(inferGameTypes([game('a', '2024-01-01', null), game('b', '2024-05-01', null)]).size, 0);
  const games = [
    game('r', '2024-04-20', 'regular'),
    game('p', '2024-04-16', 'play-in'),
    game('q', '2024-04-19', null),
  ];
  // A game dated before a known regular-season game is not called a playoff game.
  assert.deepEqual(Object.fromEntries(inferGameTypes(games)), {});
});
