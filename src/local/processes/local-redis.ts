/**
 * A private redis-server on loopback, for the demo and the tests: its own port, its own data
 * directory, AOF on (as in production), `noeviction` (BullMQ requires it). Stopped with the
 * process that started it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.ts';

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). With `keepData`, a later `restart` finds the AOF. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  /** Stops and starts again on the same port and directory (the AOF is replayed). */
  restart(downMs?: number): Promise<void>;
}

export class RedisNotInstalledError extends Error {}

export async function startLocalRedis(opts: { port?: number; dir?: string } = {}): Promise<LocalRedis> {
  const port = opts.port ?? (await freePort());
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'nba-redis-')));
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--protected-mode',
      'yes',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ];
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const spawnFailed = new Promise<never>((_, reject) => {
      proc.once('error', (err: NodeJS.ErrnoException) => {
        reject(
          err.code === 'ENOENT'
            ? new RedisNotInstalledError(
                'redis-server is not installed: run `npm run setup` (or apt-get install redis-server), or set REDIS_URL',
              )
            : err,
        );
      });
      proc.once('exit', (code) =>
        reject(new Error(`redis-server exited with code ${code}: ${stderr.trim()}`)),
      );
    });
    await Promise.race([waitForPort(port, 10_000), spawnFailed]);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop(stopOpts = {}) {
      await stop();
      if (!stopOpts.keepData && !opts.dir) await rm(dir, { recursive: true, force: true });
    },
    async restart(downMs = 0) {
      await stop();
      if (downMs > 0) await sleep(downMs);
      await launch();
    },
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ host: '127.0.0.1', port });
      sock.once('connect', () => {
        sock.end();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`redis-server did not listen on port ${port} within ${timeoutMs} ms`);
    await sleep(50);
  }
}
