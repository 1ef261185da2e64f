import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHeight } from '../../../src/sources/basketball-reference/cells.ts';

test('heights feet-inches become inches', () => {
  assert.equal(parseHeight('6-10'), 82);
  assert.equal(parseHeight('7-0'), 84);
  assert.equal(parseHeight(' 6-2 '), 74);
  assert.equal(parseHeight('7-3'), 87);
});

test('an empty height is null, a malformed one undefined', () => {
  assert.equal(parseHeight(''), null);
  assert.equal(parseHeight('6-12'), undefined);
  assert.equal(parseHeight('6\'10"'), undefined);
  assert.equal(parseHeight('208 cm'), undefined);
});
