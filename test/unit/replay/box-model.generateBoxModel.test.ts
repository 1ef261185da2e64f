import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BoxScore, TeamBox } from '../../../src/domain/box-score.ts';
import {
  allocateSeconds,
  type BoxTeam,
  generateBoxModel,
  points,
} from '../../../src/local/replay/box-model.ts';
import { type SeasonGame, seasonModel } from '../../../src/local/replay/season-model.ts';
import { boxScoreOf } from '../../../src/local/replay/truth.ts';

/** A spread of games: every 25th of 2018 and 2024, plus overtime, playoff and play-in games. */
function sampleGames(): Array<[number, SeasonGame]> {
  const out: Array<[number, SeasonGame]> = [];
  for (const season of [2001, 2018, 2024]) {
    const m = seasonModel(season);
    m.games.forEach((g, i) => {
      if (i % 25 === 0 || g.overtimes >= 2 || (g.gameType !== 'regular' && i % 5 === 0))
        out.push([season, g]);
    });
  }
  return out;
}

test('allocateSeconds splits exactly, respects the cap and gives nothing to zero weights', () => {
  const secs = allocateSeconds([5, 5, 1, 1, 1, 0, 0.5, 3], 3600, 720);
  assert.equal(
    secs.reduce((a, b) => a + b, 0),
    3600,
  );
  assert.ok(secs.every((s) => s >= 0 && s <= 720));
  assert.equal(secs[5], 0);
  assert.equal(secs[0], 720);
  assert.deepEqual(allocateSeconds([1, 1, 1, 1, 1], 1500, 300), [300, 300, 300, 300, 300]);
});

function checkTeam(
  box: BoxTeam,
  lines: readonly number[],
  margins: readonly number[],
  periods: number,
): void {
  const code = box.team.code;
  assert.equal(
    points(box.total),
    lines.reduce((a, b) => a + b, 0),
    `${code} team points = line score total`,
  );
  for (let p = 0; p < periods; p++) {
    const length = p < 4 ? 720 : 300;
    const played = box.players.filter((x) => x.periods);
    const sum = (f: (i: number) => number): number => played.reduce((a, _, i) => a + f(i), 0);
    assert.equal(
      sum((i) => points(played[i]!.periods![p]!)),
      lines[p],
      `${code} period ${p + 1} points`,
    );
    assert.equal(
      sum((i) => played[i]!.periods![p]!.sec),
      5 * length,
      `${code} period ${p + 1} seconds`,
    );
    assert.equal(
      sum((i) => played[i]!.periods![p]!.pm),
      5 * margins[p]!,
      `${code} period ${p + 1} plus-minus`,
    );
    for (const x of played) assert.ok(x.periods![p]!.sec <= length);
  }
  assert.equal(box.players.filter((x) => x.starter).length, 5, `${code} five starters`);
  for (const x of box.players) {
    if (x.reason !== null) assert.equal(x.total, null);
    else {
      const t = x.total!;
      assert.ok(t.sec > 0);
      assert.ok(t.fg2 <= t.fg2a && t.fg3 <= t.fg3a && t.ft <= t.fta, `${x.player.id} makes <= attempts`);
    }
  }
}

test('box scores are consistent: points, minutes and plus-minus add up period by period', () => {
  for (const [season, game] of sampleGames()) {
    const box = generateBoxModel(seasonModel(season), game);
    const periods = game.lines.home.length;
    const homeMargins = game.lines.home.map((h, i) => h - game.lines.visitor[i]!);
    checkTeam(box.home, game.lines.home, homeMargins, periods);
    const visitorMargins = game.lines.visitor.map((v, i) => v - game.lines.home[i]!);
    checkTeam(box.visitor, game.lines.visitor, visitorMargins, periods);
    assert.equal(box.officials.length, 3);
  }
});

function checkRecord(t: TeamBox, overtimes: number): void {
  const played = t.players.filter((p) => p.basic !== null);
  const sum = (k: 'pts' | 'mp' | 'fg' | 'fga' | 'orb' | 'drb' | 'trb' | 'ast' | 'plus_minus'): number =>
    played.reduce((a, p) => a + (p.basic![k] ?? 0), 0);
  assert.equal(sum('pts'), t.points);
  assert.equal(t.totals.pts, t.points);
  assert.equal(
    t.lineScore.reduce((a, b) => a + b, 0),
    t.points,
  );
  assert.equal(sum('mp'), (240 + 25 * overtimes) * 60);
  assert.equal(t.totals.mp, (240 + 25 * overtimes) * 60);
  for (const k of ['fg', 'fga', 'orb', 'drb', 'trb', 'ast'] as const)
    assert.equal(sum(k), t.totals[k], `${t.code} ${k}`);
  assert.equal(t.totals.trb, t.totals.orb! + t.totals.drb!);
  for (const p of played) {
    const b = p.basic!;
    assert.equal(b.trb, b.orb! + b.drb!);
    assert.ok(b.fg! <= b.fga! && b.fg3! <= b.fg3a! && b.fg3a! <= b.fga! && b.ft! <= b.fta!);
    assert.equal(b.pts, 2 * b.fg! + b.fg3! + b.ft!);
    assert.equal(b.fg_pct, b.fga === 0 ? null : Number((b.fg! / b.fga!).toFixed(3)));
    assert.equal(b.ft_pct, b.fta === 0 ? null : Number((b.ft! / b.fta!).toFixed(3)));
    assert.equal(p.advanced!.mp, b.mp);
  }
  assert.equal(t.totals.fg_pct, Number((t.totals.fg! / t.totals.fga!).toFixed(3)));
  assert.equal(t.totals.game_score, null);
  assert.equal(t.totals.plus_minus, null);
  for (const p of t.players.filter((x) => x.basic === null)) {
    assert.ok(['Did Not Play', 'Did Not Dress', 'Not With Team'].includes(p.reason!));
    assert.equal(p.advanced, null);
  }
}

test('the BoxScore ground truth is internally consistent', () => {
  for (const [season, game] of sampleGames().slice(0, 60)) {
    const truth: BoxScore = boxScoreOf(generateBoxModel(seasonModel(season), game));
    assert.equal(truth.gameId, game.gameId);
    assert.equal(truth.overtimes, game.overtimes);
    checkRecord(truth.visitor, game.overtimes);
    checkRecord(truth.home, game.overtimes);
    assert.equal(
      truth.visitor.players.reduce((a, p) => a + (p.basic?.plus_minus ?? 0), 0),
      5 * (game.visitorPoints - game.homePoints),
    );
    const ids = [...truth.visitor.players, ...truth.home.players].map((p) => p.playerId);
    assert.equal(new Set(ids).size, ids.length, 'a player appears once');
    for (const p of [...truth.visitor.inactive, ...truth.home.inactive]) assert.ok(!ids.includes(p.playerId));
    assert.equal(truth.playoffRound === null, game.gameType !== 'playoffs');
  }
});

test('the same game always gets the same box score', () => {
  const m = seasonModel(2018);
  const game = m.games[321]!;
  assert.deepEqual(boxScoreOf(generateBoxModel(m, game)), boxScoreOf(generateBoxModel(m, game)));
  assert.notDeepEqual(
    boxScoreOf(generateBoxModel(m, m.games[322]!)).home.players,
    boxScoreOf(generateBoxModel(m, game)).home.players,
  );
});
