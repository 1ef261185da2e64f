import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { ADVANCED_STATS, BASIC_STATS } from '../../../src/domain/box-score.ts';
import { createSiteContent } from '../../../src/local/replay/content.ts';
import { type SeasonGame, seasonModel } from '../../../src/local/replay/season-model.ts';

const content = createSiteContent({ seasons: [2018, 2024] });

function page(gameId: string): string {
  const p = content.lookup(`/boxscores/${gameId}.html`);
  assert.equal(p?.type, 'page');
  if (p?.type !== 'page') throw new Error('unreachable');
  return p.render();
}

function find(season: number, pred: (g: SeasonGame) => boolean): SeasonGame {
  const g = seasonModel(season).games.find(pred);
  assert.ok(g, 'no such game');
  return g;
}

/** The tables hidden inside HTML comments, parsed again. */
function commentedDom($: cheerio.CheerioAPI): cheerio.CheerioAPI {
  const comments: string[] = [];
  $('*')
    .contents()
    .each((_, node) => {
      if (node.type === 'comment') comments.push(node.data);
    });
  return cheerio.load(comments.join('\n'));
}

test('a regular-season box score has the 2024+ structure: title, scorebox, live player tables', () => {
  const game = find(2018, (g) => g.gameType === 'regular' && g.overtimes === 0 && g.date === '2018-01-10');
  const html = page(game.gameId);
  const $ = cheerio.load(html);
  assert.equal(
    $('title').text(),
    `${game.visitor.nickname} vs ${game.home.nickname}, January 10, 2018 | Basketball-Reference.com`,
  );
  assert.equal(
    $('#content h1').text(),
    `${game.visitor.name} at ${game.home.name} Box Score, January 10, 2018`,
  );
  assert.equal(
    $('link[rel=canonical]').attr('href'),
    `https://www.basketball-reference.com/boxscores/${game.gameId}.html`,
  );
  assert.deepEqual(
    $('#content div.scorebox strong a')
      .map((_, a) => $(a).attr('href'))
      .get(),
    [`/teams/${game.visitor.code}/2018.html`, `/teams/${game.home.code}/2018.html`],
  );
  assert.deepEqual(
    $('#content div.scorebox div.scores div.score')
      .map((_, d) => $(d).text())
      .get(),
    [String(game.visitorPoints), String(game.homePoints)],
  );
  const meta = $('div.scorebox_meta > div');
  assert.match(meta.eq(0).text(), /^\d{1,2}:\d\d [AP]M, January 10, 2018$/);
  assert.equal(meta.eq(1).text(), `${game.arena}, ${game.location}`);

  for (const code of [game.visitor.code, game.home.code]) {
    const ids = [
      'game-basic',
      'q1-basic',
      'q2-basic',
      'h1-basic',
      'q3-basic',
      'q4-basic',
      'h2-basic',
      'game-advanced',
    ];
    for (const id of ids) assert.equal($(`#content table#box-${code}-${id}`).length, 1, `box-${code}-${id}`);
    assert.equal($(`table#box-${code}-ot1-basic`).length, 0);
    const basic = $(`table#box-${code}-game-basic`);
    assert.deepEqual(
      basic
        .find('thead tr')
        .last()
        .find('th')
        .map((_, th) => $(th).attr('data-stat'))
        .get(),
      ['player', ...BASIC_STATS],
    );
    assert.deepEqual(
      $(`table#box-${code}-game-advanced thead tr`)
        .last()
        .find('th')
        .map((_, th) => $(th).attr('data-stat'))
        .get(),
      ['player', ...ADVANCED_STATS],
    );
    const rows = basic.find('tbody tr');
    assert.equal(rows.filter('.thead').length, 1);
    assert.equal(rows.filter('.thead').find('th').first().text(), 'Reserves');
    assert.equal(rows.index(rows.filter('.thead')), 5, 'five starters before the Reserves row');
    const first = rows.first().find('th[data-stat=player]');
    assert.match(first.attr('data-append-csv') ?? '', /^[a-z]{2,5}[a-z]{2}\d\d$/);
    assert.equal(
      first.find('a').attr('href'),
      `/players/${first.attr('data-append-csv')![0]}/${first.attr('data-append-csv')}.html`,
    );
    const mp = rows.first().find('td[data-stat=mp]');
    const [mm, ss] = mp.text().split(':').map(Number);
    assert.equal(Number(mp.attr('csk')), mm! * 60 + ss!);
    const dnp = rows.filter((_, r) => $(r).find('td[data-stat=reason]').length > 0);
    assert.ok(dnp.length >= 1, 'at least one did-not-play row');
    dnp.each((_, r) => {
      const cell = $(r).find('td[data-stat=reason]');
      assert.equal(cell.attr('colspan'), String(BASIC_STATS.length));
      assert.ok(['Did Not Play', 'Did Not Dress', 'Not With Team'].includes(cell.text()));
    });
    const foot = basic.find('tfoot tr');
    assert.equal(foot.find('th[data-stat=player]').text(), 'Team Totals');
    assert.equal(foot.find('td[data-stat=mp]').text(), '240');
    const pts = game.visitor.code === code ? game.visitorPoints : game.homePoints;
    assert.equal(foot.find('td[data-stat=pts]').text(), String(pts));
    assert.equal(
      $(`table#box-${code}-game-advanced tbody td[data-stat=reason]`).first().attr('colspan'),
      String(ADVANCED_STATS.length),
    );
  }
  const text = $('#content').text();
  assert.match(text, /Inactive:\u00a0/);
  assert.match(text, /Officials:\u00a0/);
  assert.match(text, /Attendance:\u00a0[\d,]+/);
  assert.match(text, /Time of Game:\u00a0\d:\d\d/);
  assert.equal($('#content a[href^="/referees/"]').length, 3);
  assert.ok(html.length > 250_000 && html.length < 500_000, `page size ${html.length}`);
});

