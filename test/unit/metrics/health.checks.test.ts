/**
 * Health building blocks without I/O: the event-loop monitor sees a stall (also one still in
 * progress), the checks say why they fail, the listening port is found in a pino log, and the
 * local Prometheus configuration gets the intervals asked for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  eventLoopCheck,
  notShuttingDownCheck,
  redisAliveCheck,
  runChecks,
} from '../../../src/health/checks.ts';
import { startEventLoopMonitor } from '../../../src/health/event-loop-monitor.ts';
import type { RedisMonitor } from '../../../src/health/redis-monitor.ts';
import { withIntervals } from '../../../src/local/monitoring/local-prometheus.ts';
import { listeningPortIn } from '../../../src/local/processes/listening-port.ts';
import { waitUntil } from '../../helpers/wait.ts';

function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy: the event loop is stalled
  }
}

test('the event-loop monitor reports a stall, then forgets it after its window', async () => {
  // A 2 s stall and a 3 s window: seconds more than a busy machine delays a 20 ms timer, so a
  // quiet loop stays far below the stall, and the stall stays in the window while it is read.
  const monitor = startEventLoopMonitor({ sampleMs: 20, windowMs: 3_000 });
  try {
    await sleep(60);
    assert.ok(monitor.maxLagMs() < 1_000, `quiet loop: ${monitor.maxLagMs()}`);
    block(2_000);
    // Measured while the stall is still unobserved by the timer: it counts already.
    assert.ok(monitor.maxLagMs() >= 1_950, `stall in progress: ${monitor.maxLagMs()}`);
    await sleep(50);
    assert.ok(monitor.maxLagMs() >= 1_950, `stall recorded: ${monitor.maxLagMs()}`);
    const check = eventLoopCheck(monitor, 1_000);
    const r = await check.run();
    assert.equal(r.ok, false);
    assert.match(r.detail, /stalled \d+ ms \(limit 1000 ms\)/);
    await waitUntil('the stall left the window', () => monitor.maxLagMs() < 1_000);
    assert.equal((await check.run()).ok, true);
  } finally {
    monitor.stop();
  }
});

test('checks: Redis down within the limit is alive, beyond it not; shutting down is not ready; a throwing check fails', async () => {
  let down = 0;
  const redis: RedisMonitor = { ping: async () => down === 0, downForMs: () => down, stop() {} };
  const alive = redisAliveCheck(redis, 10_000);
  assert.deepEqual(await alive.run(), { ok: true, detail: 'answering' });
  down = 4_000;
  assert.equal((await alive.run()).ok, true);
  down = 12_000;
  assert.deepEqual(await alive.run(), { ok: false, detail: 'not answering for 12 s (limit 10 s)' });
  let stopping = false;
  const result = await runChecks([
    notShuttingDownCheck(() => stopping),
    {
      name: 'broken',
      run() {
        throw new Error('boom');
      },
    },
  ]);
  assert.deepEqual(result, {
    ok: false,
    checks: {
      shutdown: { ok: true, detail: 'running' },
      broken: { ok: false, detail: 'check failed: boom' },
    },
  });
  stopping = true;
  assert.equal((await runChecks([notShuttingDownCheck(() => stopping)])).ok, false);
});

test('listeningPortIn finds the port in pino JSON lines', () => {
  const log = [
    '{"level":"info","msg":"store opened"}',
    'not json http server listening',
    '{"level":"info","component":"http","address":"127.0.0.1","port":40123,"msg":"http server listening"}',
  ].join('\n');
  assert.equal(listeningPortIn(log), 40123);
  assert.equal(listeningPortIn('{"msg":"worker started"}'), null);
});

test('withIntervals sets scrape, timeout, evaluation and file_sd refresh intervals', () => {
  const config = [
    'global:',
    '  scrape_interval: 5s',
    '  scrape_timeout: 4s',
    '  evaluation_interval: 5s',
    'scrape_configs:',
    '  - job_name: a',
    '    file_sd_configs:',
    '      - files: [x.json]',
    '        refresh_interval: 5s',
  ].join('\n');
  const out = withIntervals(config, 1000);
  assert.match(out, /scrape_interval: 1000ms/);
  assert.match(out, /scrape_timeout: 800ms/);
  assert.match(out, /evaluation_interval: 1000ms/);
  assert.match(out, /refresh_interval: 1000ms/);
});
