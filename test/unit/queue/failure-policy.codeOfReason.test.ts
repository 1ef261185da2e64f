import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeOfReason } from '../../../src/queue/failure-policy.ts';

test('the error code is read from the start of a failed reason', () => {
  assert.equal(codeOfReason('ERR_PARSE: box score page has no table#box-TOR-game-basic'), 'ERR_PARSE');
  assert.equal(codeOfReason('ERR_HTTP_5XX: http://x answered 502'), 'ERR_HTTP_5XX');
  assert.equal(codeOfReason('something else: ERR_PARSE: x'), null);
  assert.equal(codeOfReason(undefined), null);
});
