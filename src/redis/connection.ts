/**
 * ioredis connections. Workers get `maxRetriesPerRequest: null` (BullMQ requires it: a blocking
 * worker connection must wait out a Redis restart, not fail). Commands run by people (enqueue,
 * status, ...) fail fast instead, with one clear error, so an unreachable Redis never hangs a CLI.
 */
import { Redis } from 'ioredis';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.ts';
import { redactUrl } from '../log/logger.ts';

export type ConnectionRole = 'worker' | 'command';

/** Reconnect delay: 50 ms doubling to 2 s, forever (workers ride out a Redis restart). */
export function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 6), 2_000);
}

export function createRedis(url: string, role: ConnectionRole): Redis {
  return new Redis(url, {
    connectionName: `nba-scraper-${role}`,
    retryStrategy: reconnectDelay,
    // Workers block on Redis and must wait out a restart (BullMQ requires null); commands
    // retry a few times across a reconnect, then report the error.
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    enableReadyCheck: true,
  });
}

/**
 * Checks that Redis answers within a few seconds, then returns a connection for a command.
 * Throws RedisUnavailableError that says where it looked and what to do, so an unreachable
 * Redis never hangs a CLI command.
 */
export async function connectForCommand(url: string): Promise<Redis> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The failure is reported by the promise below; keep ioredis from printing it too.
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new RedisUnavailableError(
      `cannot reach Redis at ${redactUrl(url)} (${(err as Error).message || 'connection refused'}); start Redis or set REDIS_URL`,
      { cause: err },
    );
  } finally {
    probe.disconnect();
  }
  return createRedis(url, 'command');
}
