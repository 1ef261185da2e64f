/**
 * Chaos: two generated seasons, three worker processes, faults on at moderate rates. While the
 * crawl runs, a worker running jobs is killed with SIGKILL every few seconds and replaced (eight
 * times), one worker is scaled down with SIGTERM (after the third kill), and Redis is restarted
 * once (after the fifth): counted in kills, not in seconds, so a slow machine gets the same chaos;
 * the site's answers are slow enough that a fast machine is still crawling at the last kill.
 * Afterwards every game of the site's ground truth is in the store exactly once, nothing is stuck,
 * and the only jobs that failed are those whose pages the fault injector made permanently
 * unparseable, each with its code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { WorkerProcess } from '../../../src/local/processes/worker-processes.ts';
import { codeOfReason } from '../../../src/queue/failure-policy.ts';
import { createTestDatabase } from '../../helpers/pg-database.ts';
import { startSystem } from '../../helpers/system.ts';
import { waitFor, waitUntil } from '../../helpers/wait.ts';

const SEASONS = [2018, 2019];
const KILLS = 8;

test('chaos: kills, a scale-down and a Redis restart lose nothing', { timeout: 900_000 }, async (t) => {
  const db = await createTestDatabase();
  after(() => db.drop());
  const sys = await startSystem({
    seasons: SEASONS,
    storeUrl: db.url,
    workers: 3,
    // 2017-18 complete and the first weeks of 2018-19.
    asOf: '2018-11-10',
    faults: {
      seed: 11,
      // Every answer takes 0.4-0.6 s, so the crawl (about 1,550 jobs at 12 at a time: over a minute)
      // outlasts the kills however fast the machine parses: on a fast one a crawl without latency
      // finished after three kills.
      latency: { fixedMs: 400, jitterMs: 200 },
      serverErrors: { rate: 0.04 },
      resets: { rate: 0.02 },
      truncated: { rate: 0.02 },
      layoutChange: { rate: 0.01 },
    },
    env: { JOB_ATTEMPTS: '10', BREAKER_ERROR_PERCENT: '90' },
  });
  const nameOf = (w: WorkerProcess) => `${hostname()}:${w.child.pid}`;
  try {
    await sys.enqueue();
    const recoveries: number[] = [];
    const watchers: Promise<void>[] = [];
    let kills = 0;

    /**
     * After a kill: how long until each job the victim was running runs again on another worker.
     * All orphans are watched at once, so each restart is seen when it happens (a later run of the
     * same job, e.g. a season job resuming after its children, would give a later start time).
     */
    const watch = async (orphans: { id: string; killedAt: number; victim: string }[]): Promise<void> => {
      const pending = new Map(orphans.map((o) => [o.id, o]));
      for (let i = 0; i < 1_200 && pending.size > 0; i++) {
        await Promise.all(
          [...pending.values()].map(async (o) => {
            const j = await sys.queue.getJob(o.id).catch(() => undefined);
            if (!j) {
              pending.delete(o.id); // finished and trimmed between two looks
            } else if (j.processedBy && j.processedBy !== o.victim && (j.processedOn ?? 0) > o.killedAt) {
              recoveries.push(j.processedOn! - o.killedAt);
              pending.delete(o.id);
            }
          }),
        );
        await sleep(100);
      }
    };

    let scaledDown = false;
    let redisRestarted = false;
    while (kills < KILLS) {
      await sleep(3_000 + Math.floor(Math.random() * 3_000));
      // The victim is a worker that runs jobs: on a busy machine a replacement takes longer to
      // start than the pause above, and killing it again and again would orphan nothing. A season
      // job just taken up again is given 2 s to store a page first: while it discovers its
      // schedule it is often the only job running, and a job killed at every pickup, four times
      // in a row, is what MAX_STALLED_COUNT fails by design (a page that crashes every worker).
      const { active, busy } = await waitFor(
        `a worker running jobs (logs: ${sys.logDir})`,
        async () => {
          const active = await sys.queue.getActive();
          const killable = active.filter(
            (j) => j.name !== 'season' || Date.now() - (j.processedOn ?? 0) > 2_000,
          );
          const busy = sys.pool.running.filter((w) => killable.some((j) => j.processedBy === nameOf(w)));
          return { active, busy };
        },
        (s) => s.busy.length > 0,
        { timeoutMs: 120_000, intervalMs: 200 },
      );
      const victim = busy[Math.floor(Math.random() * busy.length)]!;
      const killedAt = Date.now();
      const orphans = active
        .filter((j) => j.processedBy === nameOf(victim))
        .map((j) => ({ id: j.id!, killedAt, victim: nameOf(victim) }));
      await sys.pool.stop(victim, 'SIGKILL');
      kills++;
      watchers.push(watch(orphans));
      sys.pool.start(1);
      if (!scaledDown && kills >= 3) {
        // Scale down from three workers to two: one leaves gracefully.
        scaledDown = true;
        const leaving = sys.pool.running[0];
        if (leaving) {
          // It may be a replacement still starting, without its SIGTERM handler yet (on a busy
          // machine a start takes seconds): a graceful leave is that of a started worker.
          await waitUntil('the leaving worker started', () =>
            readFileSync(leaving.logFile, 'utf8').includes('"msg":"worker started"'),
          );
          assert.equal(await sys.pool.stop(leaving, 'SIGTERM', 40_000), 0, 'SIGTERM exits 0');
        }
      }
      if (!redisRestarted && kills >= 5) {
        redisRestarted = true;
        await sys.redis.restart(1_500);
      }
    }
    // Back to three workers to finish.
    while (sys.pool.running.length < 3) sys.pool.start(1);
    const seasons = await sys.waitForSeasons(SEASONS, 600_000);
    await Promise.all(watchers);

    for (const s of seasons) assert.equal(s.state, 'completed', `season ${s.season}: ${s.failedReason}`);
    const counts = await sys.queue.getJobCounts(
      'active',
      'waiting',
      'delayed',
      'prioritized',
      'waiting-children',
    );
    assert.deepEqual(
      counts,
      { active: 0, waiting: 0, delayed: 0, prioritized: 0, 'waiting-children': 0 },
      'nothing stuck',
    );

    const played = SEASONS.flatMap((s) =>
      sys.site
        .groundTruth(s)
        .games.filter((g) => g.played)
        .map((g) => g.gameId),
    );
    const broken = new Set(
      SEASONS.flatMap((s) => sys.site.permanentFaults(s)).filter((id) => played.includes(id)),
    );
    const failed = await sys.queue.getFailed(0, -1);
    assert.deepEqual(failed.map((j) => (j.data as { gameId?: string }).gameId).sort(), [...broken].sort());
    for (const j of failed) assert.equal(codeOfReason(j.failedReason), 'ERR_PARSE', j.failedReason);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = (
        await client.query('select game_id, count(*)::int n from games where has_box_score group by game_id')
      ).rows as {
        game_id: string;
        n: number;
      }[];
      assert.deepEqual(
        rows.map((r) => r.game_id).sort(),
        played.filter((id) => !broken.has(id)).sort(),
        'every game whose page parses is stored',
      );
      assert.ok(rows.every((r) => r.n === 1));
      const dupLines = (
        await client.query(
          'select count(*)::int n from (select game_id, team from team_lines group by 1, 2 having count(*) > 1) d',
        )
      ).rows[0].n;
      assert.equal(dupLines, 0, 'exactly one team line per game and team');
      const games = (await client.query('select count(*)::int n from games')).rows[0].n;
      assert.equal(
        games,
        SEASONS.reduce((n, s) => n + sys.site.groundTruth(s).games.length, 0),
        'every listed game, once',
      );
    } finally {
      await client.end();
    }

    const worst = recoveries.length ? Math.max(...recoveries) : null;
    t.diagnostic(
      `${kills} SIGKILLs, 1 SIGTERM scale-down, 1 Redis restart; ${recoveries.length} orphaned jobs restarted elsewhere, longest kill-to-restart ${worst === null ? 'n/a' : `${(worst / 1000).toFixed(1)} s`}`,
    );
    assert.ok(recoveries.length > 0, 'some kills orphaned running jobs');
  } finally {
    await sys.stop();
  }
});
