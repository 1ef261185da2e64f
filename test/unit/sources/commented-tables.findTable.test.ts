import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTable, tableIds } from '../../../src/sources/basketball-reference/commented-tables.ts';
import { bodyRows, select, selectFirst, textOf } from '../../../src/sources/basketball-reference/dom.ts';
import { contentOf } from '../../../src/sources/basketball-reference/page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

function load(html: string) {
  return { content: contentOf(html)! };
}

const dataStat = (name: string) => (el: { attribs: Record<string, string | undefined> }) =>
  el.attribs['data-stat'] === name;

test('a live table is found as is; a commented one is parsed out of its comment', {
  skip: skipWithoutFixtures,
}, () => {
  const { content } = load(readFixture('boxscores__201801010TOR.html'));
  const live = findTable(content, 'box-TOR-game-basic');
  assert.ok(live);
  assert.equal(live.commented, false);
  assert.equal(bodyRows(live.table).length, 13);

  // the DOM sees only a comment node where the line score is
  assert.equal(select(content, (el) => el.name === 'table' && el.attribs.id === 'line_score').length, 0);
  const line = findTable(content, 'line_score');
  assert.ok(line);
  assert.equal(line.commented, true);
  assert.deepEqual(
    bodyRows(line.table).map((tr) => textOf(selectFirst(tr, dataStat('T')))),
    ['127', '131'],
  );
  const factors = findTable(content, 'four_factors');
  assert.equal(textOf(selectFirst(factors!.table, (el) => el.name === 'td' && dataStat('pace')(el))), '98.2');
  assert.equal(findTable(content, 'no_such_table'), undefined);
});

test('tableIds lists live and commented tables of div#content', { skip: skipWithoutFixtures }, () => {
  const { content } = load(readFixture('boxscores__201710310LAL.html'));
  // in this capture the (commented) line score and four factors come before the player tables
  assert.deepEqual(tableIds(content), [
    'line_score',
    'four_factors',
    'box_det_basic',
    'box_det_advanced',
    'box_lal_basic',
    'box_lal_advanced',
  ]);
});

test('only div#content is searched: the site header has its own scores', () => {
  const html = syntheticPage({
    header:
      '<table id="line_score"><tr><td>header</td></tr></table><!-- <table id="four_factors"></table> -->',
    content:
      '<div id="all_line_score"><!-- <div class="table_container"><table id="line_score"><tr><td>content</td></tr></table></div> --></div>',
  });
  const { content } = load(html);
  assert.equal(textOf(findTable(content, 'line_score')?.table), 'content');
  assert.equal(findTable(content, 'four_factors'), undefined);
});

test('a comment elsewhere in div#content is searched when the all_ wrapper is missing', () => {
  const html = syntheticPage({
    content:
      '<div id="x"><!-- <p>not this</p> --><!-- <table id="totals_stats"><tr><td>7</td></tr></table> --></div>',
  });
  const { content } = load(html);
  const found = findTable(content, 'totals_stats');
  assert.equal(found?.commented, true);
  assert.equal(
    select(found!.table, (el) => el.name === 'td')
      .map(textOf)
      .join(''),
    '7',
  );
});
