import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FixtureIndex, fixturePathOf } from '../../../src/local/replay/fixtures-index.ts';
import { FIXTURES_DIR, skipWithoutFixtures } from '../../helpers/fixtures.ts';

test('fixture file names map to the site paths they were saved from', () => {
  assert.equal(fixturePathOf('leagues__NBA_2018_games-october.html'), '/leagues/NBA_2018_games-october.html');
  assert.equal(fixturePathOf('leagues__NBA_2000_games.html'), '/leagues/NBA_2000_games.html');
  assert.equal(fixturePathOf('boxscores__202501230ATL.html'), '/boxscores/202501230ATL.html');
  assert.equal(
    fixturePathOf('boxscores__index.fcgi_month-1_day-1_year-2018.html'),
    '/boxscores/index.fcgi?month=1&day=1&year=2018',
  );
  assert.equal(
    fixturePathOf('boxscores__201701010ATL.crawl-2026.html'),
    '/boxscores/201701010ATL.html?capture=crawl-2026',
  );
  assert.equal(fixturePathOf('README.md'), null);
  assert.equal(fixturePathOf('bad____name.html'), null);
});

test('lookups match the exact query, ignore parameter order, and fall back to the bare path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-fixtures-'));
  try {
    writeFileSync(join(dir, 'boxscores__201701010ATL.html'), 'first capture');
    writeFileSync(join(dir, 'boxscores__201701010ATL.crawl-2026.html'), 'second capture');
    writeFileSync(join(dir, 'boxscores__index.fcgi_month-1_day-1_year-2018.html'), 'daily');
    writeFileSync(join(dir, 'notes.txt'), 'not a page');
    const idx = new FixtureIndex(dir);
    assert.equal(idx.size, 3);
    const body = (p: string): string | undefined => idx.find(p)?.body.toString('utf8');
    assert.equal(body('/boxscores/201701010ATL.html'), 'first capture');
    assert.equal(body('/boxscores/201701010ATL.html?capture=crawl-2026'), 'second capture');
    assert.equal(body('/boxscores/201701010ATL.html?utm_source=x'), 'first capture');
    assert.equal(body('/boxscores/201701010ATL.html?capture=crawl-2030'), undefined);
    assert.equal(body('/boxscores/index.fcgi?year=2018&month=1&day=1'), 'daily');
    assert.equal(body('/boxscores/index.fcgi?month=1&day=2&year=2018'), undefined);
    assert.equal(new FixtureIndex(join(dir, 'missing')).size, 0);
    assert.equal(new FixtureIndex(null).find('/boxscores/201701010ATL.html'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every saved page of the fixtures folder gets a path', { skip: skipWithoutFixtures }, () => {
  const idx = new FixtureIndex(FIXTURES_DIR);
  const paths = idx.entries().map((e) => e.path);
  assert.ok(paths.length >= 20);
  assert.ok(paths.includes('/leagues/NBA_2024_games-april.html'));
  assert.ok(paths.includes('/boxscores/201701010ATL.html?capture=crawl-2026'));
  assert.ok(paths.includes('/boxscores/index.fcgi?month=1&day=1&year=2018'));
});
