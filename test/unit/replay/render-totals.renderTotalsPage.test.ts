import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { createSiteContent } from '../../../src/local/replay/content.ts';
import { renderTotalsPage } from '../../../src/local/replay/render-totals.ts';
import { seasonModel } from '../../../src/local/replay/season-model.ts';

const { html, truth } = renderTotalsPage(seasonModel(2018), Number.POSITIVE_INFINITY, '');
const $ = cheerio.load(html);

test('the totals page has both tables with the 2024 column names', () => {
  const head = $('table#totals_stats thead th')
    .map((_, th) => $(th).attr('data-stat'))
    .get();
  assert.deepEqual(head.slice(0, 8), [
    'ranker',
    'name_display',
    'age',
    'team_name_abbr',
    'pos',
    'games',
    'games_started',
    'mp',
  ]);
  assert.equal(head[head.length - 1], 'awards');
  assert.equal($('table#totals_stats_post').length, 1);
  assert.equal(
    $('link[rel=canonical]').attr('href'),
    'https://www.basketball-reference.com/leagues/NBA_2018_totals.html',
  );
});

test('traded players have a 2TM/3TM summary row followed by one partial_table row per team', () => {
  const rows = $('table#totals_stats tbody tr');
  const summaries = rows.filter((_, r) => /^\dTM$/.test($(r).find('td[data-stat=team_name_abbr]').text()));
  assert.ok(summaries.length >= 6, `${summaries.length} multi-team players`);
  summaries.each((_, r) => {
    const id = $(r).find('td[data-stat=name_display]').attr('data-append-csv');
    const teams = Number($(r).find('td[data-stat=team_name_abbr]').text()[0]);
    const partials = $(r).nextAll('tr').slice(0, teams);
    partials.each((_, p) => {
      assert.equal($(p).attr('class'), 'partial_table');
      assert.equal($(p).find('td[data-stat=name_display]').attr('data-append-csv'), id);
      assert.match($(p).find('td[data-stat=team_name_abbr] a').text(), /^[A-Z]{3}$/);
    });
    const sum = partials.map((_, p) => Number($(p).find('td[data-stat=pts]').text())).get() as number[];
    assert.equal(
      sum.reduce((a, b) => a + b, 0),
      Number($(r).find('td[data-stat=pts]').text()),
    );
  });
  assert.ok(
    summaries.filter((_, r) => $(r).find('td[data-stat=team_name_abbr]').text() === '3TM').length >= 1,
    'one player was traded twice',
  );
});

test('rows are ranked by points and a League Average row closes each body', () => {
  const ranked = $('table#totals_stats tbody tr').not('.partial_table').not('.norank');
  const pts = ranked.map((_, r) => Number($(r).find('td[data-stat=pts]').text())).get() as number[];
  for (let i = 1; i < pts.length; i++) assert.ok(pts[i - 1]! >= pts[i]!);
  const last = $('table#totals_stats tbody tr').last();
  assert.equal(last.attr('class'), 'norank');
  assert.equal(last.find('td[data-stat=name_display]').text(), 'League Average');
  assert.match(last.find('td[data-stat=fg_pct]').text(), /^\.\d{3}$/);
  assert.equal($('table#totals_stats_post tbody tr').last().attr('class'), 'norank');
});

test('season totals equal the sums over the generated box scores', () => {
  const content = createSiteContent({ seasons: [2018] });
  const played = content.playedGames(2018).filter((g) => g.gameType === 'regular');
  let lines = 0;
  let points = 0;
  for (const box of played.map((g) => content.boxScore(g.gameId)!)) {
    for (const t of [box.visitor, box.home]) {
      lines += t.players.filter((p) => p.basic !== null).length;
      points += t.points;
    }
  }
  // One row per player and team (single-team rows and partial rows); summaries add those up.
  const perTeam = truth.filter((t) => t.part === 'regular' && !t.multiTeamSummary);
  assert.equal(
    perTeam.reduce((a, t) => a + t.stats.games!, 0),
    lines,
  );
  assert.equal(
    perTeam.reduce((a, t) => a + t.stats.pts!, 0),
    points,
  );
  for (const summary of truth.filter((t) => t.part === 'regular' && t.multiTeamSummary)) {
    const parts = perTeam.filter((t) => t.playerId === summary.playerId);
    assert.equal(parts.length, Number(summary.team[0]));
    assert.equal(
      parts.reduce((a, t) => a + t.stats.pts!, 0),
      summary.stats.pts,
    );
  }
});
