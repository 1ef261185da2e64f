import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { createSiteContent } from '../../../src/local/replay/content.ts';

const COLUMNS_2024 = [
  'date_game',
  'game_start_time',
  'visitor_team_name',
  'visitor_pts',
  'home_team_name',
  'home_pts',
  'box_score_text',
  'overtimes',
  'attendance',
  'game_duration',
  'arena_name',
  'game_remarks',
];

function render(content: ReturnType<typeof createSiteContent>, path: string): string {
  const p = content.lookup(path);
  assert.equal(p?.type, 'page', path);
  if (p?.type !== 'page') throw new Error('unreachable');
  return p.render();
}

test('a month page has the month navigation, the caption and every column of the 2024+ captures', () => {
  const content = createSiteContent({ seasons: [2018] });
  const $ = cheerio.load(render(content, '/leagues/NBA_2018_games-january.html'));
  assert.equal(
    $('link[rel=canonical]').attr('href'),
    'https://www.basketball-reference.com/leagues/NBA_2018_games.html',
  );
  assert.equal($('title').text(), '2017-18 NBA Schedule | Basketball-Reference.com');
  assert.deepEqual(
    $('#content div.filter > div > a')
      .map((_, a) => $(a).attr('href'))
      .get(),
    ['october', 'november', 'december', 'january', 'february', 'march', 'april', 'may', 'june'].map(
      (m) => `/leagues/NBA_2018_games-${m}.html`,
    ),
  );
  assert.equal($('#content div.filter > div.current a').text(), 'January');
  assert.equal($('table#schedule caption').text(), 'January Schedule Table');
  assert.equal($('#all_schedule h2').text(), 'January Schedule');
  assert.deepEqual(
    $('table#schedule thead th')
      .map((_, th) => $(th).attr('data-stat'))
      .get(),
    COLUMNS_2024,
  );
  const truth = content.groundTruth(2018).games.filter((g) => g.date.startsWith('2018-01'));
  const rows = $('table#schedule tbody tr').not('.thead');
  assert.equal(rows.length, truth.length);
  const first = rows.first();
  const t = truth[0]!;
  assert.equal(first.find('th[data-stat=date_game]').attr('csk'), t.gameId);
  assert.equal(first.find('td[data-stat=visitor_team_name]').attr('csk'), `${t.visitor.code}.${t.gameId}`);
  assert.equal(first.find('td[data-stat=home_team_name] a').attr('href'), `/teams/${t.home.code}/2018.html`);
  assert.equal(first.find('td[data-stat=box_score_text] a').attr('href'), `/boxscores/${t.gameId}.html`);
  assert.match(first.find('th[data-stat=date_game]').text(), /^[A-Z][a-z]{2}, Jan \d{1,2}, 2018$/);
  assert.match(first.find('td[data-stat=game_start_time]').text(), /^\d{1,2}:\d\d[ap]$/);
  assert.match(first.find('td[data-stat=attendance]').text(), /^\d{1,2},\d{3}$/);
  assert.match(first.find('td[data-stat=game_duration]').text(), /^\d:\d\d$/);
  assert.equal(first.find('td[data-stat=game_remarks]').attr('class'), 'left iz');
  // Header scores sit outside the content.
  assert.ok($('#header div.game_summaries div.game_summary').length > 0);
  assert.equal($('#content div.game_summary').length, 0);
});

test('the season page is byte-identical to its first month page', () => {
  const content = createSiteContent({ seasons: [2018] });
  assert.equal(
    render(content, '/leagues/NBA_2018_games.html'),
    render(content, '/leagues/NBA_2018_games-october.html'),
  );
});

test('a Playoffs divider row separates the two parts of a month until 2018-19, never since 2019-20', () => {
  const content = createSiteContent({ seasons: [2018, 2024] });
  const april2018 = cheerio.load(render(content, '/leagues/NBA_2018_games-april.html'));
  const divider = april2018('table#schedule tbody tr.thead');
  assert.equal(divider.length, 1);
  assert.equal(divider.find('th').text(), 'Playoffs');
  assert.equal(divider.find('th').attr('colspan'), '12');
  const before = divider.prevAll('tr').first().find('th').attr('csk')!;
  const after = divider.nextAll('tr').first().find('th').attr('csk')!;
  const games = content.groundTruth(2018).games;
  assert.equal(games.find((g) => g.gameId === before)!.gameType, 'regular');
  assert.equal(games.find((g) => g.gameId === after)!.gameType, 'playoffs');
  const may2018 = cheerio.load(render(content, '/leagues/NBA_2018_games-may.html'));
  assert.equal(may2018('table#schedule tbody tr.thead').length, 0);
  const april2024 = cheerio.load(render(content, '/leagues/NBA_2024_games-april.html'));
  assert.equal(april2024('table#schedule tbody tr.thead').length, 0);
  const remarks = april2024('td[data-stat=game_remarks]')
    .map((_, td) => april2024(td).text())
    .get()
    .filter((r) => r !== '');
  assert.deepEqual(remarks, Array(6).fill('Play-In Game'));
});

test('1999-00 pages have no start time column; games not played yet have empty cells', () => {
  const old = createSiteContent({ seasons: [2000] });
  const $old = cheerio.load(render(old, '/leagues/NBA_2000_games.html'));
  assert.deepEqual(
    $old('table#schedule thead th')
      .map((_, th) => $old(th).attr('data-stat'))
      .get(),
    COLUMNS_2024.filter((c) => c !== 'game_start_time'),
  );
  assert.equal($old('table#schedule caption').text(), 'November Schedule Table');

  const live = createSiteContent({ seasons: [2024], asOf: '2024-01-15' });
  const $ = cheerio.load(render(live, '/leagues/NBA_2024_games-january.html'));
  const rows = $('table#schedule tbody tr');
  const future = rows.filter((_, r) => $(r).find('th').attr('csk')!.slice(0, 8) > '20240115');
  const past = rows.filter((_, r) => $(r).find('th').attr('csk')!.slice(0, 8) <= '20240115');
  assert.ok(future.length > 50 && past.length > 50);
  future.each((_, r) => {
    for (const stat of [
      'visitor_pts',
      'home_pts',
      'box_score_text',
      'overtimes',
      'attendance',
      'game_duration',
    ]) {
      const cell = $(r).find(`td[data-stat=${stat}]`);
      assert.equal(cell.text(), '', stat);
      assert.match(cell.attr('class')!, /\biz\b/);
    }
    assert.notEqual($(r).find('td[data-stat=arena_name]').text(), '');
  });
  past.each((_, r) => {
    assert.match($(r).find('td[data-stat=home_pts]').text(), /^\d+$/);
  });
  assert.equal($('#content div.filter > div').length, 7, 'no postseason months yet');
});
