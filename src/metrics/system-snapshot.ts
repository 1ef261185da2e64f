/**
 * What the exporter reads from Redis in one poll: for every source's queue the job counts, pause
 * and queue-wide rate limit, per-season progress and failures by code (src/queue/status.ts, the
 * same numbers `nba-scraper status` prints), and the host its jobs fetch; every host's breaker and
 * hold (src/fetch/host-state.ts), the queues' hosts included even when no worker reported on them
 * yet; and Redis's memory use.
 */
import type { Queue } from 'bullmq';
import { type HostStateStore, type HostStatus, quietHost } from '../fetch/host-state.ts';
import { type QueueStatus, readStatus } from '../queue/status.ts';
import type { RedisClient } from '../redis/connection.ts';

/** A queue and the host its jobs fetch. */
export interface QueueSource {
  queue: Queue;
  host: string;
}

export interface QueueSnapshot {
  status: QueueStatus;
  /** The host the queue's jobs fetch. */
  host: string;
  /** Ms left of the queue-wide rate limit (0: none). */
  rateLimitMs: number;
}

export interface SystemSnapshot {
  at: number;
  queues: QueueSnapshot[];
  hosts: HostStatus[];
  redisMemory: { used: number; max: number } | null;
}

export async function readSystemSnapshot(opts: {
  queues: readonly QueueSource[];
  hostState: HostStateStore;
  redis: RedisClient;
  now?: number;
}): Promise<SystemSnapshot> {
  const at = opts.now ?? Date.now();
  const [queues, hosts, info] = await Promise.all([
    Promise.all(
      opts.queues.map(async ({ queue, host }) => {
        const [status, ttl] = await Promise.all([readStatus(queue, { now: at }), queue.getRateLimitTtl()]);
        return { status, host, rateLimitMs: Math.max(0, ttl) };
      }),
    ),
    opts.hostState.readAll(),
    opts.redis.info('memory'),
  ]);
  const byHost = new Map(hosts.map((h) => [h.host, h]));
  for (const { host } of opts.queues) {
    if (!byHost.has(host)) byHost.set(host, quietHost(host));
  }
  return {
    at,
    queues,
    hosts: [...byHost.values()].sort((a, b) => a.host.localeCompare(b.host)),
    redisMemory: parseMemoryInfo(info),
  };
}

/** used_memory and maxmemory from the text of `INFO memory`, or null when absent. */
export function parseMemoryInfo(info: string): { used: number; max: number } | null {
  const field = (name: string): number | null => {
    const m = new RegExp(`^${name}:(\\d+)`, 'm').exec(info);
    return m ? Number(m[1]) : null;
  };
  const used = field('used_memory');
  const max = field('maxmemory');
  return used === null ? null : { used, max: max ?? 0 };
}
