/**
 * A worker signalled while it is still starting (store open, Redis not yet taken jobs from) stops
 * gracefully once started and exits 0, as a pod stopped right after it was scheduled should;
 * before, the signal arrived before any handler and killed it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type LocalRedis, startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { CLI } from '../../helpers/cli.ts';

let redis: LocalRedis;
const dir = mkdtempSync(join(tmpdir(), 'nba-signal-start-'));
before(async () => {
  redis = await startLocalRedis();
});
after(async () => {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('SIGTERM while the worker starts: it finishes starting, closes and exits 0', async () => {
  const child = spawn(process.execPath, [CLI, 'worker'], {
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      STORE_URL: `file://${dir}`,
      METRICS_PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  let signalled = false;
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      const msg = (JSON.parse(line) as { msg: string }).msg;
      lines.push(msg);
      // The first line comes from the store, opened before the worker takes any job.
      if (!signalled && msg === 'store opened') {
        signalled = true;
        child.kill('SIGTERM');
      }
    }
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  assert.equal(signal, null, 'not killed by the signal');
  assert.equal(code, 0);
  const at = (msg: string): number => lines.indexOf(msg);
  assert.ok(at('signal received while starting: stopping gracefully once started') > at('store opened'));
  assert.ok(at('worker started') > 0, 'it finished starting');
  assert.ok(at('worker closed') > at('worker started'), `closed after starting: ${lines.join(' | ')}`);
});
