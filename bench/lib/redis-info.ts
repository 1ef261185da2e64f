/** What Redis says about its own work: commands by name (INFO commandstats) and its CPU time. */
import type { RedisClient } from '../../src/redis/connection.ts';

export interface RedisSnapshot {
  /** Calls per command name (`evalsha`, `bzpopmin`, ...). */
  calls: Map<string, number>;
  /** total_commands_processed. */
  total: number;
  /** used_cpu_user + used_cpu_sys, seconds. */
  cpu: number;
}

export async function redisSnapshot(redis: RedisClient): Promise<RedisSnapshot> {
  // One INFO for all three sections: it is itself counted once, in the next snapshot.
  return parseRedisInfo(await redis.info('all'));
}

export function parseRedisInfo(text: string): RedisSnapshot {
  const calls = new Map<string, number>();
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1]!, Number(m[2]));
  const field = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? 0);
  return {
    calls,
    total: field('total_commands_processed'),
    cpu: field('used_cpu_user') + field('used_cpu_sys'),
  };
}

export interface RedisDelta {
  calls: Map<string, number>;
  total: number;
  cpu: number;
}

/** What happened between two snapshots, minus the INFO call that took `before`. */
export function redisDelta(before: RedisSnapshot, after: RedisSnapshot): RedisDelta {
  const calls = new Map<string, number>();
  for (const [cmd, n] of after.calls) {
    const d = n - (before.calls.get(cmd) ?? 0) - (cmd === 'info' ? 1 : 0);
    if (d > 0) calls.set(cmd, d);
  }
  return { calls, total: after.total - before.total - 1, cpu: after.cpu - before.cpu };
}

/** Redis's `used_memory` (INFO memory), bytes. */
export async function redisUsedMemory(redis: RedisClient): Promise<number> {
  const text = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(text)?.[1] ?? Number.NaN);
}
