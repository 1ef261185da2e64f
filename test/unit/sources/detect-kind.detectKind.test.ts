import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { detectKind } from '../../../src/sources/basketball-reference/detect-kind.ts';
import type { PageKind } from '../../../src/sources/source.ts';
import { FIXTURES_DIR, readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

/** Every saved page and the kind it is. */
const EXPECTED: Record<string, PageKind | null> = {
  'awards__awards_1974.html': 'awards',
  'awards__awards_2024.html': 'awards',
  'boxscores__200101010MIN.html': 'boxscore',
  'boxscores__201701010ATL.crawl-2026.html': 'boxscore',
  'boxscores__201701010ATL.html': 'boxscore',
  'boxscores__201710310LAL.html': 'boxscore',
  'boxscores__201801010BRK.html': 'boxscore',
  'boxscores__201801010TOR.html': 'boxscore',
  'boxscores__202002220UTA.html': 'boxscore',
  'boxscores__202501230ATL.html': 'boxscore',
  'boxscores__index.fcgi_month-1_day-1_year-2018.html': null, // daily scores
  'draft__NBA_1965.html': 'draft',
  'draft__NBA_1984.html': 'draft',
  'draft__NBA_2024.html': 'draft',
  'errors__404_page_not_found.html': null,
  'leagues__NBA_1974_advanced.html': 'advanced',
  'leagues__NBA_1980.html': 'summary',
  'leagues__NBA_1980_games-november.html': 'schedule',
  'leagues__NBA_1990_advanced.html': 'advanced',
  'leagues__NBA_2000.html': 'summary',
  'leagues__NBA_2000_games.html': 'season',
  'leagues__NBA_2001_games-april.html': 'schedule',
  // the first month's page is byte-identical to the season default page
  'leagues__NBA_2001_games-october.html': 'season',
  'leagues__NBA_2001_totals.html': 'totals',
  'leagues__NBA_2007_games-november.html': 'schedule', // browser-saved: its saved-from URL says so
  'leagues__NBA_2017.html': 'summary',
  'leagues__NBA_2018_games-june.html': 'schedule',
  'leagues__NBA_2018_games-october.html': 'season',
  'leagues__NBA_2019_games-april.html': 'schedule',
  'leagues__NBA_2020.html': 'summary',
  'leagues__NBA_2024.html': 'summary',
  'leagues__NBA_2024_advanced.html': 'advanced',
  'leagues__NBA_2024_games-april.html': 'schedule',
  'leagues__NBA_2024_totals.html': 'totals',
  // team pages also hold (commented) `totals_stats` and `advanced` tables: their roster decides
  'teams__GSW__2023.html': 'team',
  'teams__SYR__1962.html': 'team',
  'teams__VAN__1996.html': 'team',
};

test('every saved page is recognised as its kind', { skip: skipWithoutFixtures }, () => {
  const files = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html'));
  assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort(), 'a fixture without an expectation');
  for (const file of files) assert.equal(detectKind(readFixture(file)), EXPECTED[file], file);
});

test('without their own URLs, the saved pages are recognised by their tables alone', {
  skip: skipWithoutFixtures,
}, () => {
  const withoutUrls = (html: string) =>
    html
      .replace(/<link rel="canonical"[^>]*>/, '')
      .replace(/<meta property="og:url"[^>]*>/, '')
      .replace(/<!-- saved from url=[^>]*-->/, '');
  for (const file of readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html'))) {
    const html = withoutUrls(readFixture(file));
    assert.equal(/og:url|rel="canonical"/.test(html.slice(0, 20_000)), false, file);
    assert.equal(detectKind(html), EXPECTED[file], file);
  }
});

test('a URL without the table its kind needs is not that kind', {
  skip: skipWithoutFixtures,
}, () => {
  const box = readFixture('boxscores__201801010TOR.html').replaceAll('-game-basic', '-game-basics');
  assert.equal(detectKind(box), null);
  const schedule = readFixture('leagues__NBA_2018_games-june.html').replace('id="schedule"', 'id="calendar"');
  assert.equal(detectKind(schedule), null);
  const tables: [string, string, string][] = [
    ['leagues__NBA_2024.html', 'id="divs_standings_', 'id="divisions_'],
    ['teams__VAN__1996.html', 'id="roster"', 'id="players"'],
    ['leagues__NBA_1990_advanced.html', 'id="advanced"', 'id="adv"'],
    ['draft__NBA_1984.html', 'id="stats"', 'id="picks"'],
    ['awards__awards_1974.html', 'id="(leading_all_\\w+|(?:nba|aba)_mvp)"', 'id="x_$1"'],
  ];
  for (const [file, from, to] of tables) {
    const html = readFixture(file).replace(new RegExp(from, 'g'), to);
    assert.equal(detectKind(html), null, file);
  }
});

test('without any URL of its own, the tables decide', () => {
  assert.equal(detectKind(syntheticPage({ content: '<table id="box-TOR-game-basic"></table>' })), 'boxscore');
  assert.equal(detectKind(syntheticPage({ content: '<table id="box_lal_basic"></table>' })), 'boxscore');
  assert.equal(detectKind(syntheticPage({ content: '<table id="totals_stats"></table>' })), 'totals');
  assert.equal(detectKind(syntheticPage({ content: '<p>nothing here</p>' })), null);
  const nav = (current: string) =>
    `<div class="filter"><div class="${current === 'october' ? 'current' : ''}"><a href="/leagues/NBA_2030_games-october.html">October</a></div><div class="${current === 'november' ? 'current' : ''}"><a href="/leagues/NBA_2030_games-november.html">November</a></div></div><table id="schedule"></table>`;
  assert.equal(detectKind(syntheticPage({ content: nav('october') })), 'season');
  assert.equal(detectKind(syntheticPage({ content: nav('november') })), 'schedule');
});

test('block pages are none of the kinds', () => {
  assert.equal(
    detectKind(
      '<html><head><title>Just a moment...</title></head><body><div id="content"></div></body></html>',
    ),
    null,
  );
});
