/**
 * Losing a worker: killed with SIGKILL, its running jobs are taken by another worker within
 * 10 s (lock expiry + stalled check); stopped with SIGTERM, it finishes its running jobs, or hands
 * them back at once when they outlast the shutdown budget; either way nothing is lost.
 */
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job } from 'bullmq';
import type { WorkerProcess } from '../../../src/local/processes/worker-processes.ts';
import { type System, startSystem, tempFileStore } from '../../helpers/system.ts';

const SEASON = 2018;

function nameOf(w: WorkerProcess): string {
  return `${hostname()}:${w.child.pid}`;
}

/** Waits until `w` runs at least `n` jobs; returns them. */
async function activeJobsOf(sys: System, w: WorkerProcess, n: number): Promise<Job[]> {
  for (let i = 0; i < 600; i++) {
    const mine = (await sys.queue.getActive()).filter(
      (j) => j.processedBy === nameOf(w) && j.name === 'boxscore',
    );
    if (mine.length >= n) return mine;
    await sleep(50);
  }
  throw new Error(`worker ${nameOf(w)} never ran ${n} jobs`);
}

async function assertAllStored(sys: System): Promise<void> {
  // The slow pages did their job; let the rest of the season go fast.
  sys.site.setFaults(null);
  const [season] = await sys.waitForSeasons([SEASON], 200_000);
  assert.equal(season?.state, 'completed');
  assert.equal(await sys.queue.getFailedCount(), 0);
  assert.deepEqual(await sys.storedBoxScores(SEASON), sys.playedGames(SEASON));
}

describe('losing a worker', { timeout: 300_000 }, () => {
  test('SIGKILL: its jobs run again elsewhere within 10 s', async (t) => {
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
      for (let i = 0; recovery.size < orphans.length; i++) {
        assert.ok(
          i < 400,
          `orphaned jobs not all taken again within 20 s (${recovery.size} of ${orphans.length})`,
        );
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
        await sleep(50);
      }
      const worst = Math.max(...recovery.values());
      t.diagnostic(
        `orphaned jobs restarted after ${[...recovery.values()].map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
      );
      assert.ok(worst < 10_000, `every orphaned job restarted within 10 s (worst ${worst} ms)`);
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
    });
    try {
      await sys.enqueue();
      const [leaving] = sys.pool.running;
      const running = await activeJobsOf(sys, leaving!, 2);
      const stoppedAt = Date.now();
      const code = await sys.pool.stop(leaving!, 'SIGTERM', 30_000);
      assert.equal(code, 0);
      assert.ok(Date.now() - stoppedAt < 10_000, 'it left as soon as its jobs finished');
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
      faults: { kinds: ['boxscore'], latency: { fixedMs: 5_000 } },
      env: { SHUTDOWN_BUDGET_MS: '300', JOB_ATTEMPTS: '1' },
    });
    try {
      await sys.enqueue();
      const [leaving] = sys.pool.running;
      const handedBack = await activeJobsOf(sys, leaving!, 2);
      const stoppedAt = Date.now();
      const code = await sys.pool.stop(leaving!, 'SIGTERM', 30_000);
      assert.equal(code, 0);
      assert.ok(Date.now() - stoppedAt < 4_000, 'it left right after the budget, not after its 5 s jobs');
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
