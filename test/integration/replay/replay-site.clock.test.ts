import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { SeasonGroundTruth } from '../../../src/local/replay/content.ts';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';

let site: ReplaySite;

before(async () => {
  site = await createReplaySite({ seasons: [2024], asOf: '2024-01-15' });
});

after(() => site.close());

async function truth(): Promise<SeasonGroundTruth> {
  return (await (await fetch(`${site.url}/__replay/seasons/2024/games.json`)).json()) as SeasonGroundTruth;
}

async function status(path: string): Promise<number> {
  const res = await fetch(site.url + path);
  await res.arrayBuffer();
  return res.status;
}

test('with asOf, later games are listed unplayed: empty cells, no box score page, played=false', async () => {
  const t = await truth();
  assert.equal(t.asOf, '2024-01-15');
  const future = t.games.filter((g) => g.date > '2024-01-15');
  const past = t.games.filter((g) => g.date <= '2024-01-15');
  assert.ok(future.length > 500 && past.length > 500);
  assert.ok(
    future.every(
      (g) => !g.played && g.visitorPoints === null && g.boxScorePath === null && g.status === 'scheduled',
    ),
  );
  assert.ok(past.every((g) => g.played && g.visitorPoints !== null && g.status === 'final'));
  assert.equal(t.games.length, 1230, 'no postseason game is listed yet');
  assert.equal(await status(`/boxscores/${future[0]!.gameId}.html`), 404);
  assert.equal(await status(`/boxscores/${past[past.length - 1]!.gameId}.html`), 200);
  assert.equal(await status('/leagues/NBA_2024_games-may.html'), 404);
  const $ = cheerio.load(await (await fetch(`${site.url}/leagues/NBA_2024_games-january.html`)).text());
  const row = $(`th[csk=${future[0]!.gameId}]`).parent();
  assert.equal(row.find('td[data-stat=home_pts]').text(), '');
  assert.equal(row.find('td[data-stat=box_score_text]').text(), '');
});

test('POST /__replay/clock moves the clock: the Play-In appears, then every game is played', async () => {
  const moved = await fetch(`${site.url}/__replay/clock?asOf=2024-04-17`, { method: 'POST' });
  assert.deepEqual(await moved.json(), { asOf: '2024-04-17' });
  assert.equal(site.asOf(), '2024-04-17');
  let t = await truth();
  const playIn = t.games.filter((g) => g.gameType === 'play-in');
  assert.ok(playIn.length >= 2, 'play-in games two days ahead are listed');
  assert.ok(playIn.some((g) => g.played) && playIn.some((g) => !g.played));
  assert.equal(t.games.filter((g) => g.gameType === 'playoffs').length, 0);
  const game = t.games.find((g) => g.date === '2024-03-01')!;
  assert.equal(await status(`/boxscores/${game.gameId}.html`), 200);

  const cleared = await fetch(`${site.url}/__replay/clock`, { method: 'DELETE' });
  assert.deepEqual(await cleared.json(), { asOf: null });
  t = await truth();
  assert.ok(t.games.every((g) => g.played));
  assert.equal(t.games.filter((g) => g.gameType === 'playoffs').length > 60, true);
  assert.equal(await status('/leagues/NBA_2024_games-june.html'), 200);

  site.setAsOf('2023-12-01');
  t = await truth();
  assert.equal(
    t.games.filter((g) => g.played).length,
    site.groundTruth(2024).games.filter((g) => g.played).length,
  );
  assert.ok(t.games.filter((g) => g.played).every((g) => g.date <= '2023-12-01'));
  assert.throws(() => site.setAsOf('yesterday'), RangeError);
});
