/**
 * The operator's commands on a real run: status groups what failed by error code, pause holds
 * every worker, retry-failed re-drives exactly the jobs asked for, resume lets them run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from '../../helpers/cli.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;

test('status, pause, retry-failed and resume', { timeout: 420_000 }, async () => {
  const { url: storeUrl } = tempFileStore('nba-operator-');
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: storeUrl,
    workers: 2,
    asOf: '2017-10-25',
    faults: { layoutChange: { rate: 0.15 } },
  });
  const cli = (...args: string[]) => runCli(args, { REDIS_URL: sys.redis.url, STORE_URL: storeUrl });
  try {
    await sys.enqueue();
    await sys.waitForSeasons([SEASON], 120_000);
    const played = sys.site
      .groundTruth(SEASON)
      .games.filter((g) => g.played)
      .map((g) => g.gameId);
    const broken = sys.site.permanentFaults(SEASON).filter((id) => played.includes(id));
    assert.ok(broken.length > 0);

    const status = await cli('status');
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, new RegExp(`ERR_PARSE x${broken.length}\\b`));
    assert.match(
      status.stdout,
      new RegExp(`box scores ${played.length}/${played.length} \\(${broken.length} failed\\)`),
    );

    // The "parser fix": the site serves the normal layout again.
    sys.site.setFaults(null);

    const paused = await cli('pause');
    assert.equal(paused.code, 0, paused.stderr);
    assert.match((await cli('status')).stdout, /\(PAUSED\)/);

    const none = await cli('retry-failed', '--code', 'ERR_HTTP_5XX');
    assert.match(
      none.stdout,
      new RegExp(`re-drove 0 failed job\\(s\\); ${broken.length} other failed job\\(s\\) left alone`),
    );
    const other = await cli('retry-failed', '--season', '2019');
    assert.match(other.stdout, /re-drove 0 failed job/);
    const bad = await cli('retry-failed', '--code', 'ERR_NOPE');
    assert.equal(bad.code, 2);

    const before = sys.site.stats({ log: false }).byKind.boxscore;
    const retried = await cli('retry-failed', '--season', String(SEASON), '--code', 'err_parse');
    assert.equal(retried.code, 0, retried.stderr);
    assert.match(retried.stdout, new RegExp(`re-drove ${broken.length} failed job\\(s\\)$`, 'm'));
    await sleep(3_000);
    assert.equal(sys.site.stats({ log: false }).byKind.boxscore, before, 'nothing runs while paused');
    assert.equal(await sys.queue.getWaitingCount(), broken.length);

    const resumed = await cli('resume');
    assert.equal(resumed.code, 0, resumed.stderr);
    await waitUntil(
      'the re-driven jobs run',
      async () => (await sys.queue.getWaitingCount()) + (await sys.queue.getActiveCount()) === 0,
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    assert.equal(await sys.queue.getFailedCount(), 0);

    assert.deepEqual(await sys.storedBoxScores(SEASON), [...played].sort());
    const final = await cli('status');
    assert.doesNotMatch(final.stdout, /failed for good/);
    assert.match(final.stdout, new RegExp(`box scores ${played.length}/${played.length}(,|$)`, 'm'));
  } finally {
    await sys.stop();
  }
});
