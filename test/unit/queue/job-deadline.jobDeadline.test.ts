import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { jobDeadline } from '../../../src/queue/job-deadline.ts';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
afterEach(() => mock.timers.reset());

test('the signal aborts with a TimeoutError when the deadline passes, not before', () => {
  const d = jobDeadline(undefined, 1000);
  mock.timers.tick(999);
  assert.equal(d.signal.aborted, false);
  mock.timers.tick(1);
  assert.equal(d.signal.aborted, true);
  assert.equal((d.signal.reason as DOMException).name, 'TimeoutError');
});

test("the worker's abort (shutdown) is passed on with its reason", () => {
  const parent = new AbortController();
  const d = jobDeadline(parent.signal, 1000);
  parent.abort(new Error('worker closing'));
  assert.equal(d.signal.aborted, true);
  assert.equal((d.signal.reason as Error).message, 'worker closing');
});

test("a worker signal already aborted aborts the job's signal at once", () => {
  const parent = new AbortController();
  parent.abort(new Error('closed before the job started'));
  const d = jobDeadline(parent.signal, 1000);
  assert.equal(d.signal.aborted, true);
  assert.equal((d.signal.reason as Error).message, 'closed before the job started');
});

test('after done() neither the deadline nor the worker aborts the signal', () => {
  const parent = new AbortController();
  const d = jobDeadline(parent.signal, 1000);
  d.done();
  mock.timers.tick(5000);
  parent.abort(new Error('late'));
  assert.equal(d.signal.aborted, false);
  d.done();
  assert.equal(d.signal.aborted, false);
});
