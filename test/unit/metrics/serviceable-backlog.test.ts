/**
 * The autoscaling signal the exporter publishes per queue and host: the serviceable backlog (0 while
 * the queue is paused, the host on hold or its breaker freshly open) and the useful workers (the
 * host's job cap, from HOST_MAX_ACTIVE_JOBS and what its request budget can keep in flight, over
 * WORKER_CONCURRENCY).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { spacingMs } from '../../../src/fetch/host-budget.ts';
import { type HostStatus, quietHost } from '../../../src/fetch/host-state.ts';
import { hostJobCap, serviceability } from '../../../src/metrics/serviceable-backlog.ts';
import type { QueueStatus } from '../../../src/queue/status.ts';

const BUDGETED = 'www.basketball-reference.com';
const UNBUDGETED = '127.0.0.1:8080';
const NOW = 10_000_000;

const settings = (env: Record<string, string> = {}) => loadConfig(env);

function queue(waiting: number, prioritized = 0, paused = false): QueueStatus {
  return {
    queue: 'basketball-reference',
    paused,
    counts: { waiting, prioritized, active: 3, delayed: 7, 'waiting-children': 1, completed: 0, failed: 2 },
    seasons: [],
    failures: [],
  };
}

const host = (name: string, over: Partial<HostStatus> = {}): HostStatus => ({ ...quietHost(name), ...over });

describe('the job cap of a host', () => {
  test('a host with a budget: HOST_MAX_ACTIVE_JOBS, unless its requests per minute keep fewer busy', () => {
    // 20 a minute: one request every 3.06 s; in 30 s (FETCH_TOTAL_TIMEOUT_MS) at most 10 in flight, + 1.
    assert.equal(hostJobCap(BUDGETED, settings()), 4);
    assert.equal(hostJobCap(BUDGETED, settings({ HOST_MAX_ACTIVE_JOBS: '8' })), 8);
    assert.equal(hostJobCap(BUDGETED, settings({ HOST_MAX_ACTIVE_JOBS: '100' })), 11);
    assert.equal(
      hostJobCap(BUDGETED, settings({ HOST_MAX_ACTIVE_JOBS: '100', FETCH_TOTAL_TIMEOUT_MS: '3000' })),
      2,
    );
    assert.equal(
      hostJobCap(
        BUDGETED,
        settings({ HOST_MAX_ACTIVE_JOBS: '100', HOST_RATE_LIMITS: 'basketball-reference.com=60' }),
      ),
      31,
    );
  });

  test('a host without a budget has none', () => {
    assert.equal(hostJobCap(UNBUDGETED, settings({ HOST_MAX_ACTIVE_JOBS: '1' })), null);
  });

  test('the rate bound holds: requests a spacing apart, each as long as the total timeout, never overlap more', () => {
    for (const rpm of [1, 7, 20, 60, 600, 6000]) {
      for (const timeoutMs of [100, 1_000, 3_060, 15_000, 30_000, 120_000]) {
        const s = spacingMs(rpm);
        // Request k runs over [k s, k s + T); overlap peaks when a request starts. The oldest one
        // still running is tracked as the window slides.
        let most = 0;
        let oldest = 0;
        for (let k = 0; k < 2 * Math.ceil(timeoutMs / s) + 10; k++) {
          while (oldest * s + timeoutMs <= k * s) oldest++;
          most = Math.max(most, k - oldest + 1);
        }
        const cap = hostJobCap(BUDGETED, {
          ...settings({ HOST_MAX_ACTIVE_JOBS: '10000' }),
          hostRateLimits: [{ suffix: 'basketball-reference.com', requestsPerMinute: rpm }],
          fetchTotalTimeoutMs: timeoutMs,
        });
        assert.equal(cap, most + 1, `${rpm}/min, ${timeoutMs} ms: ${most} in flight at most`);
      }
    }
  });
});

describe('serviceable backlog and useful workers', () => {
  test('a budgeted host with a 70,000-job backlog: the whole backlog is serviceable, ceil(cap / concurrency) workers useful', () => {
    const cases: [Record<string, string>, number][] = [
      [{}, 1], // 4 jobs, 4 per worker
      [{ HOST_MAX_ACTIVE_JOBS: '8' }, 2],
      [{ HOST_MAX_ACTIVE_JOBS: '9' }, 3],
      [{ HOST_MAX_ACTIVE_JOBS: '16' }, 3], // the rate allows 11 busy jobs
      [{ HOST_MAX_ACTIVE_JOBS: '16', WORKER_CONCURRENCY: '2' }, 6],
      [{ HOST_MAX_ACTIVE_JOBS: '16', WORKER_CONCURRENCY: '50' }, 1],
    ];
    for (const [env, useful] of cases) {
      const s = serviceability(queue(60_000, 10_000), host(BUDGETED), settings(env), NOW);
      assert.equal(s.backlog, 70_000);
      assert.equal(s.serviceableBacklog, 70_000, JSON.stringify(env));
      assert.equal(s.usefulWorkers, useful, JSON.stringify(env));
    }
  });

  test('a small backlog needs fewer workers than the cap; none when empty', () => {
    const env = { HOST_MAX_ACTIVE_JOBS: '16', WORKER_CONCURRENCY: '2' };
    const useful = (n: number): number =>
      serviceability(queue(n), host(BUDGETED), settings(env), NOW).usefulWorkers;
    assert.deepEqual([0, 1, 2, 3, 5, 11, 12, 1000].map(useful), [0, 1, 1, 2, 3, 6, 6, 6]);
  });

  test('a host without a budget: the whole backlog, and as many workers as it can keep busy', () => {
    const s = serviceability(queue(69_999, 1), host(UNBUDGETED), settings(), NOW);
    assert.equal(s.serviceableBacklog, 70_000);
    assert.equal(s.jobCap, null);
    assert.equal(s.usefulWorkers, 17_500);
  });

  test('nothing while the queue is paused, the host on hold, or its breaker freshly open', () => {
    const config = settings({ BREAKER_RESET_MS: '60000' });
    const stopped = (q: QueueStatus, h: HostStatus) => serviceability(q, h, config, NOW);
    const paused = stopped(queue(500, 0, true), host(BUDGETED));
    const held = stopped(queue(500), host(BUDGETED, { holdUntil: NOW + 1, holdKind: 'blocked' }));
    const open = stopped(queue(500), host(UNBUDGETED, { breaker: 'open', breakerChangedAt: NOW - 59_999 }));
    for (const [s, why] of [
      [paused, 'paused'],
      [held, 'on-hold'],
      [open, 'breaker-open'],
    ] as const) {
      assert.equal(s.stopped, why);
      assert.equal(s.backlog, 500);
      assert.equal(s.serviceableBacklog, 0, why);
      assert.equal(s.usefulWorkers, 0, why);
    }
  });

  test('a hold that ended, a half-open breaker and an open report older than BREAKER_RESET_MS do not stop it', () => {
    const config = settings({ BREAKER_RESET_MS: '60000' });
    for (const h of [
      host(UNBUDGETED, { holdUntil: NOW, holdKind: 'rate-limited' }),
      host(UNBUDGETED, { breaker: 'half-open', breakerChangedAt: NOW - 1 }),
      // The worker that reported it is gone: its breaker would have let a probe through by now.
      host(UNBUDGETED, { breaker: 'open', breakerChangedAt: NOW - 60_000 }),
      host(UNBUDGETED, { breaker: 'open', breakerChangedAt: null }),
    ]) {
      const s = serviceability(queue(500), h, config, NOW);
      assert.equal(s.stopped, null, JSON.stringify(h));
      assert.equal(s.serviceableBacklog, 500);
      assert.equal(s.usefulWorkers, 125);
    }
  });
});
