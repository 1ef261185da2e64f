import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { SeasonGroundTruth } from '../../../src/local/replay/content.ts';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';
import type { ReplayStatsSnapshot } from '../../../src/local/replay/request-stats.ts';
import { probe } from './probe.ts';

let site: ReplaySite;
let truth: SeasonGroundTruth;

before(async () => {
  site = await createReplaySite({ seasons: [2018], port: 0 });
  const res = await fetch(`${site.url}/__replay/seasons/2018/games.json`);
  assert.equal(res.status, 200);
  truth = (await res.json()) as SeasonGroundTruth;
});

after(async () => {
  await site.close();
  await site.close(); // idempotent
});

async function html(
  path: string,
): Promise<{ status: number; type: string | null; $: cheerio.CheerioAPI; text: string }> {
  const res = await fetch(site.url + path);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), $: cheerio.load(text), text };
}

test('the site listens on 127.0.0.1 and serves season, month, box score and totals pages', async () => {
  assert.match(site.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(site.port > 0);
  const season = await html('/leagues/NBA_2018_games.html');
  assert.equal(season.status, 200);
  assert.equal(season.type, 'text/html; charset=UTF-8');
  assert.equal(season.$('table#schedule caption').text(), 'October Schedule Table');
  const month = await html('/leagues/NBA_2018_games-march.html');
  assert.equal(month.$('table#schedule caption').text(), 'March Schedule Table');
  const game = truth.games.find((g) => g.date === '2018-03-03')!;
  const box = await html(`/boxscores/${game.gameId}.html`);
  assert.equal(box.status, 200);
  assert.equal(
    box.$('#content h1').text(),
    `${game.visitor.name} at ${game.home.name} Box Score, March 3, 2018`,
  );
  const totals = await html('/leagues/NBA_2018_totals.html');
  assert.equal(totals.status, 200);
  assert.ok(totals.$('table#totals_stats tbody tr').length > 400);
});

test('unknown paths, months outside the season and unknown games answer the 404 page', async () => {
  for (const path of [
    '/nothing/here.html',
    '/leagues/NBA_2018_games-july.html',
    '/boxscores/201807040BOS.html',
    '/leagues/NBA_2019_games.html',
    '/teams/SEA/2018.html',
    '/draft/NBA_2019.html',
  ]) {
    const page = await html(path);
    assert.equal(page.status, 404, path);
    assert.equal(page.$('title').text(), 'Page Not Found (404 error) | Basketball-Reference.com');
    assert.equal(page.$('link[rel=canonical]').attr('href'), 'https://www.basketball-reference.com/404.html');
    assert.equal(page.$('#content h1').text(), 'Page Not Found (404 error)');
  }
});

test('the ground truth lists exactly the rows of the schedule pages, with their scores', async () => {
  assert.equal(truth.season, 2018);
  assert.equal(truth.asOf, null);
  assert.equal(truth.games.length, 1230 + truth.games.filter((g) => g.gameType !== 'regular').length);
  const seen = new Map<string, { v: string; h: string; vp: number; hp: number }>();
  for (const month of truth.months) {
    const { status, $ } = await html(month.path);
    assert.equal(status, 200, month.path);
    $('table#schedule tbody tr')
      .not('.thead')
      .each((_, tr) => {
        const row = $(tr);
        const id = row.find('th[data-stat=date_game]').attr('csk')!;
        seen.set(id, {
          v: row.find('td[data-stat=visitor_team_name]').attr('csk')!.split('.')[0]!,
          h: row.find('td[data-stat=home_team_name]').attr('csk')!.split('.')[0]!,
          vp: Number(row.find('td[data-stat=visitor_pts]').text()),
          hp: Number(row.find('td[data-stat=home_pts]').text()),
        });
      });
  }
  assert.equal(seen.size, truth.games.length);
  for (const g of truth.games) {
    const row = seen.get(g.gameId);
    assert.ok(row, g.gameId);
    assert.deepEqual(row, { v: g.visitor.code, h: g.home.code, vp: g.visitorPoints, hp: g.homePoints });
    assert.equal(g.played, true);
    assert.equal(g.boxScorePath, `/boxscores/${g.gameId}.html`);
  }
  assert.deepEqual(site.groundTruth(2018), truth);
});

test('pages are byte-identical between requests and between sites; keep-alive reuses the socket', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const path = `${site.url}/boxscores/${truth.games[777]!.gameId}.html`;
    const a = await probe(path, { agent });
    const b = await probe(path, { agent });
    assert.equal(a.status, 200);
    assert.equal(a.headers['content-length'], String(a.body.length));
    assert.ok(a.body.equals(b.body));
    assert.equal(b.reusedSocket, true);
    const other = await createReplaySite({ seasons: [2018] });
    try {
      const c = await probe(path.replace(site.url, other.url));
      assert.ok(a.body.equals(c.body));
    } finally {
      await other.close();
    }
  } finally {
    agent.destroy();
  }
});