test('line_score, four_factors and the other games of the day exist only inside HTML comments', () => {
  const game = find(2018, (g) => g.overtimes === 2);
  const $ = cheerio.load(page(game.gameId));
  assert.equal($('table#line_score').length, 0);
  assert.equal($('table#four_factors').length, 0);
  assert.equal($('#content div.game_summaries').length, 0);
  assert.equal($('#all_line_score').length, 1);
  const hidden = commentedDom($);
  const line = hidden('table#line_score');
  assert.equal(line.length, 1);
  assert.deepEqual(
    line
      .find('thead tr')
      .last()
      .find('th')
      .map((_, th) => hidden(th).attr('data-stat'))
      .get(),
    ['team', '1', '2', '3', '4', 'OT', '2OT', 'T'],
  );
  const visitorRow = line.find('tbody tr').first();
  assert.equal(visitorRow.find('th a').text(), game.visitor.code);
  assert.deepEqual(
    visitorRow
      .find('td')
      .map((_, td) => hidden(td).attr('data-stat'))
      .get(),
    ['1', '2', '3', '4', '1OT', '2OT', 'T'],
  );
  assert.equal(visitorRow.find('td[data-stat=T]').text(), String(game.visitorPoints));
  assert.deepEqual(
    hidden('table#four_factors thead tr')
      .last()
      .find('th')
      .map((_, th) => hidden(th).attr('data-stat'))
      .get(),
    ['team_id', 'pace', 'efg_pct', 'tov_pct', 'orb_pct', 'ft_rate', 'off_rtg'],
  );
  const summaries = hidden('div.game_summaries div.game_summary');
  const sameDay = seasonModel(2018).games.filter((g) => g.day === game.day);
  assert.equal(summaries.length, sameDay.length);
  assert.equal(
    hidden('div.game_summary.current a[href^="/boxscores/"]').attr('href'),
    `/boxscores/${game.gameId}.html`,
  );
  assert.equal($(`table#box-${game.home.code}-ot2-basic tfoot td[data-stat=mp]`).text(), '25');
  assert.equal($(`table#box-${game.home.code}-game-basic tfoot td[data-stat=mp]`).text(), '290');
});

test('the site header carries its own game summaries outside div#content', () => {
  const game = find(2024, (g) => g.date === '2024-02-01');
  const $ = cheerio.load(page(game.gameId));
  const header = $('#header li#header_scores div.game_summaries div.game_summary');
  assert.ok(header.length > 0);
  assert.equal($('#content').find('li#header_scores').length, 0);
  assert.equal($('div.game_summaries').filter((_, d) => $(d).closest('#content').length > 0).length, 0);
});

test('playoff and Play-In games carry their heading prefixes', () => {
  const playoff = find(2018, (g) => g.playoff?.round === 'Finals' && g.playoff.gameNumber === 2);
  const $ = cheerio.load(page(playoff.gameId));
  assert.equal(
    $('#content h1').text(),
    `2018 NBA Finals Game 2: ${playoff.visitor.name} at ${playoff.home.name} Box Score, ${$('#content h1').text().split('Box Score, ')[1]}`,
  );
  assert.match($('title').text(), /^2018 NBA Finals Game 2: \S.* vs .*\| Basketball-Reference\.com$/);
  const commented = commentedDom($);
  assert.equal(commented('div.game_summaries.playoffs').length, 1);
  const series = $('div.scorebox > div').eq(1).children('div').eq(2).text();
  assert.equal(series, playoff.homeRecord);
  const [won, lost] = series.split('-').map(Number);
  assert.equal(won! + lost!, 2, 'the series record after game 2');

  const playIn = find(2024, (g) => g.gameType === 'play-in');
  const $p = cheerio.load(page(playIn.gameId));
  assert.match(
    $p('#content h1').text(),
    new RegExp(`^Play-In Game: ${playIn.visitor.name} at ${playIn.home.name} Box Score`),
  );
});
