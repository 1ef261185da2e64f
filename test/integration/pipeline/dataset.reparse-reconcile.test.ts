/**
 * The dataset's own tools, against both stores: the completeness ledger in `status --season`,
 * `reparse` rebuilding records from the raw page archive without a single request, and
 * `reconcile` enqueueing exactly what is missing.
 */
import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { openStore } from '../../../src/store/open-store.ts';
import { runCli } from '../../helpers/cli.ts';
import { createTestDatabase } from '../../helpers/pg-database.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;

async function scenario(storeUrl: string, forget: (gameIds: string[]) => Promise<void>): Promise<void> {
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl,
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

    // The ledger says what is missing.
    const status = await cli('status', '--season', String(SEASON));
    assert.equal(status.code, 0, status.stderr);
    assert.match(
      status.stdout,
      new RegExp(`box scores ${played.length - broken.length}/${played.length} \\(missing`),
    );
    assert.match(status.stdout, /player totals [1-9]\d* rows/);
    assert.match(status.stdout, /nba-scraper reconcile --season 2018/);

    // Lose some stored games; reparse brings them back from the archive, without the network.
    const stored = played.filter((id) => !broken.includes(id));
    const lost = stored.slice(0, 5);
    await forget(lost);
    const store = await openStore(storeUrl);
    after(() => store.close());
    assert.equal((await store.storedBoxScoreIds(SEASON)).size, stored.length - lost.length);
    const requestsBefore = sys.site.stats({ log: false }).total;
    const reparse = await cli('reparse', '--season', String(SEASON));
    assert.equal(reparse.code, 1, 'pages that still do not parse are reported with exit 1');
    assert.match(
      reparse.stdout,
      new RegExp(`${stored.length + broken.length} box score|re-parsed \\d+ archived page`),
    );
    assert.equal(
      reparse.stdout.split('\n').filter((l) => l.includes('still does not parse')).length,
      broken.length,
    );
    assert.equal(sys.site.stats({ log: false }).total, requestsBefore, 'reparse made no request');
    assert.deepEqual([...(await store.storedBoxScoreIds(SEASON))].sort(), [...stored].sort());
    const one = lost[0]!;
    let box = null;
    for await (const b of store.readBoxScores(SEASON)) if (b.gameId === one) box = b;
    assert.equal(box?.home.points, sys.site.boxScore(one)?.home.points);
    // Idempotent.
    const again = await cli('reparse', '--season', String(SEASON));
    assert.equal(again.stdout, reparse.stdout);
    assert.equal((await store.storedBoxScoreIds(SEASON)).size, stored.length);

    // The site is fixed; reconcile enqueues only the missing games.
    sys.site.setFaults(null);
    sys.site.resetStats();
    const reconcile = await cli('reconcile', '--season', String(SEASON));
    assert.equal(reconcile.code, 0, reconcile.stderr);
    assert.match(reconcile.stdout, new RegExp(`enqueued ${broken.length} box score job\\(s\\)$`, 'm'));
    await waitUntil(
      'the missing box scores stored',
      async () => (await store.storedBoxScoreIds(SEASON)).size >= played.length,
      { timeoutMs: 120_000 },
    );
    assert.deepEqual([...(await store.storedBoxScoreIds(SEASON))].sort(), [...played].sort());
    const fetched = sys.site.stats().log.map((r) => r.path);
    assert.deepEqual(
      fetched.sort(),
      broken.map((id) => `/boxscores/${id}.html`).sort(),
      'only the missing pages',
    );
    const done = await cli('status', '--season', String(SEASON));
    assert.match(
      done.stdout,
      new RegExp(`box scores ${played.length}/${played.length}, player totals \\d+ rows - complete`),
    );
  } finally {
    await sys.stop();
  }
}

describe('ledger, reparse and reconcile', { timeout: 600_000 }, () => {
  test('file store', async () => {
    const { dir, url: storeUrl } = tempFileStore('nba-dataset-');
    await scenario(storeUrl, async (ids) => {
      for (const id of ids) unlinkSync(join(dir, String(SEASON), 'boxscores', `${id}.json`));
    });
  });

  test('PostgreSQL store', async () => {
    const db = await createTestDatabase();
    after(() => db.drop());
    await scenario(db.url, async (ids) => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        for (const table of ['player_lines', 'team_lines', 'line_scores', 'inactive_players']) {
          await client.query(`delete from ${table} where game_id = any($1)`, [ids]);
        }
        await client.query('update games set has_box_score = false where game_id = any($1)', [ids]);
      } finally {
        await client.end();
      }
    });
  });
});
