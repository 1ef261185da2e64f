import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTable } from '../../../src/sources/basketball-reference/commented-tables.ts';
import { bodyRows, textOf } from '../../../src/sources/basketball-reference/dom.ts';
import { contentOf } from '../../../src/sources/basketball-reference/page.ts';
import { sourceTable, sourceTableIds } from '../../../src/sources/basketball-reference/source-tables.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const rowsOf = (id: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<tr><td>${id} ${i + 1}</td></tr>`).join('');

/** Two pairs of tables in the season summary's grid of stray cells, the second of each pair unclosed. */
const grid = syntheticPage({
  header: '<table id="divs_standings_E"><tr><td>header copy</td></tr></table>',
  content: ['confs', 'divs']
    .map(
      (kind) =>
        `<div class="data_grid"><tr><td><div><table id="${kind}_E"><tbody>${rowsOf(`${kind}_E`, 2)}</tbody></table></div></td>` +
        `<td><div><table id="${kind}_W"><tbody>${rowsOf(`${kind}_W`, 3)}</td></tr></table></div></div></div>`,
    )
    .join(''),
});

test('htmlparser2 loses the tables after an unclosed one; cut from the source, each is whole', () => {
  const content = contentOf(grid)!;
  assert.equal(findTable(content, 'divs_E'), undefined);
  assert.deepEqual(sourceTableIds(grid, /_(?:E|W)$/), ['confs_E', 'confs_W', 'divs_E', 'divs_W']);
  for (const [id, n] of [
    ['confs_E', 2],
    ['confs_W', 3],
    ['divs_E', 2],
    ['divs_W', 3],
  ] as const) {
    const table = sourceTable(grid, id);
    assert.ok(table, id);
    assert.deepEqual(
      bodyRows(table).map((tr) => textOf(tr)),
      Array.from({ length: n }, (_, i) => `${id} ${i + 1}`),
    );
  }
  // only div#content is searched: the header's table of the same id is not taken
  assert.equal(sourceTableIds(grid, /^divs_standings_/).length, 0);
  assert.equal(sourceTable(grid, 'divs_standings_E'), undefined);
});

test('nested tables are counted; a commented table is cut out of its comment', () => {
  const html = syntheticPage({
    content:
      '<table id="outer"><tr><td><table id="inner"><tr><td>in</td></tr></table></td></tr><tr><td>out</td></tr></table>' +
      '<div id="all_hidden"><!-- <table id="hidden"><tr><td>hid</td></tr></table> --></div>',
  });
  assert.deepEqual(bodyRows(sourceTable(html, 'outer')!).map(textOf), ['in', 'out']);
  assert.deepEqual(bodyRows(sourceTable(html, 'hidden')!).map(textOf), ['hid']);
  assert.equal(sourceTable(html, 'missing'), undefined);
});

test('the 2023-24 summary: every standings table whole, the division tables included', {
  skip: skipWithoutFixtures,
}, () => {
  const html = readFixture('leagues__NBA_2024.html');
  assert.equal(findTable(contentOf(html)!, 'divs_standings_E'), undefined);
  assert.deepEqual(sourceTableIds(html, /_standings_/), [
    'confs_standings_E',
    'confs_standings_W',
    'divs_standings_E',
    'divs_standings_W',
  ]);
  assert.deepEqual(
    ['confs_standings_E', 'divs_standings_E', 'divs_standings_W'].map(
      (id) => bodyRows(sourceTable(html, id)!).length,
    ),
    [15, 18, 18],
  );
});
