/**
 * With 5xx answers, connection resets and truncated bodies at moderate rates, every game is
 * still stored (retried with the configured backoff); pages whose layout changed fail at once
 * with ERR_PARSE, without retry, and their raw page is kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeOfReason } from '../../../src/queue/failure-policy.ts';
import { readStatus } from '../../../src/queue/status.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';

const SEASON = 2018;

test('transient faults are retried; changed layouts fail for good with their page kept', {
  timeout: 240_000,
}, async () => {
  const { url: storeUrl } = tempFileStore('nba-faults-');
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: storeUrl,
    workers: 2,
    asOf: '2017-11-01',
    faults: {
      seed: 7,
      serverErrors: { rate: 0.15 },
      resets: { rate: 0.05 },
      truncated: { rate: 0.05 },
      layoutChange: { rate: 0.05 },
    },
    env: { JOB_ATTEMPTS: '8', BREAKER_ERROR_PERCENT: '90' },
  });
  try {
    await sys.enqueue();
    const [season] = await sys.waitForSeasons([SEASON], 200_000);
    assert.equal(season?.state, 'completed');

    const played = sys.site
      .groundTruth(SEASON)
      .games.filter((g) => g.played)
      .map((g) => g.gameId);
    const broken = new Set(sys.site.permanentFaults(SEASON).filter((id) => played.includes(id)));
    assert.ok(broken.size > 0, 'some played pages have a changed layout');
    const stats = sys.site.stats({ log: false });
    assert.ok(
      (stats.byFault['server-error'] ?? 0) > 0 && (stats.byFault.reset ?? 0) > 0,
      'faults were injected',
    );

    const store = await openStore(storeUrl);
    try {
      const stored = await store.storedBoxScoreIds(SEASON);
      assert.deepEqual(
        [...stored].sort(),
        played.filter((id) => !broken.has(id)).sort(),
        'every game whose page parses is stored',
      );
      // The pages that did not parse are in the raw archive.
      const archived = new Set<string>();
      for await (const p of store.latestRawPages(SEASON)) archived.add(p.url);
      for (const id of broken)
        assert.ok(archived.has(`${sys.site.url}/boxscores/${id}.html`), `raw page of ${id} kept`);
    } finally {
      await store.close();
    }

    const log = sys.site.stats().log;
    const failed = await sys.queue.getFailed(0, -1);
    assert.deepEqual(failed.map((j) => (j.data as { gameId: string }).gameId).sort(), [...broken].sort());
    for (const j of failed) {
      assert.equal(codeOfReason(j.failedReason), 'ERR_PARSE', j.failedReason);
      // Earlier attempts may have met a transient fault; once the page arrived whole, it was not fetched again.
      const path = `/boxscores/${(j.data as { gameId: string }).gameId}.html`;
      const whole = log.filter((r) => r.path === path && r.status === 200 && r.fault === 'layout');
      assert.equal(whole.length, 1, `${path}: a changed layout is not retried`);
    }
    const status = await readStatus(sys.queue, { seasons: [SEASON] });
    assert.deepEqual(
      status.failures.map((f) => [f.code, f.count]),
      [['ERR_PARSE', broken.size]],
    );
    assert.equal(status.seasons[0]?.boxScoresFailed, broken.size);
  } finally {
    await sys.stop();
  }
});