test('HEAD answers the headers only; other methods get 405', async () => {
  const res = await fetch(`${site.url}/leagues/NBA_2018_games.html`, { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.ok(Number(res.headers.get('content-length')) > 50_000);
  assert.equal((await res.text()).length, 0);
  const post = await fetch(`${site.url}/leagues/NBA_2018_games.html`, { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
});

test('stats count requests per kind, status and client, with arrival times', async () => {
  const reset = await fetch(`${site.url}/__replay/stats/reset`, { method: 'POST' });
  assert.equal(reset.status, 200);
  const box = `/boxscores/${truth.games[10]!.gameId}.html`;
  const t0 = Date.now();
  const get = (path: string, client?: string): Promise<Response> =>
    fetch(site.url + path, { headers: client ? { 'x-replay-client': client } : {} }).then(async (r) => {
      await r.arrayBuffer();
      return r;
    });
  await get('/leagues/NBA_2018_games.html', 'alpha');
  await get('/leagues/NBA_2018_games-may.html', 'alpha');
  await get(box, 'alpha');
  await get(box, 'beta');
  await get('/leagues/NBA_2018_totals.html', 'beta');
  await get('/teams/TOR/2018.html', 'beta');
  await get('/missing.html');
  const stats = (await (await fetch(`${site.url}/__replay/stats`)).json()) as ReplayStatsSnapshot;
  assert.equal(stats.total, 7);
  assert.deepEqual(stats.byKind, {
    season: 1,
    month: 1,
    boxscore: 2,
    totals: 1,
    summary: 0,
    team: 1,
    advanced: 0,
    draft: 0,
    awards: 0,
    other: 1,
  });
  assert.deepEqual(stats.byStatus, { '200': 6, '404': 1 });
  assert.deepEqual(Object.keys(stats.clients).sort(), ['127.0.0.1', '127.0.0.1 alpha', '127.0.0.1 beta']);
  assert.equal(stats.clients['127.0.0.1 alpha']!.requests, 3);
  assert.deepEqual(stats.clients['127.0.0.1 beta']!.byKind, {
    season: 0,
    month: 0,
    boxscore: 1,
    totals: 1,
    summary: 0,
    team: 1,
    advanced: 0,
    draft: 0,
    awards: 0,
    other: 0,
  });
  assert.deepEqual(
    stats.log.map((r) => [r.path, r.status]),
    [
      ['/leagues/NBA_2018_games.html', 200],
      ['/leagues/NBA_2018_games-may.html', 200],
      [box, 200],
      [box, 200],
      ['/leagues/NBA_2018_totals.html', 200],
      ['/teams/TOR/2018.html', 200],
      ['/missing.html', 404],
    ],
  );
  for (let i = 1; i < stats.log.length; i++) assert.ok(stats.log[i]!.t > stats.log[i - 1]!.t);
  assert.ok(stats.log[0]!.t >= t0 - 5 && stats.log[6]!.t <= Date.now() + 5);
  const filtered = (await (
    await fetch(`${site.url}/__replay/stats?client=127.0.0.1%20beta&log=1`)
  ).json()) as ReplayStatsSnapshot;
  assert.equal(filtered.log.length, 3);
  const noLog = (await (await fetch(`${site.url}/__replay/stats?log=0`)).json()) as ReplayStatsSnapshot;
  assert.equal(noLog.log.length, 0);
  assert.equal(noLog.total, 7);
  site.resetStats();
  assert.equal(site.stats().total, 0);
});

test('control endpoints reject bad input with 400 and unknown ones with 404', async () => {
  const bad = await fetch(`${site.url}/__replay/clock?asOf=2018-13-45`, { method: 'POST' });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /asOf must be a date/);
  const badFaults = await fetch(`${site.url}/__replay/faults`, {
    method: 'POST',
    body: '{"serverErrors":{"rate":3}}',
  });
  assert.equal(badFaults.status, 400);
  const notJson = await fetch(`${site.url}/__replay/faults`, { method: 'POST', body: '{nope' });
  assert.equal(notJson.status, 400);
  assert.equal((await fetch(`${site.url}/__replay/seasons/1999/games.json`)).status, 404);
  assert.equal((await fetch(`${site.url}/__replay/whatever`)).status, 404);
  const health = (await (await fetch(`${site.url}/__replay/health`)).json()) as {
    ok: boolean;
    seasons: number[];
  };
  assert.deepEqual(health, { ok: true, seasons: [2018], asOf: null, fixtures: 0 });
  const box = (await (
    await fetch(`${site.url}/__replay/boxscores/${truth.games[5]!.gameId}.json`)
  ).json()) as { gameId: string };
  assert.equal(box.gameId, truth.games[5]!.gameId);
});
