/**
 * Watches one Redis connection with PINGs that have a deadline. A background PING every few
 * seconds keeps `downForMs()` current (liveness: a connection broken or wedged for too long means
 * the pod should be restarted); `ping()` asks right now (readiness). At most one PING is in
 * flight: a PING that never returns (a wedged connection) keeps counting as down.
 */
import type { RedisClient } from '../redis/connection.ts';

export interface RedisMonitor {
  /** PINGs now (or joins the PING in flight); true when Redis answered within the timeout. */
  ping(): Promise<boolean>;
  /** 0 when the last PING was answered in time; else ms since the last answered one (or since start). */
  downForMs(): number;
  stop(): void;
}

export interface RedisMonitorOptions {
  redis: RedisClient;
  /** Deadline of one PING. */
  timeoutMs: number;
  /** Period of the background PING. */
  intervalMs: number;
  /** Called with each result (for the `nba_scraper_redis_reachable` gauge). */
  onResult?: (ok: boolean) => void;
}

export function startRedisMonitor(opts: RedisMonitorOptions): RedisMonitor {
  let lastOkAt = Date.now();
  let lastOk = true;
  let inFlight: Promise<unknown> | null = null;

  const ping = async (): Promise<boolean> => {
    if (!inFlight) {
      const p = opts.redis.ping().then(
        () => {
          lastOkAt = Date.now();
          return true;
        },
        () => false,
      );
      inFlight = p;
      void p.finally(() => {
        if (inFlight === p) inFlight = null;
      });
    }
    const current = inFlight;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), opts.timeoutMs);
    });
    const ok = (await Promise.race([current, timeout])) === true;
    clearTimeout(timer);
    lastOk = ok;
    opts.onResult?.(ok);
    return ok;
  };

  const timer = setInterval(() => void ping(), opts.intervalMs);
  timer.unref();
  void ping();

  return {
    ping,
    downForMs() {
      return lastOk ? 0 : Date.now() - lastOkAt;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
