/**
 * The logs of real worker processes (and the exporter), parsed: after a small season with some
 * pages whose layout changed, every line is JSON; every completed job has exactly one `job
 * completed` line with the fixed keys (queue, jobId, attempt, season, gameId for box scores, host);
 * every job that failed for good has one line with its code and `err`; and no line anywhere holds
 * the passwords given in REDIS_URL and STORE_URL — also for a worker started with a wrong one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { loadConfig } from '../../../src/config.ts';
import { startExporterProcess } from '../../../src/local/processes/exporter-process.ts';
import { waitForListeningPort } from '../../../src/local/processes/listening-port.ts';
import { startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { WorkerPool, type WorkerProcess } from '../../../src/local/processes/worker-processes.ts';
import { createReplaySite } from '../../../src/local/replay/replay-site.ts';
import { enqueueSeasons } from '../../../src/queue/producer.ts';
import { openQueue } from '../../../src/queue/queues.ts';
import { readStatus } from '../../../src/queue/status.ts';
import { connectForCommand, standaloneTarget } from '../../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../../src/sources/registry.ts';
import { createTestDatabase } from '../../helpers/pg-database.ts';
import { waitFor, waitUntil } from '../../helpers/wait.ts';

const SEASON = 2018;
const REDIS_PASSWORD = 'r3dis-Pa55word-xyzzy';
const STORE_PASSWORD = 'st0re-Pa55word-plugh';

type Line = Record<string, unknown>;

test('worker logs: one parsed line per job outcome with the fixed keys, no password anywhere', {
  timeout: 420_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nba-logs-'));
  const redis = await startLocalRedis();
  const db = await createTestDatabase();
  const admin = new Redis(redis.url);
  await admin.call('CONFIG', 'SET', 'requirepass', REDIS_PASSWORD);
  admin.disconnect();
  const site = await createReplaySite({
    seasons: [SEASON],
    port: 0,
    asOf: '2017-10-21',
    faults: { layoutChange: { rate: 0.15 } },
  });
  const redisUrl = `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`;
  const storeUrl = db.url.replace('postgres://postgres@', `postgres://postgres:${STORE_PASSWORD}@`);
  assert.ok(storeUrl.includes(STORE_PASSWORD));
  const env = {
    ...(process.env as Record<string, string>),
    REDIS_URL: redisUrl,
    STORE_URL: storeUrl,
    SOURCE_BASE_URL: site.url,
    METRICS_HOST: '127.0.0.1',
    METRICS_PORT: '0',
    LOG_LEVEL: 'debug',
    RETRY_INTERVALS_MS: '200,500,1000',
    RETRY_MAX_DELAY_MS: '2000',
  };
  const pool = new WorkerPool({ env, logDir: join(dir, 'logs') });
  const exporter = startExporterProcess(env, join(dir, 'logs', 'exporter.log'));
  const connection = await connectForCommand(standaloneTarget(redisUrl));
  connection.on('error', () => {});
  const queue = openQueue(connection, loadConfig(env), DEFAULT_SOURCE.id);
  after(async () => {
    await pool.stopAll('SIGTERM', 20_000).catch(() => {});
    await exporter.stop().catch(() => {});
    await queue.close().catch(() => {});
    connection.disconnect();
    await site.close();
    await redis.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const workers = pool.start(2);
  const exporterPort = await exporter.port();
  await enqueueSeasons(queue, loadConfig(env), [SEASON]);
  await waitFor(
    'the season done',
    async () => (await readStatus(queue, { seasons: [SEASON] })).seasons[0],
    (s) => s?.state === 'completed',
    { timeoutMs: 240_000, intervalMs: 250 },
  );
  // The password is changed under the running processes: their reconnections fail (WRONGPASS,
  // logged with the failed AUTH command), then it is changed back and they recover.
  const rotate = new Redis(redisUrl);
  await rotate.call('CONFIG', 'SET', 'requirepass', 'r0tated-Pa55word-frob');
  await rotate.call('CLIENT', 'KILL', 'TYPE', 'normal');
  const logText = (): string =>
    readdirSync(join(dir, 'logs'))
      .map((f) => readFileSync(join(dir, 'logs', f), 'utf8'))
      .join('');
  await waitUntil('the failed reconnections are logged', () => logText().includes('WRONGPASS'));
  await rotate.call('CONFIG', 'SET', 'requirepass', REDIS_PASSWORD);
  rotate.disconnect();
  const ports = [exporterPort, ...(await Promise.all(workers.map((w) => waitForListeningPort(w.logFile))))];
  for (const port of ports)
    await waitUntil(
      `the process on port ${port} reconnected (ready again)`,
      async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200,
    );

  // A worker with a wrong password exits at start; its output holds no password either.
  const wrong = new WorkerPool({
    env: { ...env, REDIS_URL: `redis://:Wr0ng-Pa55word-quux@127.0.0.1:${redis.port}` },
    logDir: join(dir, 'logs-wrong'),
  });
  const [bad] = wrong.start(1) as [WorkerProcess];
  assert.equal(await bad.exited, 2);
  await pool.stopAll('SIGTERM', 20_000);
  await exporter.stop();

  const played = site
    .groundTruth(SEASON)
    .games.filter((g) => g.played)
    .map((g) => g.gameId);
  const broken = new Set(site.permanentFaults(SEASON));
  assert.ok(
    played.length > 10 && broken.size > 0 && broken.size < played.length,
    `${played.length} ${broken.size}`,
  );

  const files = readdirSync(join(dir, 'logs')).map((f) => join(dir, 'logs', f));
  const lines: Line[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const password of [REDIS_PASSWORD, STORE_PASSWORD, 'r0tated-Pa55word-frob'])
      assert.ok(!text.includes(password), `${file} holds a password`);
    for (const raw of text.split('\n').filter((l) => l !== '')) {
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        assert.fail(`${file}: not a JSON line: ${raw.slice(0, 200)}`);
      }
      for (const key of ['level', 'time', 'pid', 'msg'])
        assert.ok(key in line, `${key} in ${raw.slice(0, 200)}`);
      lines.push(line);
    }
  }
  const wrongLog = readFileSync(bad.logFile, 'utf8');
  assert.match(wrongLog, /cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1/);
  assert.ok(!wrongLog.includes('Wr0ng-Pa55word-quux'), 'the wrong password is not printed');

  const host = new URL(site.url).host;
  const completed = lines.filter((l) => l.msg === 'job completed');
  const byJob = new Map<string, Line[]>();
  for (const l of completed) byJob.set(String(l.jobId), [...(byJob.get(String(l.jobId)) ?? []), l]);
  // The season run's player totals job, whose id names the run.
  const totals = [...byJob.keys()].filter((id) => id.startsWith(`totals-${SEASON}-`));
  assert.equal(totals.length, 1, 'one totals job per season run');
  // Its season-level page jobs, named by the same run: standings, advanced stats and one page per
  // team of the schedule (the season is not over: no draft, no awards).
  const run = (totals[0] as string).slice(`totals-${SEASON}-`.length);
  const teams = new Set(site.groundTruth(SEASON).games.flatMap((g) => [g.visitor.code, g.home.code]));
  const pages = [
    `page-summary-${SEASON}-${run}`,
    `page-advanced-${SEASON}-${run}`,
    ...[...teams].map((team) => `page-team-${SEASON}-${team}-${run}`),
  ];
  const expected = [
    'season-2018',
    ...played.filter((g) => !broken.has(g)).map((g) => `boxscore-${g}`),
    ...pages,
  ];
  assert.deepEqual(
    [...byJob.keys()].filter((id) => !totals.includes(id)).sort(),
    expected.sort(),
    'one completed line per completed job',
  );
  for (const [jobId, ls] of byJob) {
    assert.equal(ls.length, 1, `${jobId} completed once`);
    const l = ls[0] as Line;
    assert.equal(l.queue, DEFAULT_SOURCE.id);
    assert.equal(l.host, host);
    assert.equal(l.season, SEASON);
    assert.equal(l.outcome, 'completed');
    assert.equal(typeof l.attempt, 'number');
    assert.equal(typeof l.ms, 'number');
    if (jobId.startsWith('boxscore-')) assert.equal(l.gameId, jobId.slice('boxscore-'.length));
    else assert.equal('gameId' in l, false);
  }
  const failed = lines.filter((l) => l.msg === 'job failed for good');
  assert.deepEqual(failed.map((l) => l.gameId).sort(), [...broken].sort(), 'one failed line per broken page');
  for (const l of failed) {
    assert.equal(l.code, 'ERR_PARSE');
    assert.equal(l.outcome, 'failed');
    assert.equal(l.host, host);
    assert.equal(l.queue, DEFAULT_SOURCE.id);
    assert.match(String((l.err as { message?: string }).message), /^ERR_PARSE: /);
  }
  assert.ok(lines.some((l) => l.msg === 'worker started'));
  assert.ok(lines.some((l) => l.msg === 'exporter started'));
});
