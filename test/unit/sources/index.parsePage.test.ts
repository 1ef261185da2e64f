import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { NetworkError } from '../../../src/errors/network-error.ts';
import { PageNotFoundError } from '../../../src/errors/page-not-found-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { renderBlockPage } from '../../../src/local/replay/render-errors.ts';
import { parseBoxScore } from '../../../src/sources/basketball-reference/box-score-page.ts';
import {
  basketballReference,
  isBlockPage,
  parsePage,
} from '../../../src/sources/basketball-reference/index.ts';
import { parseSchedule } from '../../../src/sources/basketball-reference/schedule-page.ts';
import type { PageKind } from '../../../src/sources/source.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';

const skip = skipWithoutFixtures;

test('the kind, season and game id come from the page itself', { skip }, () => {
  const box = parsePage(readFixture('boxscores__201710310LAL.html'));
  assert.equal(box.kind, 'boxscore');
  assert.equal(box.season, 2018);
  assert.equal(box.kind === 'boxscore' && box.records[0].gameId, '201710310LAL');

  const month = parsePage(readFixture('leagues__NBA_2007_games-november.html'));
  assert.deepEqual([month.kind, month.season, month.records.length], ['schedule', 2007, 221]);
  assert.equal(month.kind === 'schedule' && month.month, 'november');

  const season = parsePage(readFixture('leagues__NBA_2000_games.html'));
  assert.deepEqual([season.kind, season.season, season.records.length], ['season', 2000, 209]);
  assert.equal(season.kind === 'season' && season.months.length, 8);

  const totals = parsePage(readFixture('leagues__NBA_2024_totals.html'));
  assert.deepEqual([totals.kind, totals.season, totals.records.length], ['totals', 2024, 949]);
});

test('a forced kind is used as is; a wrong one fails on the missing structure', { skip }, () => {
  const html = readFixture('leagues__NBA_2001_games-october.html');
  const forced = parsePage(html, 'schedule');
  assert.deepEqual([forced.kind, forced.records.length], ['schedule', 13]);
  assert.throws(
    () => parsePage(html, 'totals'),
    (e) => e instanceof ParseError && e.message.includes('no table#totals_stats'),
  );
  assert.throws(
    () => parsePage(html, 'standings' as PageKind),
    (e) => e instanceof ParseError && e.message.includes('unknown page kind "standings"'),
  );
});

test('season summaries, team, advanced, draft and awards pages give their records', { skip }, () => {
  const summary = parsePage(readFixture('leagues__NBA_2020.html'));
  assert.deepEqual([summary.kind, summary.season, summary.records.length], ['summary', 2020, 60]);
  const team = parsePage(readFixture('teams__SYR__1962.html'));
  assert.equal(team.kind, 'team');
  assert.deepEqual(
    team.kind === 'team' && [team.season, team.records[0].team, team.records[0].roster.length],
    [1962, 'SYR', 12],
  );
  const advanced = parsePage(readFixture('leagues__NBA_1974_advanced.html'));
  assert.deepEqual([advanced.kind, advanced.season, advanced.records.length], ['advanced', 1974, 334]);
  const draft = parsePage(readFixture('draft__NBA_1965.html'));
  assert.deepEqual([draft.kind, draft.season, draft.records.length], ['draft', 1965, 112]);
  const awards = parsePage(readFixture('awards__awards_1974.html'));
  assert.deepEqual([awards.kind, awards.season, awards.records.length], ['awards', 1974, 68]);
  // a forced team code that is not the page's
  assert.throws(
    () => parsePage(readFixture('teams__SYR__1962.html'), 'team', { team: 'PHI' }),
    (e) => e instanceof ParseError && e.message.includes("SYR's page, not PHI's"),
  );
});

test('pages of no known kind get a ParseError saying what the page is', { skip }, () => {
  assert.throws(
    () => parsePage(readFixture('boxscores__index.fcgi_month-1_day-1_year-2018.html')),
    (e) =>
      e instanceof ParseError &&
      e.message.includes('cannot recognise this page') &&
      e.message.includes('"NBA Games Played on January 1, 2018') &&
      e.message.includes('https://www.basketball-reference.com/boxscores/'),
  );
});

