import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayOfIso } from '../../../src/local/replay/dates.ts';
import { seasonModel } from '../../../src/local/replay/season-model.ts';
import { byRecord, seasonStandings } from '../../../src/local/replay/season-standings.ts';

const model = seasonModel(2018);

test('standings count the played regular-season games: every win is a loss of another team', () => {
  const asOf = dayOfIso('2018-01-15');
  const standings = [...seasonStandings(model, asOf).values()];
  const played = model.games.filter((g) => g.gameType === 'regular' && g.day <= asOf);
  assert.equal(standings.length, 30);
  assert.equal(
    standings.reduce((s, t) => s + t.wins, 0),
    played.length,
  );
  assert.equal(
    standings.reduce((s, t) => s + t.losses, 0),
    played.length,
  );
  for (const t of standings) {
    const own = played.filter((g) => g.home.code === t.team.code || g.visitor.code === t.team.code);
    assert.equal(t.games, own.length, t.team.code);
    const scored = own.reduce(
      (s, g) => s + (g.home.code === t.team.code ? g.homePoints : g.visitorPoints),
      0,
    );
    assert.equal(t.pointsFor, scored, t.team.code);
    assert.ok(Math.abs(t.srs - (t.mov + t.sos)) < 1e-9);
    assert.equal(t.playoffs, false, 'nobody is in the playoffs before the field is known');
  }
});

test('at the end of the season the playoff teams are marked and SRS averages about zero', () => {
  const standings = [...seasonStandings(model, Number.POSITIVE_INFINITY).values()];
  const playoffTeams = new Set(
    model.games.filter((g) => g.gameType === 'playoffs').flatMap((g) => [g.home.code, g.visitor.code]),
  );
  assert.equal(playoffTeams.size, 16);
  assert.deepEqual(new Set(standings.filter((t) => t.playoffs).map((t) => t.team.code)), playoffTeams);
  assert.ok(standings.every((t) => t.games === 82));
  const mean = standings.reduce((s, t) => s + t.srs, 0) / standings.length;
  assert.ok(Math.abs(mean) < 0.05, `mean SRS ${mean}`);
  const sorted = standings.slice().sort(byRecord);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1]!.wins >= sorted[i]!.wins);
});
