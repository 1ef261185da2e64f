/**
 * A season job killed (SIGKILL) in the middle of discovering its schedule pages resumes, in
 * another worker, at the next page: pages already stored are not fetched again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SeasonJobData } from '../../../src/queue/job-types.ts';
import { seasonJobId } from '../../../src/queue/job-types.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;

test('a season job killed during discovery resumes at the next page', { timeout: 360_000 }, async () => {
  const { url: storeUrl } = tempFileStore('nba-checkpoint-');
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: storeUrl,
    workers: 1,
    // Slow schedule pages so the kill lands mid-discovery; only the first weeks are played,
    // so few box scores follow.
    faults: { kinds: ['season', 'month'], latency: { fixedMs: 700 } },
    asOf: '2017-10-25',
  });
  try {
    await sys.enqueue();
    const job = async () => (await sys.queue.getJob(seasonJobId(SEASON)))!;
    await waitUntil(
      'three month pages stored before the kill',
      async () => (((await job()).data as SeasonJobData).pagesDone ?? []).length >= 3,
      { timeoutMs: 120_000 },
    );
    const [victim] = sys.pool.running;
    await sys.pool.stop(victim!, 'SIGKILL');
    const doneAtKill = ((await job()).data as SeasonJobData).pagesDone ?? [];
    sys.pool.start(1);

    const [status] = await sys.waitForSeasons([SEASON], 150_000);
    assert.equal(status?.state, 'completed');
    const data = (await job()).data as SeasonJobData;
    const months = data.months ?? [];
    assert.equal(data.pagesDone?.length, months.length, 'every month page is stored');
    assert.ok(doneAtKill.length < months.length, 'the kill landed in the middle of the discovery');

    const log = sys.site.stats().log;
    // The season's default page shows its first month: that month is read from it.
    const defaultPath = `/leagues/NBA_${SEASON}_games.html`;
    const fetches = (path: string) => log.filter((r) => r.path === path).length;
    assert.equal(fetches(defaultPath), 1, 'the default page is read once');
    const pathOf = (slug: string, path: string) => (slug === data.pagesDone?.[0] ? defaultPath : path);
    for (const m of months) {
      const n = fetches(pathOf(m.slug, m.path));
      if (doneAtKill.includes(m.slug))
        assert.equal(n, 1, `${m.slug} was stored before the kill and not fetched again`);
      else
        assert.ok(
          n === 1 || n === 2,
          `${m.slug} fetched ${n} times (at most once more, if it was in flight)`,
        );
    }
    const refetched = months.filter((m) => fetches(pathOf(m.slug, m.path)) === 2).length;
    assert.ok(refetched <= 1, `at most the page in flight at the kill is fetched twice, got ${refetched}`);
    // Every game played by the clock is stored.
    const played = sys.site.groundTruth(SEASON).games.filter((g) => g.played).length;
    assert.ok(played > 0);
    assert.equal(status?.boxScores, played);
  } finally {
    await sys.stop();
  }
});
