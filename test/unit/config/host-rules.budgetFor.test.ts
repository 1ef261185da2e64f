import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetFor, parseHostRules } from '../../../src/config/host-rules.ts';
import { spacingMs } from '../../../src/fetch/host-budget.ts';

test('rules parse from host=requestsPerMinute lists', () => {
  assert.deepEqual(parseHostRules('basketball-reference.com=20, 127.0.0.1:8080=120'), [
    { suffix: 'basketball-reference.com', requestsPerMinute: 20 },
    { suffix: '127.0.0.1:8080', requestsPerMinute: 120 },
  ]);
  assert.throws(() => parseHostRules('basketball-reference.com'), /is not host=requestsPerMinute/);
  assert.throws(() => parseHostRules('x.com=0'), /is not host=requestsPerMinute/);
});

test('a rule covers its host and subdomains, not look-alikes; unlisted hosts are unlimited', () => {
  const rules = parseHostRules('basketball-reference.com=20,stats.basketball-reference.com=5');
  assert.equal(budgetFor('www.basketball-reference.com', rules), 20);
  assert.equal(budgetFor('basketball-reference.com', rules), 20);
  assert.equal(budgetFor('WWW.Basketball-Reference.com:443', rules), 20);
  assert.equal(budgetFor('stats.basketball-reference.com', rules), 5, 'the most specific rule wins');
  assert.equal(budgetFor('notbasketball-reference.com', rules), null);
  assert.equal(budgetFor('127.0.0.1:8080', rules), null);
});

test('a rule with a port matches only that port', () => {
  const rules = parseHostRules('127.0.0.1:8080=60');
  assert.equal(budgetFor('127.0.0.1:8080', rules), 60);
  assert.equal(budgetFor('127.0.0.1:9090', rules), null);
});

test('spacing keeps any 60 s window within the budget, with a margin', () => {
  assert.equal(spacingMs(20), 3_060);
  assert.equal(spacingMs(60), 1_020);
  for (const rpm of [1, 20, 60, 120, 600]) {
    const gap = spacingMs(rpm);
    // rpm + 1 requests need rpm gaps; they must not fit in 60 s.
    assert.ok(rpm * gap > 60_000, `${rpm} rpm`);
    assert.ok(60_000 / gap / rpm >= 0.95, `${rpm} rpm reaches 95 % of the budget`);
  }
});
