/**
 * The politeness budget is shared by all worker processes: four processes scraping one host
 * with a budget of 60 requests per minute never put more than 60 requests into any 60-second
 * window at the server, and reach at least 90 % of the budget.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const BUDGET = 60;
const WINDOW = 60_000;
/** How long the run lasts from its first request (however long the processes took to start). */
const RUN_MS = 80_000;

test('four worker processes share one host budget', { timeout: 420_000 }, async (t) => {
  const { url: storeUrl } = tempFileStore('nba-polite-');
  const sys = await startSystem({
    seasons: [2018],
    storeUrl: storeUrl,
    workers: 4,
    env: { HOST_RATE_LIMITS: `127.0.0.1=${BUDGET}`, WORKER_CONCURRENCY: '3', HOST_MAX_ACTIVE_JOBS: '6' },
  });
  try {
    await sys.enqueue();
    await waitUntil(
      `${RUN_MS / 1000} s of requests`,
      () => {
        const log = sys.site.stats().log;
        return log.length > 0 && log.at(-1)!.t >= log[0]!.t + RUN_MS;
      },
      { timeoutMs: 300_000, intervalMs: 1_000 },
    );
    await sys.pool.stopAll('SIGTERM');
    const times = sys.site
      .stats()
      .log.map((r) => r.t)
      .sort((a, b) => a - b);
    assert.ok(times.length > BUDGET, `enough requests to judge: ${times.length}`);
    // Every window that starts at a request: never more than the budget.
    let worst = 0;
    let best = 0;
    const last = times.at(-1)!;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (j < times.length && times[j]! < times[i]! + WINDOW) j++;
      const n = j - i;
      worst = Math.max(worst, n);
      // Only windows that end before the run stopped say how close to the budget we got.
      if (times[i]! + WINDOW <= last) best = Math.max(best, n);
    }
    t.diagnostic(
      `budget ${BUDGET}/min: busiest minute ${worst}, fullest complete minute ${best} (${Math.round((100 * best) / BUDGET)} %)`,
    );
    assert.ok(worst <= BUDGET, `at most ${BUDGET} requests in any minute, saw ${worst}`);
    assert.ok(best >= 0.9 * BUDGET, `at least 90 % of the budget in a full minute, saw ${best}`);
    // The processes really shared the work (each one fetched pages).
    const lines = [1, 2, 3, 4].map(
      (i) =>
        readFileSync(join(sys.logDir, `worker-${i}.log`), 'utf8')
          .split('\n')
          .filter((l) => l.includes('"outcome":"completed"')).length,
    );
    assert.ok(
      lines.every((n) => n > 0),
      `every process completed jobs: ${lines.join(', ')}`,
    );
  } finally {
    await sys.stop();
  }
});
