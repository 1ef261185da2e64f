/**
 * One BullMQ queue per source site (per host): a 429 or a block from a host pauses exactly the
 * jobs that would hit that host. All queues share the key prefix (default `{nba}`, a Redis
 * Cluster hash tag, so a flow's parent and children live in one slot).
 */
import { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import type { RedisClient } from '../redis/connection.ts';

export function queueName(siteId: string): string {
  return siteId;
}

export function openQueue(connection: RedisClient, config: Config, siteId: string): Queue {
  return new Queue(queueName(siteId), { connection, prefix: config.queuePrefix });
}
