import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FixtureIndex } from '../../../src/local/replay/fixtures-index.ts';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';
import { FIXTURES_DIR, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { probe } from './probe.ts';

let site: ReplaySite;

before(async () => {
  // 2018 is generated: its paths must win over the saved 2017-18 pages.
  site = await createReplaySite({ seasons: [2018], fixturesDir: skipWithoutFixtures ? null : FIXTURES_DIR });
});

after(() => site.close());

test('every saved page is served byte for byte at its real path', { skip: skipWithoutFixtures }, async () => {
  const entries = new FixtureIndex(FIXTURES_DIR)
    .entries()
    .filter((e) => !e.path.startsWith('/leagues/NBA_2018_games'));
  assert.ok(entries.length >= 18);
  for (const e of entries) {
    const res = await probe(site.url + e.path);
    assert.equal(res.status, 200, e.path);
    assert.equal(res.headers['content-type'], 'text/html; charset=UTF-8');
    assert.ok(
      res.body.equals(readFileSync(join(FIXTURES_DIR, e.file))),
      `${e.path} is byte-identical to ${e.file}`,
    );
  }
});

test('a second capture of the same page is served with ?capture=', {
  skip: skipWithoutFixtures,
}, async () => {
  const first = await probe(`${site.url}/boxscores/201701010ATL.html`);
  const second = await probe(`${site.url}/boxscores/201701010ATL.html?capture=crawl-2026`);
  assert.ok(first.body.equals(readFileSync(join(FIXTURES_DIR, 'boxscores__201701010ATL.html'))));
  assert.ok(second.body.equals(readFileSync(join(FIXTURES_DIR, 'boxscores__201701010ATL.crawl-2026.html'))));
  const daily = await probe(`${site.url}/boxscores/index.fcgi?year=2018&day=1&month=1`);
  assert.equal(daily.status, 200);
  assert.equal((await probe(`${site.url}/boxscores/201701010ATL.html?capture=crawl-1999`)).status, 404);
});

test('generated seasons take precedence over saved pages of the same path', {
  skip: skipWithoutFixtures,
}, async () => {
  const saved = readFileSync(join(FIXTURES_DIR, 'leagues__NBA_2018_games-october.html'));
  const served = await probe(`${site.url}/leagues/NBA_2018_games-october.html`);
  assert.equal(served.status, 200);
  assert.ok(!served.body.equals(saved));
  assert.match(served.body.toString('utf8'), /<meta name="generator" content="nba-scraper replay site">/);
  assert.deepEqual(site.groundTruth(2018).months.map((m) => m.slug)[0], 'october');
  // The saved 2017-18 June page is shadowed too: generated June exists.
  const june = await probe(`${site.url}/leagues/NBA_2018_games-june.html`);
  assert.ok(!june.body.equals(readFileSync(join(FIXTURES_DIR, 'leagues__NBA_2018_games-june.html'))));
  // Other seasons come from the saved pages.
  const old = await probe(`${site.url}/leagues/NBA_2001_games-october.html`);
  assert.ok(old.body.equals(readFileSync(join(FIXTURES_DIR, 'leagues__NBA_2001_games-october.html'))));
  assert.equal((await probe(`${site.url}/leagues/NBA_2001_games-march.html`)).status, 404);
});