test('the 404 page, a block page and a truncated body raise their own errors, in every parser', {
  skip,
}, () => {
  const notFound = readFixture('errors__404_page_not_found.html');
  for (const parse of [
    () => parsePage(notFound),
    () => parsePage(notFound, 'boxscore', { gameId: '201801010TOR' }),
    () => parseSchedule(notFound, 2018),
    () => parseBoxScore(notFound, '201801010TOR'),
  ]) {
    assert.throws(
      parse,
      (e) => e instanceof PageNotFoundError && e.code === 'ERR_NOT_FOUND' && e.message.includes('404'),
    );
  }
  const block =
    '<html><head><title>429 error</title></head><body><h1>Rate Limited Request (429 error)</h1></body></html>';
  assert.throws(
    () => parsePage(block),
    (e) => e instanceof BlockedError && e.retry === 'host-blocked',
  );
  assert.throws(() => parseBoxScore(block, '201801010TOR'), BlockedError);

  const html = readFixture('boxscores__201801010TOR.html');
  const cut = html.slice(0, html.indexOf('id="box-TOR-game-basic"'));
  assert.throws(
    () => parseBoxScore(cut, '201801010TOR'),
    (e) => e instanceof NetworkError && e.retry === 'retry' && e.message.includes('truncated'),
  );
});

test('a page without div#content that is no block page is a layout change (ParseError), not a block', {
  skip,
}, () => {
  const layoutChanged = (file: string) =>
    readFixture(file).replace('<div id="content" role="main"', '<div id="main-content" role="main"');
  const box = layoutChanged('boxscores__201801010TOR.html');
  assert.equal(isBlockPage(box), false);
  const isLayoutChange = (e: unknown) =>
    e instanceof ParseError && /no div#content/.test(e.message) && /layout changed/.test(e.message);
  assert.throws(() => parseBoxScore(box, '201801010TOR'), isLayoutChange);
  assert.throws(() => parsePage(box, 'boxscore'), isLayoutChange);
  assert.throws(
    () => parseSchedule(layoutChanged('leagues__NBA_2024_games-april.html'), 2024),
    isLayoutChange,
  );
  assert.throws(
    () => basketballReference.parsePlayerTotals!(layoutChanged('leagues__NBA_2001_totals.html'), 2001),
    isLayoutChange,
  );
  // a small page without div#content and without block markers: also a layout change
  const bare = '<html><head><title>Service</title></head><body><p>Please try later</p></body></html>\n';
  assert.throws(() => parseBoxScore(bare, '201801010TOR'), isLayoutChange);
});

test('the replay site block page raises BlockedError in every parser', () => {
  const block = renderBlockPage(30);
  assert.throws(() => parsePage(block), BlockedError);
  assert.throws(() => parseBoxScore(block, '201801010TOR'), BlockedError);
  assert.throws(() => parseSchedule(block, 2018), BlockedError);
});

test('the SourceSite object', () => {
  assert.equal(basketballReference.id, 'basketball-reference');
  assert.equal(basketballReference.seasonPath(2020), '/leagues/NBA_2020_games.html');
  assert.equal(basketballReference.boxScorePath('202002220UTA'), '/boxscores/202002220UTA.html');
  assert.equal(basketballReference.totalsPath?.(2024), '/leagues/NBA_2024_totals.html');
  assert.equal(basketballReference.summaryPath?.(2024), '/leagues/NBA_2024.html');
  assert.equal(basketballReference.teamSeasonPath?.('GSW', 2023), '/teams/GSW/2023.html');
  assert.equal(basketballReference.advancedPath?.(1974), '/leagues/NBA_1974_advanced.html');
  assert.equal(basketballReference.draftPath?.(1965), '/draft/NBA_1965.html');
  assert.equal(basketballReference.awardsPath?.(1974), '/awards/awards_1974.html');
  assert.equal(isBlockPage('<html><body><h1>Rate Limited Request (429 error)</h1></body></html>'), true);
  for (const parser of [
    'parsePlayerTotals',
    'parseStandings',
    'teamsOfSeason',
    'parseTeamSeason',
    'parsePlayerAdvanced',
    'parseDraft',
    'parseAwards',
  ] as const) {
    assert.equal(typeof basketballReference[parser], 'function', parser);
  }
});

test('a parser given another kind of real page fails with a ParseError naming what is missing', {
  skip,
}, () => {
  // the 2019-20 season summary only links the season's default schedule page, and has no schedule
  const summary = readFixture('leagues__NBA_2020.html');
  assert.ok(summary.includes('href="/leagues/NBA_2020_games.html"'));
  assert.equal(/NBA_2020_games-october-20(19|20)\.html/.test(summary), false);
  assert.throws(
    () => parseSchedule(summary, 2020),
    (e) => e instanceof ParseError && e.message === 'schedule page has no table#schedule: the layout changed',
  );
  assert.throws(
    () => parseBoxScore(readFixture('leagues__NBA_2018_games-june.html'), '201806080CLE'),
    (e) => e instanceof ParseError && e.message === 'box score page has no div.scorebox: the layout changed',
  );
  assert.throws(
    () => parseSchedule(readFixture('boxscores__index.fcgi_month-1_day-1_year-2018.html'), 2018),
    (e) => e instanceof ParseError && e.message.includes('no table#schedule'),
  );
});
