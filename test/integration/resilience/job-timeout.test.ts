/**
 * A job that passes its deadline has its request aborted (the server sees the connection close
 * at the deadline, not when the slow body would have ended) and is retried like any timeout.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSystem, tempFileStore } from '../../helpers/system.ts';

const SEASON = 2018;

test('a job past its deadline stops its I/O and is retried', { timeout: 240_000 }, async () => {
  const { url: storeUrl } = tempFileStore('nba-timeout-');
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: storeUrl,
    workers: 2,
    asOf: '2017-10-25',
    // Bodies of a minute against a 2 s job deadline: a close anywhere near the deadline is far
    // from the end of the body, however busy the machine.
    faults: { kinds: ['boxscore'], seed: 3, slowBody: { rate: 0.3, durationMs: 60_000, chunks: 60 } },
    env: {
      BOXSCORE_JOB_TIMEOUT_MS: '2000',
      FETCH_TOTAL_TIMEOUT_MS: '60000',
      FETCH_RESPONSE_TIMEOUT_MS: '60000',
    },
  });
  try {
    await sys.enqueue();
    const [season] = await sys.waitForSeasons([SEASON], 200_000);
    assert.equal(season?.state, 'completed');
    assert.equal(await sys.queue.getFailedCount(), 0);

    const stats = sys.site.stats();
    assert.equal(stats.inFlight, 0, 'no request is left running');
    const slow = stats.log.filter((r) => r.fault === 'slow-body');
    assert.ok(slow.length > 0, 'slow bodies were served');
    for (const r of slow)
      assert.ok(
        r.ms !== null && r.ms < 30_000,
        `connection closed at the deadline (${r.ms} ms), not after 60 s`,
      );

    const timeouts = [1, 2]
      .flatMap((i) => readFileSync(join(sys.logDir, `worker-${i}.log`), 'utf8').split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { outcome?: string; code?: string })
      .filter((l) => l.outcome === 'retry' && l.code === 'ERR_TIMEOUT');
    // Each slow page cost one attempt, logged as ERR_TIMEOUT (a page slowed by a busy machine may add one).
    assert.ok(
      timeouts.length >= slow.length,
      `${timeouts.length} ERR_TIMEOUT retries for ${slow.length} slow pages`,
    );

    assert.deepEqual(await sys.storedBoxScores(SEASON), sys.playedGames(SEASON));
  } finally {
    await sys.stop();
  }
});
