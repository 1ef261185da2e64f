/**
 * The keys the chart's KEDA triggers read are the ones BullMQ really writes, with the types the
 * redis scaler measures (LLEN for the wait LIST, ZCARD for the prioritized ZSET), and their sum is
 * the backlog the queue reports: checked on a real redis-server with the app's own queue code.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { find, helmTemplate } from '../../scripts/k8s/lib/render.ts';
import { loadConfig } from '../../src/config.ts';
import { type LocalRedis, startLocalRedis } from '../../src/local/processes/local-redis.ts';
import { openQueue } from '../../src/queue/queues.ts';
import { createRedis, type RedisClient, standaloneTarget } from '../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';

let redis: LocalRedis;
let conn: RedisClient;

before(async () => {
  redis = await startLocalRedis();
  conn = createRedis(standaloneTarget(redis.url), 'worker');
});

after(async () => {
  await conn?.quit().catch(() => conn.disconnect());
  await redis?.stop();
});

test("the ScaledObject's listName keys are BullMQ's wait list and prioritized set", async () => {
  const so = find(
    helmTemplate({ set: { 'autoscaling.mode': 'keda', 'assumeAPIVersions[0]': 'keda.sh/v1alpha1' } }),
    'ScaledObject',
    'nba-scraper-worker',
  );
  const [waitKey, prioritizedKey] = so.spec.triggers.map(
    (t: { metadata: { listName: string } }) => t.metadata.listName,
  );
  const config = loadConfig({ REDIS_URL: redis.url });
  const queue = openQueue(conn, config, DEFAULT_SOURCE.id);
  try {
    await queue.add('probe', { n: 1 }, { jobId: 'keda-probe-1' });
    await queue.add('probe', { n: 2 }, { jobId: 'keda-probe-2' });
    await queue.add('probe', { n: 3 }, { jobId: 'keda-probe-3', priority: 5 });
    assert.equal(await conn.type(waitKey), 'list');
    assert.equal(await conn.llen(waitKey), 2);
    assert.equal(await conn.type(prioritizedKey), 'zset');
    assert.equal(await conn.zcard(prioritizedKey), 1);
    const counts = await queue.getJobCounts('waiting', 'prioritized');
    assert.equal((counts.waiting ?? 0) + (counts.prioritized ?? 0), 3);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
});
