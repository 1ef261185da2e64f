/**
 * One run's outcome, decided once for the failure listener and the metrics: BullMQ's control
 * errors defer, an unrecoverable error fails, the last attempt fails, others retry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimitError, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import { classifyOutcome } from '../../../src/queue/job-outcome.ts';
import { kindOfJobId } from '../../../src/queue/job-types.ts';

test('classifyOutcome: BullMQ control errors defer, unrecoverable fails, the last attempt fails', () => {
  // a job allowed 2 attempts, in its first run (1 attempt used with it)
  assert.equal(classifyOutcome(undefined, 1, 2), 'completed');
  assert.equal(classifyOutcome(new RateLimitError(), 1, 2), 'deferred');
  assert.equal(classifyOutcome(new WaitingChildrenError(), 1, 2), 'deferred');
  assert.equal(classifyOutcome(new UnrecoverableError('ERR_PARSE: x'), 1, 2), 'failed');
  assert.equal(classifyOutcome(new Error('ERR_NETWORK: x'), 1, 2), 'retry');
  assert.equal(classifyOutcome(new Error('ERR_NETWORK: x'), 2, 2), 'failed');
  assert.equal(kindOfJobId('boxscore-201710170CLE'), 'boxscore');
  assert.equal(kindOfJobId('something'), 'unknown');
});
