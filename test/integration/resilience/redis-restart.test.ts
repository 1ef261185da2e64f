/**
 * Redis restarts (AOF on) in the middle of a crawl: the workers and the producer's --follow
 * ride it out and finish without a human; no job is lost, nothing is left active.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStatus } from '../../../src/queue/status.ts';
import { runCli } from '../../helpers/cli.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;

test('a Redis restart mid-crawl loses nothing and needs nobody', { timeout: 300_000 }, async () => {
  const { url: storeUrl } = tempFileStore('nba-redis-restart-');
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: storeUrl,
    workers: 2,
    asOf: '2017-11-10',
    faults: { kinds: ['boxscore'], latency: { fixedMs: 150 } },
  });
  try {
    // The producer, as a user runs it, following the season to the end.
    const producer = runCli(
      ['enqueue', String(SEASON), '--follow'],
      { REDIS_URL: sys.redis.url, STORE_URL: storeUrl },
      240_000,
    );
    await waitUntil(
      'the crawl under way before the restart',
      async () => ((await readStatus(sys.queue, { seasons: [SEASON] })).seasons[0]?.boxScoresDone ?? 0) >= 40,
      { timeoutMs: 120_000 },
    );
    await sys.redis.restart(2_000);

    const result = await producer;
    assert.equal(result.code, 0, `enqueue --follow: ${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /all seasons finished/);

    const [season] = await sys.waitForSeasons([SEASON], 60_000);
    assert.equal(season?.state, 'completed');
    const counts = await sys.queue.getJobCounts('active', 'waiting', 'delayed', 'failed');
    assert.deepEqual(counts, { active: 0, waiting: 0, delayed: 0, failed: 0 });

    assert.deepEqual(await sys.storedBoxScores(SEASON), sys.playedGames(SEASON));
    assert.ok(sys.pool.running.length === 2, 'both workers are still running');
  } finally {
    await sys.stop();
  }
});
