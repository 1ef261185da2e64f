/**
 * How the workers protect the source host: a 429 pauses the whole queue for the Retry-After time
 * (no attempt used, so no block follows); failures trip the circuit breaker, which holds the
 * host's jobs instead of burning their attempts; a block holds every worker off the host.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHostStateStore } from '../../../src/fetch/host-state.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;

describe('host protection', { timeout: 900_000 }, () => {
  test('429 with Retry-After pauses the queue: no attempt used, never blocked', async () => {
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl: tempFileStore('nba-host-').url,
      workers: 2,
      asOf: '2017-10-25',
      // The site allows 8 requests per 4 s window (2/s) and blocks a client after 3 429s in a
      // row; our budget for it is set too high (4/s), so 429s come, one at a time.
      faults: { rateLimit: { maxPerMinute: 8, windowMs: 4_000, blockAfter: 3, blockMs: 600_000 } },
      env: { JOB_ATTEMPTS: '2', HOST_RATE_LIMITS: '127.0.0.1=240' },
    });
    try {
      await sys.enqueue();
      const [season] = await sys.waitForSeasons([SEASON], 200_000);
      assert.equal(season?.state, 'completed');
      const stats = sys.site.stats({ log: false });
      assert.ok((stats.byStatus['429'] ?? 0) > 0, 'the site answered 429');
      assert.equal(stats.byStatus['403'] ?? 0, 0, 'never blocked');
      assert.equal(
        await sys.queue.getFailedCount(),
        0,
        'no job failed: a 429 uses no attempt (only 2 allowed)',
      );
      assert.equal(season?.boxScoresDone, sys.site.groundTruth(SEASON).games.filter((g) => g.played).length);
    } finally {
      await sys.stop();
    }
  });

  test('the breaker opens on 5xx, holds the jobs without using attempts, and closes after a good probe', async () => {
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl: tempFileStore('nba-host-').url,
      workers: 2,
      asOf: '2017-10-25',
      env: {
        JOB_ATTEMPTS: '4',
        BREAKER_MIN_REQUESTS: '4',
        BREAKER_ERROR_PERCENT: '50',
        BREAKER_RESET_MS: '1500',
      },
    });
    try {
      sys.site.setFaults({ kinds: ['boxscore'], serverErrors: { rate: 1, statuses: [500] } });
      await sys.enqueue();
      await waitUntil(
        'the box score jobs meet the failing host',
        () => (sys.site.stats({ log: false }).byStatus['500'] ?? 0) > 0,
        { timeoutMs: 120_000 },
      );
      await sleep(8_000);
      const during = sys.site.stats({ log: false }).byStatus['500'] ?? 0;
      const hosts = await createHostStateStore(sys.connection, sys.config.queuePrefix).readAll();
      assert.ok(
        hosts.some((h) => h.breaker === 'open' || h.breaker === 'half-open'),
        `a breaker is open: ${JSON.stringify(hosts)}`,
      );
      // Without a breaker, 8 job slots retrying every 0.2-1 s would make well over 100 requests in 8 s;
      // with it, only the requests that opened it and the half-open probes go out.
      assert.ok(during < 60, `requests to the failing host while it failed: ${during}`);
      assert.equal(await sys.queue.getFailedCount(), 0, 'no job failed while the breaker held them');

      sys.site.setFaults(null);
      const [season] = await sys.waitForSeasons([SEASON], 200_000);
      assert.equal(season?.state, 'completed');
      assert.equal(await sys.queue.getFailedCount(), 0);
      const after = await createHostStateStore(sys.connection, sys.config.queuePrefix).readAll();
      assert.ok(
        after.every((h) => h.breaker === 'closed'),
        `breakers closed again: ${JSON.stringify(after)}`,
      );
    } finally {
      await sys.stop();
    }
  });

  test('a block (403) holds every worker off the host for the backoff, then the crawl resumes', async () => {
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl: tempFileStore('nba-host-').url,
      workers: 2,
      asOf: '2017-10-25',
      // The site allows 40 requests a minute (the crawl passes that however slow the machine) and
      // blocks at once beyond, for 3 s; we hold off for 12 s.
      faults: { rateLimit: { maxPerMinute: 40, windowMs: 60_000, blockAfter: 0, blockMs: 3_000 } },
      env: { BLOCK_BACKOFF_MS: '12000', JOB_ATTEMPTS: '2' },
    });
    try {
      await sys.enqueue();
      const [season] = await sys.waitForSeasons([SEASON], 200_000);
      assert.equal(season?.state, 'completed');
      const log = sys.site.stats().log;
      const blocks = log.filter((r) => r.status === 403);
      assert.ok(blocks.length > 0, 'the site blocked us');
      // After the first 403 reached us, no request may leave for the hold (minus the requests
      // already on their way: allow those that arrived within 3 s, ample on a busy machine).
      const first = blocks[0]!.t;
      const during = log.filter((r) => r.t > first + 3_000 && r.t < first + 12_000);
      assert.equal(during.length, 0, `requests during the hold: ${during.map((r) => r.path).join(', ')}`);
      assert.equal(await sys.queue.getFailedCount(), 0, 'a block uses no attempt');
    } finally {
      await sys.stop();
    }
  });

  test('a block page served with 200 on a schedule page holds the host too; the season job uses no attempt', async () => {
    const sys = await startSystem({
      seasons: [SEASON],
      storeUrl: tempFileStore('nba-host-').url,
      workers: 1,
      asOf: '2017-10-25',
      // Six pages a minute (however slow the machine, the season's nine schedule pages run into
      // it), then a block page with 200 OK for 3 s. One attempt only: a block taken for a broken
      // page would fail the season.
      faults: {
        rateLimit: { maxPerMinute: 6, windowMs: 60_000, blockAfter: 0, blockMs: 3_000, blockStatus: 200 },
      },
      env: { BLOCK_BACKOFF_MS: '4000', JOB_ATTEMPTS: '1' },
    });
    try {
      await sys.enqueue();
      const [season] = await sys.waitForSeasons([SEASON], 200_000);
      const log = sys.site.stats().log;
      const blockedSchedule = log.filter((r) => r.kind === 'month' && r.fault === 'blocked');
      assert.ok(blockedSchedule.length > 0, 'a schedule page was answered with the block page');
      assert.equal(blockedSchedule[0]!.status, 200);
      assert.equal(season?.state, 'completed');
      assert.equal(await sys.queue.getFailedCount(), 0, 'a block page uses no attempt');
      assert.deepEqual(await sys.storedBoxScores(SEASON), sys.playedGames(SEASON));
    } finally {
      await sys.stop();
    }
  });
});
