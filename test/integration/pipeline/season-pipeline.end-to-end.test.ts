/**
 * A full generated season through two worker processes against a real Redis, for both stores:
 * every game the replay site lists ends up in the store exactly once, with the values the site
 * generated; enqueueing the season again changes nothing.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openStore } from '../../../src/store/open-store.ts';
import { createTestDatabase } from '../../helpers/pg-database.ts';
import { type System, startSystem, tempFileStore } from '../../helpers/system.ts';

const SEASON = 2018;
/** Deadline of one season's crawl: a few minutes on an idle machine, several times that on a busy one. */
const TIMEOUT = 15 * 60_000;

async function runSeason(storeUrl: string): Promise<System> {
  const sys = await startSystem({ seasons: [SEASON], storeUrl, workers: 2 });
  const [first] = await sys.enqueue();
  assert.equal(first?.outcome, 'added');
  const [status] = await sys.waitForSeasons([SEASON], TIMEOUT);
  assert.equal(status?.state, 'completed', `season job ended ${status?.state}: ${status?.failedReason}`);
  return sys;
}

async function assertReenqueueIsNoop(sys: System): Promise<void> {
  const before = sys.site.stats({ log: false }).total;
  const counts = await sys.queue.getJobCounts('completed', 'waiting', 'active', 'failed', 'delayed');
  const [again] = await sys.enqueue();
  assert.equal(again?.outcome, 'exists');
  assert.equal(again?.state, 'completed');
  await sleep(1_500);
  assert.equal(sys.site.stats({ log: false }).total, before, 'no page was fetched again');
  assert.deepEqual(
    await sys.queue.getJobCounts('completed', 'waiting', 'active', 'failed', 'delayed'),
    counts,
  );
}

describe('a full season end to end', { timeout: 2 * TIMEOUT }, () => {
  test('file store: every listed game stored once, values as generated, re-enqueue is a no-op', async () => {
    const { dir, url: storeUrl } = tempFileStore('nba-e2e-file-');
    const sys = await runSeason(storeUrl);
    try {
      const truth = sys.site.groundTruth(SEASON).games.filter((g) => g.played);
      assert.ok(
        truth.length > 1230,
        `a full season has the regular season and playoffs, got ${truth.length}`,
      );
      const files = readdirSync(join(dir, String(SEASON), 'boxscores')).filter((f) => f.endsWith('.json'));
      assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), truth.map((g) => g.gameId).sort());

      const store = await openStore(storeUrl);
      try {
        const schedule = await store.readSchedule(SEASON);
        assert.equal(schedule.length, sys.site.groundTruth(SEASON).games.length);
        // Spot-check whole records against what the site generated: first, middle, last game.
        for (const g of [truth[0], truth[Math.floor(truth.length / 2)], truth.at(-1)]) {
          const expected = sys.site.boxScore(g!.gameId);
          let stored = null;
          for await (const b of store.readBoxScores(SEASON)) if (b.gameId === g!.gameId) stored = b;
          assert.deepEqual(stored, expected, `box score ${g!.gameId}`);
        }
      } finally {
        await store.close();
      }
      await assertReenqueueIsNoop(sys);
    } finally {
      await sys.stop();
    }
  });

  test('PostgreSQL store: one row per game, team line and player line', async () => {
    const db = await createTestDatabase();
    after(() => db.drop());
    const sys = await runSeason(db.url);
    try {
      const truth = sys.site.groundTruth(SEASON).games.filter((g) => g.played);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const one = async (sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n);
        assert.equal(
          await one(`select count(*) n from games where season = ${SEASON} and has_box_score`),
          truth.length,
        );
        assert.equal(await one(`select count(distinct game_id) n from team_lines`), truth.length);
        assert.equal(await one(`select count(*) n from team_lines`), truth.length * 2);
        let players = 0;
        for (const g of truth) {
          const b = sys.site.boxScore(g.gameId)!;
          players += b.visitor.players.length + b.home.players.length;
        }
        assert.equal(await one('select count(*) n from player_lines'), players);
        const sample = truth[17]!;
        const row = (
          await client.query('select visitor_points, home_points, overtimes from games where game_id = $1', [
            sample.gameId,
          ])
        ).rows[0];
        assert.deepEqual(row, {
          visitor_points: sample.visitorPoints,
          home_points: sample.homePoints,
          overtimes: sample.overtimes,
        });
      } finally {
        await client.end();
      }
      await assertReenqueueIsNoop(sys);
    } finally {
      await sys.stop();
    }
  });
});
