/**
 * Losing a worker: killed with SIGKILL, its running jobs are taken by another worker once their
 * locks expire (lock expiry + stalled check); stopped with SIGTERM, it finishes its running jobs,
 * or hands them back at once when they outlast the shutdown budget; either way nothing is lost.
 * The bounds on time leave tens of seconds to a busy machine: each is far from what a failure
 * would take (a job never taken again, a worker waiting out its budget or its jobs).
 */
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describe, test } from 'node:test';
import type { Job } from 'bullmq';
import type { WorkerProcess } from '../../../src/local/processes/worker-processes.ts';
import { type System, startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitFor, waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;

function nameOf(w: WorkerProcess): string {
  return `${hostname()}:${w.child.pid}`;
}

/** Waits until `w` runs at least `n` jobs; returns them. */
function activeJobsOf(sys: System, w: WorkerProcess, n: number): Promise<Job[]> {
  return waitFor(
    `worker ${nameOf(w)} running ${n} jobs`,
    async () =>
      (await sys.queue.getActive()).filter((j) => j.processedBy === nameOf(w) && j.name === 'boxscore'),
    (mine) => mine.length >= n,
    { timeoutMs: 120_000, intervalMs: 50 },
  );
}

async function assertAllStored(sys: System): Promise<void> {
  // The slow pages did their job; let the rest of the season go fast.
  sys.site.setFaults(null);
  const [season] = await sys.waitForSeasons([SEASON], 200_000);
  assert.equal(season?.state, 'completed');
  assert.equal(await sys.queue.getFailedCount(), 0);
  assert.deepEqual(await sys.storedBoxScores(SEASON), sys.playedGames(SEASON));
}

describe('losing a worker', { timeout: 600_000 }, () => {
  test('SIGKILL: its jobs run again elsewhere once their locks expire', async (t) => {
    const { url: storeUrl } = tempFileStore('nba-worker-loss-');
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl,
      workers: 2,
      asOf: '2017-10-25',
      // Slow pages keep jobs running at the kill; short enough that the survivor soon has a free slot.
      faults: { kinds: ['boxscore'], latency: { fixedMs: 1_200 } },
    });
    try {
      await sys.enqueue();
      const [victim, survivor] = sys.pool.running;
      const orphans = await activeJobsOf(sys, victim!, 2);
      const killedAt = Date.now();
      await sys.pool.stop(victim!, 'SIGKILL');
      // All orphans are watched together: one that restarted and finished early is removed from
      // Redis (box score jobs are removed on completion), so its restart is read from the site's
      // request log instead.
      const recovery = new Map<string, number>();
      const watch = async (): Promise<boolean> => {
        for (const job of orphans) {
          if (recovery.has(job.id!)) continue;
          const j = await sys.queue.getJob(job.id!);
          if (j && j.processedBy === nameOf(survivor!) && (j.processedOn ?? 0) > killedAt) {
            recovery.set(job.id!, j.processedOn! - killedAt);
          } else if (!j) {
            const path = `/boxscores/${(job.data as { gameId: string }).gameId}.html`;
            const refetch = sys.site.stats({ since: killedAt }).log.find((r) => r.path === path);
            assert.ok(refetch, `${job.id} left Redis without its page being fetched again`);
            recovery.set(job.id!, refetch.t - killedAt);
          }
        }
        return recovery.size === orphans.length;
      };
      await waitUntil('every orphaned job taken again', watch, { timeoutMs: 120_000, intervalMs: 50 });
      const worst = Math.max(...recovery.values());
      t.diagnostic(
        `orphaned jobs restarted after ${[...recovery.values()].map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
      );
      // Lock expiry plus one stalled check (6 s by default), with 20 s more for a busy machine and
      // a free slot on the survivor.
      const limit = sys.config.lockDurationMs + sys.config.stalledIntervalMs + 20_000;
      assert.ok(worst < limit, `every orphaned job restarted within ${limit} ms (worst ${worst} ms)`);
      await assertAllStored(sys);
    } finally {
      await sys.stop();
    }
  });

  test('SIGTERM: running jobs finish in the budget; the worker exits 0; nothing is redone', async () => {
    const { url: storeUrl } = tempFileStore('nba-worker-loss-');
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl,
      workers: 2,
      asOf: '2017-10-25',
      faults: { kinds: ['boxscore'], latency: { fixedMs: 2_500 } },
      // A budget far above the 2.5 s its jobs need: leaving long before it ends means leaving when
      // they finished.
      env: { SHUTDOWN_BUDGET_MS: '60000' },
    });
    try {
      await sys.enqueue();
      const [leaving] = sys.pool.running;
      const running = await activeJobsOf(sys, leaving!, 2);
      const stoppedAt = Date.now();
      const code = await sys.pool.stop(leaving!, 'SIGTERM', 120_000);
      assert.equal(code, 0);
      assert.ok(
        Date.now() - stoppedAt < 30_000,
        'it left as soon as its jobs finished, not at the 60 s budget',
      );
      for (const job of running) {
        const j = await sys.queue.getJob(job.id!);
        // Completed box score jobs may already be trimmed; if still there, the leaving worker finished it.
        if (j) assert.equal(j.processedBy, nameOf(leaving!), `${job.id} finished where it ran`);
        const path = `/boxscores/${(job.data as { gameId: string }).gameId}.html`;
        assert.equal(sys.site.stats().log.filter((r) => r.path === path).length, 1, `${path} fetched once`);
      }
      await assertAllStored(sys);
    } finally {
      await sys.stop();
    }
  });

  test('SIGTERM with jobs longer than the budget: handed back at once, no attempt used', async () => {
    const { url: storeUrl } = tempFileStore('nba-worker-loss-');
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl,
      workers: 2,
      asOf: '2017-10-25',
      // Jobs of 30 s and a budget of 0.3 s: leaving within 15 s is leaving at the budget. The
      // requests may take their 30 s (the default fetch deadlines are shorter).
      faults: { kinds: ['boxscore'], latency: { fixedMs: 30_000 } },
      env: {
        SHUTDOWN_BUDGET_MS: '300',
        JOB_ATTEMPTS: '1',
        FETCH_RESPONSE_TIMEOUT_MS: '120000',
        FETCH_TOTAL_TIMEOUT_MS: '120000',
      },
    });
    try {
      await sys.enqueue();
      const [leaving] = sys.pool.running;
      const handedBack = await activeJobsOf(sys, leaving!, 2);
      const stoppedAt = Date.now();
      const code = await sys.pool.stop(leaving!, 'SIGTERM', 60_000);
      assert.equal(code, 0);
      assert.ok(Date.now() - stoppedAt < 15_000, 'it left right after the budget, not after its 30 s jobs');
      // Handed back: none is left active under the dead worker's lock waiting for a stall check.
      for (const job of handedBack) {
        const j = await sys.queue.getJob(job.id!);
        const state = await sys.queue.getJobState(job.id!);
        assert.ok(
          state !== 'active' || j?.processedBy !== nameOf(leaving!),
          `${job.id} is ${state} under ${j?.processedBy}: not handed back`,
        );
        assert.equal(j?.attemptsMade ?? 0, 0, `${job.id}: no attempt used`);
      }
      // JOB_ATTEMPTS=1: had the hand-back used an attempt, these jobs would have failed for good.
      await assertAllStored(sys);
    } finally {
      await sys.stop();
    }
  });
});
