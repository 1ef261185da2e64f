/**
 * The politeness limiter: one request budget per host shared by every worker process through
 * Redis, so adding workers never raises the rate at which a host is hit. Built on Bottleneck's
 * Redis datastore with `minTime` (the spacing between two requests, coordinated by a Lua script
 * against Redis time) — the part of Bottleneck's clustering that holds across processes; its
 * reservoir refresh is not used (it does not refresh on time across processes on Redis 7).
 * See docs/politeness.md for the measurements.
 */
import Bottleneck from 'bottleneck';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.ts';
import { isScraperError } from '../errors/scraper-error.ts';
import type { RedisClient } from '../redis/connection.ts';

export interface HostBudget {
  readonly host: string;
  /** Null when the host is not limited. */
  readonly requestsPerMinute: number | null;
  /**
   * Runs `fn` when the host's budget allows. Rejects with the signal's reason as soon as the
   * signal aborts (a reserved slot is then left unused: the budget is never exceeded).
   * `onStart` gets the time spent waiting, in ms.
   */
  schedule<T>(
    fn: () => Promise<T>,
    opts?: { signal?: AbortSignal; onStart?: (waitedMs: number) => void },
  ): Promise<T>;
  close(): Promise<void>;
}

export interface HostBudgetOptions {
  host: string;
  requestsPerMinute: number | null;
  /** A Redis connection for the limiter alone: it closes it on close(). */
  redis: RedisClient;
  /** Key prefix (a Redis Cluster hash tag, e.g. `{nba}`). */
  prefix: string;
}

export async function createHostBudget(opts: HostBudgetOptions): Promise<HostBudget> {
  const { host, requestsPerMinute } = opts;
  if (requestsPerMinute === null) {
    return {
      host,
      requestsPerMinute,
      async schedule(fn, o = {}) {
        o.signal?.throwIfAborted();
        o.onStart?.(0);
        return fn();
      },
      async close() {},
    };
  }
  const minTime = spacingMs(requestsPerMinute);
  const connection = new Bottleneck.IORedisConnection({ client: opts.redis });
  const limiter = new Bottleneck({
    id: `${opts.prefix}:politeness:${host}`,
    datastore: 'ioredis',
    connection,
    clearDatastore: false,
    minTime,
    maxConcurrent: null,
    // Drop the host's limiter state after a day without requests.
    timeout: 86_400_000,
  });
  limiter.on('error', () => {
    // Failures reach the caller through schedule(); nothing else to do here.
  });
  try {
    await limiter.ready();
    // The first process to create the limiter wrote its settings to Redis; apply ours, so a
    // changed budget takes effect on the next deploy.
    await limiter.updateSettings({ minTime, maxConcurrent: null });
  } catch (err) {
    throw new RedisUnavailableError(
      `politeness limiter for ${host} cannot reach Redis: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }

  return {
    host,
    requestsPerMinute,
    schedule(fn, o = {}) {
      o.signal?.throwIfAborted();
      const queued = performance.now();
      const run = limiter.schedule(async () => {
        o.signal?.throwIfAborted();
        o.onStart?.(performance.now() - queued);
        return fn();
      });
      if (!o.signal) {
        return run.catch((err: unknown) => {
          throw mapLimiterError(err);
        });
      }
      const signal = o.signal;
      return new Promise((resolve, reject) => {
        const onAbort = (): void => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        run
          .then(resolve, (err: unknown) => reject(mapLimiterError(err)))
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    async close() {
      try {
        await limiter.disconnect(false);
      } catch {
        // Already disconnected.
      }
    },
  };
}

const REDIS_ERROR_NAMES = new Set(['BottleneckError', 'ReplyError', 'MaxRetriesPerRequestError']);

/** Errors of the limiter itself (Redis) become RedisUnavailableError; the request's own errors pass. */
function mapLimiterError(err: unknown): unknown {
  const fromRedis =
    err instanceof Bottleneck.BottleneckError ||
    (err instanceof Error && REDIS_ERROR_NAMES.has(err.name) && !isScraperError(err));
  return fromRedis
    ? new RedisUnavailableError(`politeness limiter: ${(err as Error).message}`, { cause: err })
    : err;
}

/**
 * Minimum spacing between two requests to a host for a budget: 60 s / budget plus a 2 % margin
 * (at least 5 ms), so that no 60-second window, measured anywhere, holds more than the budget
 * even with some network jitter between our send time and the site's arrival time.
 */
export function spacingMs(requestsPerMinute: number): number {
  const base = 60_000 / requestsPerMinute;
  return Math.ceil(base + Math.max(5, base * 0.02));
}
