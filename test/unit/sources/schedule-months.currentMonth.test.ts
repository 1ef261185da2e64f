import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentOf } from '../../../src/sources/basketball-reference/page.ts';
import { currentMonth, parseMonths } from '../../../src/sources/basketball-reference/schedule-months.ts';
import { syntheticPage } from './synthetic-page.ts';

/** A 2019-20 style navigation: the season has two October pages and no April to June. */
const SLUGS = [
  'october-2019',
  'november',
  'december',
  'january',
  'february',
  'march',
  'july',
  'august',
  'september',
  'october-2020',
];

function page(caption: string, current?: string): string {
  const links = SLUGS.map(
    (s) =>
      `<div class="${s === current ? ' current' : ''}"><a href="/leagues/NBA_2020_games-${s}.html">${s.replace(/-(\d{4})$/, ' $1').replace(/^./, (c) => c.toUpperCase())}</a></div>`,
  ).join('');
  return syntheticPage({
    canonical: '/leagues/NBA_2020_games.html',
    content: `<div class="filter">${links}</div><a href="/leagues/NBA_2019_games-april.html">x</a><div id="all_schedule"><h2>${caption}</h2><table id="schedule"><caption>${caption} Table</caption></table></div>`,
  });
}

test('the month list is read from the navigation, in its order, including october-2019 and october-2020', () => {
  const content = contentOf(page('October Schedule'))!;
  const months = parseMonths(content, 2020);
  assert.deepEqual(
    months.map((m) => m.slug),
    SLUGS,
  );
  assert.deepEqual(months[0], {
    slug: 'october-2019',
    label: 'October 2019',
    path: '/leagues/NBA_2020_games-october-2019.html',
  });
  assert.equal(months.at(-1)!.path, '/leagues/NBA_2020_games-october-2020.html');
});

test('div.current wins; without it the caption names the month', () => {
  const withCurrent = contentOf(page('Whatever Schedule', 'august'))!;
  assert.equal(currentMonth(withCurrent, parseMonths(withCurrent, 2020), []), 'august');
  const caption = contentOf(page('August Schedule'))!;
  assert.equal(currentMonth(caption, parseMonths(caption, 2020), []), 'august');
});

test('an ambiguous caption (two Octobers) is decided by the year of the games', () => {
  const content = contentOf(page('October Schedule'))!;
  const months = parseMonths(content, 2020);
  assert.equal(currentMonth(content, months, ['2020-10-02', '2020-10-11']), 'october-2020');
  assert.equal(currentMonth(content, months, ['2019-10-22']), 'october-2019');
  assert.equal(currentMonth(content, months, []), null);
  const labelled = contentOf(page('October 2019 Schedule'))!;
  assert.equal(currentMonth(labelled, parseMonths(labelled, 2020), []), 'october-2019');
});

test('a page that names no month gives null', () => {
  const content = contentOf(page('Schedule'))!;
  assert.equal(currentMonth(content, parseMonths(content, 2020), ['2020-08-01']), null);
});
