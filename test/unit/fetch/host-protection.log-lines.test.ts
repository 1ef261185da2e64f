/**
 * The lines host protection logs when it puts a host on hold carry stable keys that log queries
 * count by: `component`, `host`, `code` (the error code), `hold` (`rate-limited` after a 429,
 * `blocked` after a 403 or a block page) and `holdMs`. A breaker transition carries `breaker`
 * with the state it went to.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import { BreakerOpenError } from '../../../src/errors/breaker-open-error.ts';
import { RateLimitedError } from '../../../src/errors/rate-limited-error.ts';
import { ServerError } from '../../../src/errors/server-error.ts';
import { createHostProtection } from '../../../src/fetch/host-protection.ts';
import type { HostStateStore } from '../../../src/fetch/host-state.ts';
import { createLogger } from '../../../src/log/logger.ts';

type Line = Record<string, unknown>;

function capture(): { lines: Line[]; destination: Writable } {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const raw of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(raw));
      done();
    },
  });
  return { lines, destination };
}

const hostState: HostStateStore = {
  async currentHold() {
    return null;
  },
  async hold() {},
  async reportBreaker() {},
  async readAll() {
    return [];
  },
};

function protection(destination: Writable) {
  return createHostProtection({
    host: 'site:80',
    hostState,
    breaker: {
      errorThresholdPercentage: 50,
      volumeThreshold: 2,
      rollingWindowMs: 60_000,
      resetTimeoutMs: 60_000,
    },
    blockBackoffMs: 3_600_000,
    logger: createLogger({ level: 'info', destination }),
  });
}

test('a 429 and a block each log one line with host, code, hold and holdMs', async () => {
  const { lines, destination } = capture();
  const p = protection(destination);
  try {
    await p.requestFailed(new RateLimitedError('429 Too Many Requests', 90_000, { status: 429 }));
    await p.requestFailed(new ServerError('500', { status: 500 }));
    assert.equal(await p.holdOff(new BlockedError('403 Forbidden', { status: 403 })), 3_600_000);
    assert.equal(
      await p.holdOff(new BreakerOpenError('open', 5_000)),
      5_000,
      'an open breaker holds nothing',
    );
  } finally {
    p.close();
  }
  const holds = lines.filter((l) => 'hold' in l);
  assert.equal(holds.length, 2, JSON.stringify(lines));
  const [limited, blocked] = holds as [Line, Line];
  assert.deepEqual(
    [limited.level, limited.component, limited.host, limited.code, limited.hold, limited.holdMs],
    ['warn', 'fetch', 'site:80', 'ERR_RATE_LIMITED', 'rate-limited', 90_000],
  );
  assert.deepEqual(
    [blocked.level, blocked.component, blocked.host, blocked.code, blocked.hold, blocked.holdMs],
    ['error', 'fetch', 'site:80', 'ERR_BLOCKED', 'blocked', 3_600_000],
  );
  assert.equal((blocked.err as Line).code, 'ERR_BLOCKED');
});

test('a breaker transition logs its state under `breaker`, with the host', async () => {
  const { lines, destination } = capture();
  const p = protection(destination);
  try {
    for (let i = 0; i < 3; i++)
      await p.guard(() => Promise.reject(new ServerError('500', { status: 500 }))).catch(() => {});
  } finally {
    p.close();
  }
  const open = lines.find((l) => l.breaker === 'open');
  assert.ok(open, JSON.stringify(lines));
  assert.deepEqual([open.level, open.component, open.host], ['error', 'fetch', 'site:80']);
});
