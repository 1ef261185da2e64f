import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { decideFault, normaliseFaults } from '../../../src/local/replay/faults.ts';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';
import { waitUntil } from '../../helpers/wait.ts';
import { probe } from './probe.ts';

let site: ReplaySite;
let gameIds: string[];

before(async () => {
  site = await createReplaySite({ seasons: [2018] });
  gameIds = site.groundTruth(2018).games.map((g) => g.gameId);
});

beforeEach(() => {
  site.setFaults(null);
  site.resetStats();
});

after(() => site.close());

/** Stats once the site has finished every request (the client may see a reset first). */
async function settledStats(): Promise<ReturnType<ReplaySite['stats']>> {
  await waitUntil('the site finished its requests', () => site.stats().inFlight === 0);
  return site.stats();
}

test('latency delays pages, never the control endpoints', async () => {
  // A latency far above what a busy machine adds: the control endpoint must answer while the page
  // is still held back.
  site.setFaults({ latency: { fixedMs: 5_000, jitterMs: 50 } });
  let pageAnswered = false;
  const page = probe(`${site.url}/leagues/NBA_2018_games.html`).finally(() => {
    pageAnswered = true;
  });
  await waitUntil('the page request reached the site', () => site.stats().inFlight === 1);
  const health = await fetch(`${site.url}/__replay/health`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { ok: boolean }).ok, true);
  assert.equal(pageAnswered, false, 'the control endpoint answered while the page was delayed');
  const res = await page;
  assert.equal(res.status, 200);
  assert.ok(res.totalMs >= 4_990, `page took ${res.totalMs} ms`);
});

test('5xx answers carry the configured statuses, and 503 a Retry-After', async () => {
  site.setFaults({ serverErrors: { rate: 1, statuses: [503], retryAfterSeconds: 7 } });
  const res = await probe(`${site.url}/boxscores/${gameIds[3]}.html`);
  assert.equal(res.status, 503);
  assert.equal(res.headers['retry-after'], '7');
  assert.equal(res.headers['x-replay-fault'], 'server-error');
  site.setFaults({ serverErrors: { rate: 1, statuses: [500, 502] } });
  const statuses = new Set<number>();
  for (const id of gameIds.slice(0, 30))
    statuses.add((await probe(`${site.url}/boxscores/${id}.html`)).status!);
  assert.deepEqual([...statuses].sort(), [500, 502]);
  const stats = await settledStats();
  assert.equal(stats.byFault['server-error'], 31);
});

test('the same faults hit the same requests in every run, as decideFault predicts', async () => {
  const config = { seed: 11, serverErrors: { rate: 0.3 } };
  const paths = gameIds.slice(100, 140).map((id) => `/boxscores/${id}.html`);
  const run = async (s: ReplaySite): Promise<number[]> => {
    const out: number[] = [];
    for (const p of [...paths, ...paths]) out.push((await probe(s.url + p)).status!);
    return out;
  };
  site.setFaults(config);
  const first = await run(site);
  const other = await createReplaySite({ seasons: [2018], faults: config });
  try {
    assert.deepEqual(await run(other), first);
  } finally {
    await other.close();
  }
  const f = normaliseFaults(config);
  const predicted = [
    ...paths.map((p) => decideFault(f, 'boxscore', p, 1)),
    ...paths.map((p) => decideFault(f, 'boxscore', p, 2)),
  ].map((d) => (d.type === 'server-error' ? d.status : 200));
  assert.deepEqual(first, predicted);
  const failures = first.filter((s) => s !== 200).length;
  assert.ok(failures > 10 && failures < 40, `${failures} of 80 failed`);
});

test('connection resets: before the headers, or in the middle of the body', async () => {
  site.setFaults({ resets: { rate: 1, phase: 'before-headers' } });
  const before = await probe(`${site.url}/boxscores/${gameIds[1]}.html`);
  assert.equal(before.status, null);
  assert.match(before.error!, /ECONNRESET|socket hang up/);
  site.setFaults({ resets: { rate: 1, phase: 'mid-body' } });
  const mid = await probe(`${site.url}/boxscores/${gameIds[2]}.html`);
  assert.equal(mid.status, 200);
  assert.equal(mid.complete, false);
  assert.ok(mid.body.length < Number(mid.headers['content-length']));
  const stats = await settledStats();
  assert.equal(stats.byStatus['0'], 2);
  assert.equal(stats.byFault.reset, 2);
});

