/**
 * An ongoing season: unplayed games are stored as scheduled; a later `enqueue --refresh` (the
 * nightly CronJob) reads the schedule pages again and fetches only the newly played games' box
 * scores, counted at the replay site.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openStore } from '../../../src/store/open-store.ts';
import { runCli } from '../../helpers/cli.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';

const SEASON = 2018;

test('refreshing an ongoing season fetches only what changed', { timeout: 240_000 }, async () => {
  const { url: storeUrl } = tempFileStore('nba-refresh-');
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: storeUrl,
    workers: 2,
    asOf: '2017-10-25',
  });
  const cli = (...args: string[]) => runCli(args, { REDIS_URL: sys.redis.url, STORE_URL: storeUrl });
  try {
    await sys.enqueue();
    await sys.waitForSeasons([SEASON], 120_000);
    const playedBefore = sys.site
      .groundTruth(SEASON)
      .games.filter((g) => g.played)
      .map((g) => g.gameId);
    const store = await openStore(storeUrl);
    after(() => store.close());
    const schedule = await store.readSchedule(SEASON);
    assert.equal(
      schedule.length,
      sys.site.groundTruth(SEASON).games.length,
      'every listed game is in the schedule',
    );
    const scheduled = schedule.filter((g) => g.status === 'scheduled');
    assert.equal(
      scheduled.length,
      schedule.length - playedBefore.length,
      'unplayed games are stored as scheduled',
    );
    assert.ok(scheduled.every((g) => g.visitorPoints === null && g.boxScorePath === null));

    // Without --refresh, a finished season is left alone.
    const noop = await cli('enqueue', String(SEASON));
    assert.match(
      noop.stdout,
      /already enqueued 2018 \(2017-18\): season-2018 is completed \(--refresh runs it again\)/,
    );

    // A week later.
    sys.site.setAsOf('2017-11-01');
    sys.site.resetStats();
    const playedAfter = sys.site
      .groundTruth(SEASON)
      .games.filter((g) => g.played)
      .map((g) => g.gameId);
    const refresh = await cli('enqueue', String(SEASON), '--refresh', '--follow');
    assert.equal(refresh.code, 0, refresh.stderr);
    assert.match(refresh.stdout, /refreshing 2018 \(2017-18\): season-2018 enqueued again/);

    const stats = sys.site.stats();
    const months = sys.site.groundTruth(SEASON).months.length;
    const boxFetches = stats.log.filter((r) => r.kind === 'boxscore').map((r) => r.path);
    const newGames = playedAfter.filter((id) => !playedBefore.includes(id));
    assert.ok(newGames.length > 20);
    assert.deepEqual(
      boxFetches.sort(),
      newGames.map((id) => `/boxscores/${id}.html`).sort(),
      'only new box scores',
    );
    assert.ok(stats.byKind.season + stats.byKind.month <= months + 1, 'each schedule page at most once');
    assert.deepEqual([...(await store.storedBoxScoreIds(SEASON))].sort(), playedAfter.sort());
  } finally {
    await sys.stop();
  }
});
