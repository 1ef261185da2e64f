/**
 * The checks behind /healthz (liveness: should Kubernetes restart this process?) and /readyz
 * (readiness: is it fit to work now?). Each check says ok or not and why, in one line.
 */
import type { EventLoopMonitor } from './event-loop-monitor.ts';
import type { RedisMonitor } from './redis-monitor.ts';

export interface CheckResult {
  ok: boolean;
  detail: string;
}

export interface Check {
  readonly name: string;
  run(): CheckResult | Promise<CheckResult>;
}

export interface ProbeResult {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

export async function runChecks(checks: readonly Check[]): Promise<ProbeResult> {
  const results = await Promise.all(
    checks.map(async (c): Promise<[string, CheckResult]> => {
      try {
        return [c.name, await c.run()];
      } catch (err) {
        return [c.name, { ok: false, detail: `check failed: ${(err as Error).message}` }];
      }
    }),
  );
  return { ok: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
}

/** Liveness: the event loop has not stalled longer than `maxLagMs` lately. */
export function eventLoopCheck(monitor: EventLoopMonitor, maxLagMs: number): Check {
  return {
    name: 'event-loop',
    run() {
      const lag = Math.round(monitor.maxLagMs());
      return lag <= maxLagMs
        ? { ok: true, detail: `max lag ${lag} ms in the last 10 s` }
        : { ok: false, detail: `event loop stalled ${lag} ms (limit ${maxLagMs} ms)` };
    },
  };
}

/** Liveness: Redis has not been unreachable for longer than `downMaxMs`. */
export function redisAliveCheck(monitor: RedisMonitor, downMaxMs: number): Check {
  return {
    name: 'redis',
    run() {
      const down = monitor.downForMs();
      if (down === 0) return { ok: true, detail: 'answering' };
      return down <= downMaxMs
        ? {
            ok: true,
            detail: `not answering for ${Math.round(down / 1000)} s; restart after ${downMaxMs / 1000} s`,
          }
        : {
            ok: false,
            detail: `not answering for ${Math.round(down / 1000)} s (limit ${downMaxMs / 1000} s)`,
          };
    },
  };
}

/** Readiness: Redis answers a PING now. */
export function redisReadyCheck(monitor: RedisMonitor, timeoutMs: number): Check {
  return {
    name: 'redis',
    async run() {
      return (await monitor.ping())
        ? { ok: true, detail: 'PING answered' }
        : { ok: false, detail: `no answer to PING within ${timeoutMs} ms` };
    },
  };
}

/** Readiness: the process is not shutting down. */
export function notShuttingDownCheck(shuttingDown: () => boolean): Check {
  return {
    name: 'shutdown',
    run() {
      return shuttingDown() ? { ok: false, detail: 'shutting down' } : { ok: true, detail: 'running' };
    },
  };
}

/** Liveness: a loop that should run until shutdown still runs (the BullMQ worker, the exporter's poll). */
export function loopCheck(name: string, alive: () => CheckResult): Check {
  return { name, run: alive };
}
