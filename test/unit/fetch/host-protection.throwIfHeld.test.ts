/**
 * How host protection reads the shared hold: a read serves the checks of the next
 * HOLD_READ_REUSE_MS (so a request to a host without a budget costs no Redis round trip for it),
 * a fresh check always reads, a hold this process sets is seen at once, and one set by another
 * process is seen once the reuse time has passed. The shared state is an in-memory
 * HostStateStore that counts its reads (the Redis one is tested in test/integration).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BreakerOpenError } from '../../../src/errors/breaker-open-error.ts';
import { RateLimitedError } from '../../../src/errors/rate-limited-error.ts';
import { createHostProtection, HOLD_READ_REUSE_MS } from '../../../src/fetch/host-protection.ts';
import type { HostHold, HostStateStore } from '../../../src/fetch/host-state.ts';
import { createLogger } from '../../../src/log/logger.ts';

function memoryHostState(): HostStateStore & { reads: number; holds: Map<string, HostHold> } {
  const holds = new Map<string, HostHold>();
  const state = {
    reads: 0,
    holds,
    async currentHold(host: string) {
      state.reads++;
      const h = holds.get(host);
      return h && h.until > Date.now() ? h : null;
    },
    async hold(host: string, ms: number, kind: HostHold['kind'], reason: string) {
      holds.set(host, { until: Date.now() + ms, kind, reason });
    },
    async reportBreaker() {},
    async readAll() {
      return [];
    },
  };
  return state;
}

function protection(state: HostStateStore) {
  return createHostProtection({
    host: 'site:80',
    hostState: state,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 10,
      rollingWindowMs: 60_000,
      resetTimeoutMs: 60_000,
    },
    blockBackoffMs: 3_600_000,
    logger: createLogger({ level: 'silent' }),
  });
}

test('a read of the hold serves the next checks; a fresh check reads again', async () => {
  const state = memoryHostState();
  const p = protection(state);
  try {
    for (let i = 0; i < 20; i++) await p.throwIfHeld();
    assert.equal(state.reads, 1, 'twenty checks in a row, one read');
    await p.throwIfHeld({ fresh: true });
    await p.throwIfHeld({ fresh: true });
    assert.equal(state.reads, 3, 'every fresh check reads');
  } finally {
    p.close();
  }
});

test("a hold this process sets stops its next check at once; another process's hold once the reuse time has passed", async () => {
  const state = memoryHostState();
  const p = protection(state);
  try {
    await p.throwIfHeld();
    await p.requestFailed(new RateLimitedError('429', 60_000));
    await assert.rejects(p.throwIfHeld(), RateLimitedError, 'its own hold, without a read');
    assert.equal(state.reads, 1);

    const other = memoryHostState();
    const q = protection(other);
    await q.throwIfHeld();
    other.holds.set('site:80', {
      until: Date.now() + 60_000,
      kind: 'blocked',
      reason: 'another pod saw a block',
    });
    await assert.rejects(q.throwIfHeld({ fresh: true }), BreakerOpenError, 'a fresh check sees it at once');
    const stale = memoryHostState();
    const r = protection(stale);
    await r.throwIfHeld();
    stale.holds.set('site:80', {
      until: Date.now() + 60_000,
      kind: 'blocked',
      reason: 'another pod saw a block',
    });
    await r.throwIfHeld(); // within the reuse time: the read before the hold still serves
    await sleep(HOLD_READ_REUSE_MS + 50);
    await assert.rejects(r.throwIfHeld(), BreakerOpenError, 'seen after the reuse time');
    q.close();
    r.close();
  } finally {
    p.close();
  }
});
