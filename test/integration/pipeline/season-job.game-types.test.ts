/**
 * A season since 2019-20, whose schedule pages have no Playoffs divider, crawled during the
 * playoffs: before it fans out the box score jobs, the season job fills in the game types the
 * pages did not give, so the playoff games not played yet are stored as playoffs and the regular
 * season as regular, as the replay site's ground truth says. `reparse` gives the same types.
 * The box scores themselves are not needed: the workers stop once the season job has fanned out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { GameType } from '../../../src/domain/game.ts';
import type { GroundTruthGame } from '../../../src/local/replay/content.ts';
import { type SeasonJobData, seasonJobId } from '../../../src/queue/job-types.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Row } from '../../../src/store/rows.ts';
import type { Store } from '../../../src/store/store.ts';
import { runCli } from '../../helpers/cli.ts';
import { createTestDatabase } from '../../helpers/pg-database.ts';
import { startSystem, tempFileStore } from '../../helpers/system.ts';
import { waitUntil } from '../../helpers/wait.ts';

const SEASON = 2021;
const AS_OF = '2021-06-01';

/** Count of games by `game_type/status`. */
function tally(games: readonly { type: unknown; status: unknown }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of games) {
    const key = `${g.type}/${g.status}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/**
 * The stored `games` rows (what the export writes) have the true game types; so does the
 * schedule as read for the games not played yet (no box score tells their type).
 */
async function assertTypesAsTruth(store: Store, truth: readonly GroundTruthGame[]): Promise<void> {
  const rows = new Map<string, Row>();
  for await (const row of store.readRows('games', SEASON)) rows.set(String(row.game_id), row);
  assert.equal(rows.size, truth.length, 'every listed game is stored');
  const wrong = truth.filter((g) => rows.get(g.gameId)?.game_type !== g.gameType);
  assert.deepEqual(
    wrong.map((g) => [g.gameId, g.gameType, rows.get(g.gameId)?.game_type]),
    [],
    'stored game types are the true ones',
  );
  assert.deepEqual(
    tally([...rows.values()].map((r) => ({ type: r.game_type, status: r.status }))),
    tally(truth.map((g) => ({ type: g.gameType, status: g.played ? 'final' : 'scheduled' }))),
  );
  const unplayed = (await store.readSchedule(SEASON)).filter((g) => g.status === 'scheduled');
  assert.deepEqual(
    unplayed.map((g) => [g.gameId, g.gameType]),
    truth
      .filter((g) => !g.played)
      .map((g) => [g.gameId, 'playoffs'])
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
}

async function scenario(storeUrl: string): Promise<void> {
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl,
    workers: 1,
    asOf: AS_OF,
    // Slow box score pages: few are fetched before the workers stop.
    faults: { kinds: ['boxscore'], latency: { fixedMs: 1_000 } },
  });
  try {
    const truth = sys.site.groundTruth(SEASON).games;
    const count = (type: GameType, played: boolean) =>
      truth.filter((g) => g.gameType === type && g.played === played).length;
    // The replay season as of the clock: the whole regular season and play-in played, the
    // playoffs under way with the next games listed.
    assert.deepEqual(
      [count('regular', true), count('regular', false), count('play-in', true), count('play-in', false)],
      [1080, 0, 6, 0],
    );
    assert.ok(count('playoffs', true) > 0 && count('playoffs', false) > 0);

    await sys.enqueue();
    await waitUntil(
      'the season job fanned out its box score jobs',
      async () =>
        ((await sys.queue.getJob(seasonJobId(SEASON)))?.data as SeasonJobData | undefined)?.fannedOut ===
        true,
      { timeoutMs: 120_000 },
    );
    await sys.pool.stopAll('SIGTERM', 30_000);

    // The pages only said which games are play-in; every other type was inferred and stored
    // before any box score was (this was the season's first run).
    const lines = readFileSync(join(sys.logDir, 'worker-1.log'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const inferred = lines.filter((l) => l.msg === 'game types inferred');
    assert.equal(inferred.length, 1);
    const notPlayIn = truth.length - count('play-in', true);
    assert.deepEqual([inferred[0]!.inferred, inferred[0]!.filled], [notPlayIn, notPlayIn]);

    const store = await openStore(storeUrl);
    after(() => store.close());
    await assertTypesAsTruth(store, truth);

    // reparse rebuilds the schedule from the archive and infers again: the same types.
    const boxes = await store.storedBoxScoreIds(SEASON);
    const reparse = await runCli(['reparse', '--season', String(SEASON)], {
      REDIS_URL: sys.redis.url,
      STORE_URL: storeUrl,
    });
    assert.equal(reparse.code, 0, reparse.stderr);
    const refilled = truth.filter((g) => g.gameType !== 'play-in' && !boxes.has(g.gameId)).length;
    assert.match(reparse.stdout, new RegExp(`; ${refilled} game type\\(s\\) inferred$`, 'm'));
    await assertTypesAsTruth(store, truth);
  } finally {
    await sys.stop();
  }
}

describe('game types of a season without Playoffs divider', { timeout: 420_000 }, () => {
  test('file store', async () => {
    await scenario(tempFileStore('nba-game-types-').url);
  });

  test('PostgreSQL store', async () => {
    const db = await createTestDatabase();
    after(() => db.drop());
    await scenario(db.url);
  });
});
