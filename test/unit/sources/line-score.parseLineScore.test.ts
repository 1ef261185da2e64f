import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { parseLineScore } from '../../../src/sources/basketball-reference/line-score.ts';
import { contentOf } from '../../../src/sources/basketball-reference/page.ts';
import { readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';
import { syntheticPage } from './synthetic-page.ts';

function lineScore(html: string) {
  return parseLineScore(contentOf(html)!);
}

test('2019 capture: no thead, no data-stat, an OT column', { skip: skipWithoutFixtures }, () => {
  assert.deepEqual(lineScore(readFixture('boxscores__201701010ATL.html')), [
    { code: 'SAS', periods: [27, 19, 28, 26, 12], total: 112 },
    { code: 'ATL', periods: [25, 19, 25, 31, 14], total: 114 },
  ]);
});

test('2026 capture of the same game: thead with the "Scoring" over-header, data-stat 1OT', {
  skip: skipWithoutFixtures,
}, () => {
  assert.deepEqual(lineScore(readFixture('boxscores__201701010ATL.crawl-2026.html')), [
    { code: 'SAS', periods: [27, 19, 28, 26, 12], total: 112 },
    { code: 'ATL', periods: [25, 19, 25, 31, 14], total: 114 },
  ]);
});

test('four quarters only (2018 legacy capture, 2025 capture)', { skip: skipWithoutFixtures }, () => {
  assert.deepEqual(lineScore(readFixture('boxscores__201710310LAL.html')), [
    { code: 'DET', periods: [22, 23, 27, 21], total: 93 },
    { code: 'LAL', periods: [25, 33, 29, 26], total: 113 },
  ]);
  assert.deepEqual(lineScore(readFixture('boxscores__202501230ATL.html')), [
    { code: 'TOR', periods: [35, 30, 29, 28], total: 122 },
    { code: 'ATL', periods: [25, 34, 30, 30], total: 119 },
  ]);
});

const table = (rows: string) =>
  syntheticPage({
    content: `<div id="all_line_score"><!-- <table id="line_score"><tr><th></th><th>1</th><th>2</th><th>3</th><th>4</th><th>OT</th><th>2OT</th><th>T</th></tr>${rows}</table> --></div>`,
  });
const row = (code: string, cells: (string | number)[]) =>
  `<tr><td><a href="/teams/${code}/1980.html">${code}</a></td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

test('two overtimes', () => {
  assert.deepEqual(
    lineScore(table(row('PHI', [30, 25, 27, 22, 8, 8, 120]) + row('IND', [28, 27, 25, 24, 8, 2, 114]))),
    [
      { code: 'PHI', periods: [30, 25, 27, 22, 8, 8], total: 120 },
      { code: 'IND', periods: [28, 27, 25, 24, 8, 2], total: 114 },
    ],
  );
});

test('a missing table, a blank period or a single team row is a ParseError', () => {
  assert.throws(
    () => lineScore(syntheticPage({ content: '<div id="all_line_score"></div>' })),
    (e) => e instanceof ParseError && e.message.includes('no table#line_score'),
  );
  assert.throws(
    () => lineScore(table(row('PHI', [30, '', 27, 22, 120]) + row('IND', [28, 27, 25, 24, 114]))),
    (e) => e instanceof ParseError && e.message.includes('row PHI cell 2 "" is not points'),
  );
  assert.throws(
    () => lineScore(table(row('PHI', [30, 25, 27, 22, 120]))),
    (e) => e instanceof ParseError && e.message.includes('1 team rows, expected 2'),
  );
});
