import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as cheerio from 'cheerio';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';
import { nowMs } from '../../../src/local/replay/request-stats.ts';
import { probe } from './probe.ts';

let site: ReplaySite;
let paths: string[];

before(async () => {
  site = await createReplaySite({ seasons: [2018] });
  paths = site
    .groundTruth(2018)
    .games.slice(0, 40)
    .map((g) => `/boxscores/${g.gameId}.html`);
});

after(() => site.close());

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('over the limit: 429 with Retry-After, then a block (403 and a block page) for blockMs', async () => {
  // Every request below falls in the minute's window, however slow the machine; the block lasts
  // seconds longer than the probe that checks it takes.
  site.setFaults({ rateLimit: { maxPerMinute: 5, windowMs: 60_000, blockAfter: 2, blockMs: 5_000 } });
  site.resetStats();
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await probe(site.url + paths[i]!)).status!);
  assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
  const limited = await probe(site.url + paths[5]!);
  assert.equal(limited.status, 429);
  // Retry-After: the seconds until the oldest accepted request leaves the window, by the site's clock.
  const arrivals = site.stats().log.map((r) => r.t);
  const untilRoom = Math.ceil((arrivals[0]! + 60_000 - arrivals[5]!) / 1000);
  assert.equal(limited.headers['retry-after'], String(untilRoom));
  assert.match(limited.body.toString('utf8'), /Too Many Requests \(429 error\)/);
  assert.equal((await probe(site.url + paths[6]!)).status, 429);
  const blocked = await probe(site.url + paths[7]!);
  assert.equal(blocked.status, 403);
  const $ = cheerio.load(blocked.body.toString('utf8'));
  assert.equal($('title').text(), 'Access Blocked | Basketball-Reference.com');
  assert.equal($('#replay_block').length, 1);
  assert.equal($('#content').length, 0);
  // Still blocked on the next request, until the block ends.
  assert.equal((await probe(site.url + paths[8]!)).status, 403);
  // Once the block (5 s from the request that earned it) is over, the client starts afresh, although
  // its five accepted requests are still in the window.
  const blockedAt = site.stats().log[7]!.t;
  await sleep(Math.max(0, blockedAt + 5_000 - nowMs()) + 50);
  assert.equal((await probe(site.url + paths[9]!)).status, 200);
  const stats = site.stats();
  assert.deepEqual(stats.byStatus, { '200': 6, '429': 2, '403': 2 });
  assert.deepEqual(stats.byFault, { 'rate-limited': 2, blocked: 2 });
});

test('a client that honours Retry-After is never blocked, and the rate seen stays under the limit', async () => {
  site.setFaults({ rateLimit: { maxPerMinute: 4, windowMs: 1_500, blockAfter: 1, blockMs: 60_000 } });
  site.resetStats();
  let ok = 0;
  let i = 0;
  while (ok < 10) {
    const res = await probe(site.url + paths[i % paths.length]!);
    if (res.status === 200) {
      ok++;
      i++;
      continue;
    }
    assert.equal(res.status, 429);
    await sleep(Number(res.headers['retry-after']) * 1000);
  }
  const log = site.stats().log.filter((r) => r.status === 200);
  assert.equal(log.length, 10);
  // Any 1.5 s window holds at most 4 accepted requests.
  for (let a = 0; a < log.length; a++) {
    const inWindow = log.filter((r) => r.t >= log[a]!.t && r.t < log[a]!.t + 1_500).length;
    assert.ok(inWindow <= 4, `${inWindow} requests within 1.5 s`);
  }
  assert.equal(site.stats().byStatus['403'], undefined);
});

test('clients are told apart by address, or by X-Replay-Client when configured', async () => {
  site.setFaults({ rateLimit: { maxPerMinute: 2, windowMs: 60_000, blockAfter: 10 } });
  const as = (client: string, n: number): Promise<number[]> =>
    Promise.all(
      Array.from({ length: n }, (_, k) =>
        probe(site.url + paths[k]!, { headers: { 'x-replay-client': client } }),
      ),
    ).then((rs) => rs.map((r) => r.status!));
  const byAddress = [...(await as('one', 2)), ...(await as('two', 1))];
  assert.deepEqual(byAddress.sort(), [200, 200, 429]);
  site.setFaults({ rateLimit: { maxPerMinute: 2, windowMs: 60_000, blockAfter: 10, by: 'client' } });
  const one = await as('one', 2);
  const two = await as('two', 2);
  assert.deepEqual([...one, ...two], [200, 200, 200, 200]);
  assert.deepEqual(await as('one', 1), [429]);
  site.setFaults(null);
});