test('truncated bodies stop short of their Content-Length', async () => {
  site.setFaults({ truncated: { rate: 1, fraction: 0.3 } });
  const res = await probe(`${site.url}/boxscores/${gameIds[4]}.html`);
  assert.equal(res.status, 200);
  assert.equal(res.headers['x-replay-fault'], 'truncated');
  const full = Number(res.headers['content-length']);
  assert.ok(full > 250_000);
  assert.equal(res.complete, false);
  assert.equal(res.body.length, Math.floor(full * 0.3));
  await assert.rejects(async () => {
    const r = await fetch(`${site.url}/boxscores/${gameIds[5]}.html`);
    await r.text();
  });
});

test('slow bodies: headers at once, the body over the configured time (trips a body timeout)', async () => {
  // Six chunks a second apart: the body ends 5 s after the headers, seconds more than a busy
  // machine delays anything here.
  site.setFaults({ slowBody: { rate: 1, durationMs: 6_000, chunks: 6 } });
  const res = await probe(`${site.url}/boxscores/${gameIds[6]}.html`);
  assert.equal(res.status, 200);
  assert.equal(res.complete, true);
  assert.ok(res.totalMs >= 4_990, `body after ${res.totalMs} ms`);
  assert.ok(
    res.totalMs - res.headersMs! >= 2_500,
    `headers after ${res.headersMs} ms, seconds before the end of the body (${res.totalMs} ms)`,
  );
  // A deadline that the headers meet and the body cannot.
  const started = await fetch(`${site.url}/boxscores/${gameIds[7]}.html`, {
    signal: AbortSignal.timeout(2_500),
  });
  assert.equal(started.status, 200);
  await assert.rejects(
    started.text(),
    (err: Error) => err.name === 'TimeoutError' || err.name === 'AbortError',
  );
});

test('the layout fault breaks the same box scores every time; the list is published', async () => {
  const set = await fetch(`${site.url}/__replay/faults`, {
    method: 'POST',
    body: JSON.stringify({ seed: 5, layoutChange: { rate: 0.05 } }),
  });
  assert.equal(set.status, 200);
  assert.equal(((await set.json()) as { layoutChange: { rate: number } }).layoutChange.rate, 0.05);
  const listed = (await (await fetch(`${site.url}/__replay/faults/permanent?season=2018`)).json()) as {
    season: number;
    gameIds: string[];
  };
  assert.deepEqual(listed.gameIds, site.permanentFaults(2018));
  assert.ok(
    listed.gameIds.length > 30 && listed.gameIds.length < 110,
    `${listed.gameIds.length} broken pages`,
  );
  const broken = listed.gameIds[0]!;
  const game = site.groundTruth(2018).games.find((g) => g.gameId === broken)!;
  for (let i = 0; i < 3; i++) {
    const res = await probe(`${site.url}/boxscores/${broken}.html`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['x-replay-fault'], 'layout');
    assert.ok(!res.body.includes(`box-${game.home.code}-game-basic`));
  }
  const fine = gameIds.find((id) => !listed.gameIds.includes(id))!;
  const ok = await probe(`${site.url}/boxscores/${fine}.html`);
  assert.equal(ok.headers['x-replay-fault'], undefined);
  assert.ok(ok.body.includes('-game-basic"'));
  const cleared = await fetch(`${site.url}/__replay/faults`, { method: 'DELETE' });
  assert.equal(cleared.status, 200);
  assert.deepEqual(site.permanentFaults(2018), []);
});

test('faults apply only to the configured kinds', async () => {
  site.setFaults({ kinds: ['boxscore'], serverErrors: { rate: 1 } });
  assert.equal((await probe(`${site.url}/leagues/NBA_2018_games.html`)).status, 200);
  assert.ok((await probe(`${site.url}/boxscores/${gameIds[8]}.html`)).status! >= 500);
});
