/**
 * A season job's worker dies (SIGKILL) again and again. MAX_STALLED_COUNT counts deaths in a row
 * without progress: a job that stored a schedule page since its last death is not the one killing
 * its workers, so it runs on however many pods it outlives; one that dies before storing anything,
 * MAX_STALLED_COUNT + 1 times in a row, is failed for good (it would loop through the fleet).
 */
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describe, test } from 'node:test';
import type { Job } from 'bullmq';
import type { PageKind } from '../../../src/local/replay/routes.ts';
import { type SeasonJobData, seasonJobId } from '../../../src/queue/job-types.ts';
import { type System, startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitFor, waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;
// One death is forgiven, a second in a row is not; a dead worker's job is back within about 3 s.
const ENV = { MAX_STALLED_COUNT: '1', LOCK_DURATION_MS: '2000', STALLED_INTERVAL_MS: '1000' };

/** One worker; the season's schedule pages (of the kinds given) answer after `latencyMs`. */
function start(kinds: PageKind[], latencyMs: number): Promise<System> {
  return startSystem({
    seasons: [SEASON],
    storeUrl: tempFileStore('nba-stalls-').url,
    workers: 1,
    env: ENV,
    faults: { kinds, latency: { fixedMs: latencyMs } },
    asOf: '2017-10-25',
  });
}

/**
 * Waits until the only worker runs the season job and `ready` holds for it (fails at once if the
 * job ends first); kills that worker and starts another.
 */
async function killWhile(
  sys: System,
  what: string,
  ready: (job: Job<SeasonJobData>) => boolean,
): Promise<void> {
  const worker = sys.pool.running[0]!;
  const name = `${hostname()}:${worker.child.pid}`;
  const job = await waitFor(
    what,
    async () => (await sys.queue.getJob(seasonJobId(SEASON))) as Job<SeasonJobData> | undefined,
    (job) => job !== undefined && (job.finishedOn !== undefined || (job.processedBy === name && ready(job))),
    { timeoutMs: 120_000, intervalMs: 50 },
  );
  assert.equal(job?.finishedOn, undefined, `${what}: the job ended first (${job?.failedReason})`);
  await sys.pool.stop(worker, 'SIGKILL');
  sys.pool.start(1);
}

describe('a season job whose workers die', { timeout: 600_000 }, () => {
  test('keeps going while every run stores a page, past MAX_STALLED_COUNT deaths', async () => {
    // Slow schedule pages: each run stores one and is killed while it reads the next.
    const sys = await start(['season', 'month'], 1_500);
    try {
      await sys.enqueue();
      const pagesDone = (job: Job<SeasonJobData>) => job.data.pagesDone?.length ?? 0;
      let stored = 0;
      for (let kill = 1; kill <= 3; kill++) {
        const before = stored;
        await killWhile(sys, `run ${kill} stored a page`, (job) => {
          stored = pagesDone(job);
          return stored > before;
        });
      }
      const [status] = await sys.waitForSeasons([SEASON], 200_000);
      assert.equal(status?.state, 'completed', status?.failedReason ?? undefined);
      const job = (await sys.queue.getJob(seasonJobId(SEASON)))!;
      assert.equal(job.data.pagesDone?.length, job.data.months?.length, 'every month page is stored');
      assert.ok(job.attemptsStarted >= 4, `four runs at least, got ${job.attemptsStarted}`);
      assert.equal(job.stalledCounter, 0, 'the last checkpoint cleared the count');
      assert.equal(status?.boxScores, sys.playedGames(SEASON).length);
    } finally {
      await sys.stop();
    }
  });

  test('fails for good after MAX_STALLED_COUNT + 1 deaths in a row without a stored page', async () => {
    // The season's first page takes 5 s: every run is killed before it stores anything.
    const sys = await start(['season'], 5_000);
    try {
      await sys.enqueue();
      for (let kill = 1; kill <= 2; kill++) {
        await killWhile(sys, `run ${kill} reading the first page`, (job) => job.data.months === undefined);
      }
      const job = await waitFor(
        'the season job failed',
        async () => (await sys.queue.getJob(seasonJobId(SEASON)))!,
        (j) => j.finishedOn !== undefined,
        { timeoutMs: 120_000 },
      );
      assert.equal(await job.getState(), 'failed');
      assert.equal(job.failedReason, 'job stalled more than allowable limit');
      assert.equal(job.stalledCounter, 2);
      assert.equal(job.data.months, undefined, 'no run stored a page');
      await waitUntil('no job left running', async () => (await sys.queue.getActiveCount()) === 0);
    } finally {
      await sys.stop();
    }
  });
});
