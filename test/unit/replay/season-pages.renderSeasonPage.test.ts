import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { dayOfIso } from '../../../src/local/replay/dates.ts';
import { generateSeason, seasonModel } from '../../../src/local/replay/season-model.ts';
import { hasSeasonPage, renderSeasonPage } from '../../../src/local/replay/season-pages.ts';

const END = Number.POSITIVE_INFINITY;

test('pages are deterministic: the same season renders the same bytes from a fresh model', () => {
  for (const kind of ['summary', 'advanced', 'draft', 'awards'] as const) {
    const a = renderSeasonPage(kind, seasonModel(2004), END, null, '').html;
    const b = renderSeasonPage(kind, generateSeason(2004), END, null, '').html;
    assert.equal(a, b, kind);
  }
  const team = renderSeasonPage('team', seasonModel(2004), END, 'NOH', '');
  assert.equal(team.truth.teamName, 'New Orleans Hornets');
});

test('which pages a season shows at a clock', () => {
  const model = seasonModel(2018);
  const before = dayOfIso('2017-10-01');
  const during = dayOfIso('2018-02-01');
  for (const kind of ['summary', 'advanced'] as const) {
    assert.equal(hasSeasonPage(kind, model, before, null), false, kind);
    assert.equal(hasSeasonPage(kind, model, during, null), true, kind);
  }
  for (const kind of ['draft', 'awards'] as const) {
    assert.equal(hasSeasonPage(kind, model, during, null), false, kind);
    assert.equal(hasSeasonPage(kind, model, END, null), true, kind);
  }
  assert.equal(hasSeasonPage('team', model, during, 'TOR'), true);
  assert.equal(hasSeasonPage('team', model, during, 'SEA'), false);
});

test('the summary page keeps the real layout: a grid of stray tags, the second table of a pair unclosed', () => {
  const html = renderSeasonPage('summary', seasonModel(2018), END, null, '').html;
  for (const id of ['confs_standings_W', 'divs_standings_W']) {
    const start = html.indexOf(`id="${id}"`);
    const end = html.indexOf('</table>', start);
    assert.match(html.slice(start, end), /<\/td>\s*<\/tr>\s*$/, id);
    assert.ok(!html.slice(start, end).includes('</tbody>'), id);
  }
  assert.ok(html.includes('<tr class="valign_top">'));
  const old = cheerio.load(renderSeasonPage('summary', seasonModel(2001), END, null, '').html);
  assert.equal(old('table[id^=confs_standings]').length, 0, 'no conference tables before 2016-17');
  assert.deepEqual(
    old('tr.thead strong')
      .map((_, el) => old(el).text())
      .get(),
    ['Atlantic Division', 'Central Division', 'Midwest Division', 'Pacific Division'],
  );
});

test('team pages serve team_and_opponent and team_misc inside comments, the roster live', () => {
  const html = renderSeasonPage('team', seasonModel(2018), END, 'TOR', '').html;
  const $ = cheerio.load(html);
  assert.equal($('table#roster').length, 1);
  assert.equal($('table#team_and_opponent').length, 0);
  assert.match(html, /<!--\s*<div class="table_container" id="div_team_and_opponent">/);
  assert.match(html, /<!--\s*<div class="table_container" id="div_team_misc">/);
});
