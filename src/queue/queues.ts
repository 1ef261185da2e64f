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

/**
 * Opens the site's queue. Queue errors (Redis restarting) go to `onError`; the connection's own
 * error handler already reports them, so the default is to ignore them here.
 */
export function openQueue(
  connection: RedisClient,
  config: Config,
  siteId: string,
  onError: (err: Error) => void = () => {},
): Queue {
  const queue = new Queue(queueName(siteId), { connection, prefix: config.queuePrefix });
  queue.on('error', onError);
  return queue;
}
