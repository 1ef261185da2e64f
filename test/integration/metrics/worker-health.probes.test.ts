/**
 * /metrics, /healthz and /readyz of a real worker process against a real redis-server: ready and
 * alive when all is well; when Redis is wedged (its process stopped: the connection stays open,
 * nothing answers) or down, /readyz fails at once and /healthz only after
 * HEALTH_REDIS_DOWN_MAX_MS, so Kubernetes restarts a pod whose connection never recovers but rides
 * out a short outage; both recover by themselves when Redis is back. A taken port stops the worker
 * with a clear message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { waitForListeningPort } from '../../../src/local/processes/listening-port.ts';
import { type LocalRedis, startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { WorkerPool, type WorkerProcess } from '../../../src/local/processes/worker-processes.ts';
import { waitFor } from '../../helpers/wait.ts';

interface Probe {
  status: number;
  body: { ok: boolean; checks: Record<string, { ok: boolean; detail: string }> };
}

async function probe(port: number, path: string): Promise<Probe> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: (await res.json()) as Probe['body'] };
}

/** Polls `path` until `ok(probe)`; returns that probe. */
function until(port: number, path: string, ok: (p: Probe) => boolean): Promise<Probe> {
  return waitFor(`${path} changes`, () => probe(port, path), ok);
}

describe('worker health endpoints', { timeout: 300_000 }, () => {
  let redis: LocalRedis;
  let pool: WorkerPool;
  let worker: WorkerProcess;
  let port: number;
  const dir = mkdtempSync(join(tmpdir(), 'nba-health-'));
  let env: Record<string, string>;

  before(async () => {
    redis = await startLocalRedis();
    env = {
      ...(process.env as Record<string, string>),
      REDIS_URL: redis.url,
      STORE_URL: `file://${join(dir, 'data')}`,
      SOURCE_BASE_URL: 'http://127.0.0.1:9',
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: '0',
      // A PING gets 2 s, far more than it takes on a busy machine; /healthz gives Redis 10 s, so
      // /readyz fails seconds before /healthz does.
      HEALTH_REDIS_DOWN_MAX_MS: '10000',
      HEALTH_REDIS_PING_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'info',
    };
    pool = new WorkerPool({ env, logDir: join(dir, 'logs') });
    [worker] = pool.start(1) as [WorkerProcess];
    port = await waitForListeningPort(worker.logFile, { exited: worker.exited });
  });
  after(async () => {
    await pool.stopAll('SIGTERM', 20_000);
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('all well: /healthz and /readyz 200 with their checks; /metrics in the text format; other paths 404/405', async () => {
    const live = await until(port, '/healthz', (p) => p.status === 200);
    assert.deepEqual(Object.keys(live.body.checks).sort(), ['event-loop', 'redis', 'worker-loop']);
    assert.equal(live.body.checks['worker-loop']?.detail, 'taking jobs');
    const ready = await probe(port, '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(Object.keys(ready.body.checks).sort(), ['redis', 'shutdown']);

    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(
      text,
      /^nba_scraper_build_info\{version="[^"]+",role="worker",node_version="v24\.[^"]+"\} 1$/m,
    );
    assert.match(text, /^nba_scraper_redis_reachable 1$/m);
    assert.match(text, /^nba_scraper_worker_concurrency\{queue="basketball-reference"\} 4$/m);
    assert.match(text, /^nba_scraper_process_cpu_seconds_total \d/m);
    assert.doesNotMatch(text, /nba_scraper_queue_jobs/, 'a worker never exports the global queue gauges');
    assert.equal((await fetch(`http://127.0.0.1:${port}/nope`)).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status, 405);
  });

  test('Redis wedged: not ready at once, not alive after HEALTH_REDIS_DOWN_MAX_MS, both back when it answers', async () => {
    const admin = new Redis(redis.url);
    let pid: number;
    try {
      pid = Number(/process_id:(\d+)/.exec(await admin.info('server'))?.[1]);
    } finally {
      admin.disconnect();
    }
    assert.ok(pid > 0, 'the redis-server pid');
    process.kill(pid, 'SIGSTOP');
    try {
      const notReady = await until(port, '/readyz', (p) => p.status === 503);
      assert.equal(notReady.body.checks.redis?.ok, false);
      assert.match(notReady.body.checks.redis?.detail ?? '', /no answer to PING within 2000 ms/);
      // Still alive while the outage is shorter than the limit.
      const early = await probe(port, '/healthz');
      assert.equal(early.status, 200, JSON.stringify(early.body));
      const dead = await until(port, '/healthz', (p) => p.status === 503);
      assert.equal(dead.body.checks.redis?.ok, false);
      assert.match(dead.body.checks.redis?.detail ?? '', /not answering for \d+ s \(limit 10 s\)/);
      assert.equal(dead.body.checks['event-loop']?.ok, true, 'the event loop itself is fine');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await until(port, '/healthz', (p) => p.status === 200);
    await until(port, '/readyz', (p) => p.status === 200);
  });

  test('Redis down then restarted: the same, and the worker reconnects on its own', async () => {
    await redis.stop({ keepData: true });
    await until(port, '/readyz', (p) => p.status === 503);
    await until(port, '/healthz', (p) => p.status === 503);
    await redis.restart();
    await until(port, '/readyz', (p) => p.status === 200);
    await until(port, '/healthz', (p) => p.status === 200);
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    assert.match(text, /^nba_scraper_redis_reachable 1$/m);
  });

  test('a port already taken: a second worker on it exits with a message naming METRICS_PORT', async () => {
    const other = new WorkerPool({ env: { ...env, METRICS_PORT: String(port) }, logDir: join(dir, 'logs2') });
    const [w] = other.start(1) as [WorkerProcess];
    const code = await Promise.race([w.exited, sleep(60_000).then(() => 'timeout')]);
    if (code === 'timeout') await other.stopAll('SIGKILL');
    assert.notEqual(code, 0);
    assert.notEqual(code, 'timeout', 'the worker did not exit');
    assert.match(
      readFileSync(w.logFile, 'utf8'),
      /cannot serve \/metrics, \/healthz and \/readyz on 127\.0\.0\.1:\d+ .*METRICS_PORT/,
    );
  });

  test('SIGTERM: the worker shuts down cleanly (exit 0)', async () => {
    assert.equal(await pool.stop(worker, 'SIGTERM', 20_000), 0);
  });
});
