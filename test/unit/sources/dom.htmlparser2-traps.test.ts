/**
 * The parsers build their DOM with htmlparser2, which is not a browser-grade HTML parser. These
 * tests pin down where it differs from a browser and that the parsers read the same values anyway.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../../src/sources/basketball-reference/cells.ts';
import {
  bodyRows,
  cellsOf,
  hasClass,
  parseHtml,
  select,
  selectFirst,
  textOf,
  withId,
} from '../../../src/sources/basketball-reference/dom.ts';
import {
  parseBoxScore,
  parsePlayerTotals,
  parseSchedule,
} from '../../../src/sources/basketball-reference/index.ts';
import { contentOf, withoutTables } from '../../../src/sources/basketball-reference/page.ts';
import { cellsByStat, numberCell } from '../../../src/sources/basketball-reference/table-cells.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

const table = (html: string) => selectFirst(parseHtml(html), (el) => el.name === 'table')!;

test('rows placed directly in a table are body rows (a browser adds the tbody htmlparser2 does not)', () => {
  const direct = table(
    '<table><thead><tr><th>h</th></tr></thead><tr><td>1</td></tr><tr><td>2</td></tr><tfoot><tr><td>t</td></tr></tfoot></table>',
  );
  assert.deepEqual(bodyRows(direct).map(textOf), ['1', '2']);
  const explicit = table(
    '<table><tbody><tr><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody></table>',
  );
  assert.deepEqual(bodyRows(explicit).map(textOf), ['1', '2']);
});

test('unclosed cells and rows end where a browser ends them', () => {
  const t = table('<table><tbody><tr class="a"><th>x<td>1<td>2<tr class="b"><th>y<td>3</table>');
  const rows = bodyRows(t);
  assert.deepEqual(
    rows.map((r) => [hasClass(r, 'a'), cellsOf(r).map(textOf)]),
    [
      [true, ['x', '1', '2']],
      [false, ['y', '3']],
    ],
  );
});

test('entities are decoded in text and attributes; &nbsp; folds into a space', () => {
  const t = table(
    '<table><tr><td data-stat="name"><a href="/x?a=1&amp;b=2">A&nbsp;&amp;&#160;B</a></td><td data-stat="n" csk="1&#44;5">&#49;9,812</td></tr></table>',
  );
  const cells = cellsByStat(bodyRows(t)[0]!);
  const a = select(cells.get('name')!, (el) => el.name === 'a')[0]!;
  assert.equal(a.attribs.href, '/x?a=1&b=2');
  assert.equal(textOf(a), 'A\u00a0&\u00a0B');
  assert.equal(cleanText(textOf(a)), 'A & B');
  assert.equal(numberCell(cells.get('n'), 'n'), 15); // csk "1,5" -> 15 wins over the text
});

test('the doctype is not an element, comments have no text, the first of two equal attributes wins', () => {
  const doc = parseHtml(
    '<!DOCTYPE html><html><body><div id="a" class="x" class="y">t<!-- hidden --></div></body></html>',
  );
  const div = selectFirst(doc, withId('div', 'a'))!;
  assert.equal(div.attribs.class, 'x');
  assert.equal(textOf(div), 't');
});

test('div#content is cut out of the page from its start tag to the footer; per-period tables can be left out', () => {
  const html = syntheticPage({
    header: '<div class="scorebox">header</div>',
    content:
      '<table id="box-TOR-q1-basic"><tr><td>q1</td></tr></table><table id="box-TOR-game-basic"><tr><td>game</td></tr></table>',
  }).replace('</body>', '<div id="footer"><div class="scorebox">footer</div></div></body>');
  const content = contentOf(html)!;
  assert.equal(select(content, (el) => el.attribs.class === 'scorebox').length, 0);
  assert.equal(textOf(content), 'q1game');
  assert.equal(textOf(contentOf(html, { skipTables: /-q\d-/ })), 'game');
  const nested = '<table id="a"><table id="b"></table></table>';
  assert.equal(withoutTables(nested, /a/).join(''), nested);
  assert.equal(withoutTables(nested, /a|b/).join(''), '<table id="a"></table>');
  assert.deepEqual(withoutTables('<p>1</p><TABLE ID="q1"><tr><td>x</td></tr></Table ><p>2</p>', /q1/), [
    '<p>1</p>',
    '<p>2</p>',
  ]);
  // a content start tag inside a comment is not the content: the whole page is parsed instead
  const commented = `<!-- <div id="content">old</div> -->${html}`;
  assert.equal(textOf(contentOf(commented)), 'q1game');
  assert.equal(contentOf('<html><body><p>no content</p></body></html>'), undefined);
});

function variants(html: string): Record<string, string> {
  return {
    'no tbody tags': html.replace(/<\/?tbody\b[^>]*>/g, ''),
    'no </td> </th>': html.replace(/<\/t[dh]>/g, ''),
    'no </tr>': html.replace(/<\/tr>/g, ''),
    'upper-case tags': html.replace(
      /<(\/?)(table|thead|tbody|tfoot|tr|td|th|div|strong|a)\b/g,
      (_, slash: string, tag: string) => `<${slash}${tag.toUpperCase()}`,
    ),
  };
}

test('real pages without tbody tags, without closing cell or row tags, or in upper case parse the same', {
  skip: skipWithoutFixtures,
}, () => {
  const box = readFixture('boxscores__201801010TOR.html');
  const schedule = readFixture('leagues__NBA_2001_games-april.html');
  const totals = readFixture('leagues__NBA_2001_totals.html');
  const expected = {
    box: parseBoxScore(box, '201801010TOR'),
    schedule: parseSchedule(schedule, 2001),
    totals: parsePlayerTotals(totals, 2001),
  };
  for (const [name, html] of Object.entries(variants(box))) {
    assert.deepEqual(parseBoxScore(html, '201801010TOR'), expected.box, name);
  }
  for (const [name, html] of Object.entries(variants(schedule))) {
    assert.deepEqual(parseSchedule(html, 2001), expected.schedule, name);
  }
  for (const [name, html] of Object.entries(variants(totals))) {
    assert.deepEqual(parsePlayerTotals(html, 2001), expected.totals, name);
  }
});
