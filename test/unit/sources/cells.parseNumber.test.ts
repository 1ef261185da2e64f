import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText, parseNumber } from '../../../src/sources/basketball-reference/cells.ts';

test('counts, thousands separators and decimals', () => {
  assert.equal(parseNumber('134'), 134);
  assert.equal(parseNumber('19,812'), 19812);
  assert.equal(parseNumber('1,408,514'), 1408514);
  assert.equal(parseNumber('44.1'), 44.1);
  assert.equal(parseNumber(' 0 '), 0);
});

test('percentages written .571 are fractions', () => {
  assert.equal(parseNumber('.571'), 0.571);
  assert.equal(parseNumber('1.000'), 1);
  assert.equal(parseNumber('.000'), 0);
});

test('plus-minus keeps its sign', () => {
  assert.equal(parseNumber('+11'), 11);
  assert.equal(parseNumber('-3'), -3);
  assert.equal(parseNumber('-1.2'), -1.2);
});

test('empty cells (class iz, &nbsp;) are null', () => {
  assert.equal(parseNumber(''), null);
  assert.equal(parseNumber('   '), null);
  assert.equal(parseNumber('\u00a0'), null);
});

test('text that is not a number is undefined, so the caller can name the cell', () => {
  assert.equal(parseNumber('Did Not Play'), undefined);
  assert.equal(parseNumber('12-4'), undefined);
  assert.equal(parseNumber('1.2.3'), undefined);
  assert.equal(parseNumber('--'), undefined);
});

test('cleanText folds whitespace and non-breaking spaces', () => {
  assert.equal(cleanText('  Inactive:\u00a0 \n  SAS '), 'Inactive: SAS');
});
