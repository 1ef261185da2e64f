/**
 * Redis connections for every role, in any of the three topologies (standalone, Sentinel,
 * Cluster). Workers get `maxRetriesPerRequest: null` (BullMQ requires it: a blocking worker
 * connection must wait out a Redis restart, not fail). Commands run by people (enqueue, status,
 * ...) first check that Redis answers within seconds, so an unreachable Redis never hangs a CLI.
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { type Config, redisUrlOf } from '../config.ts';
import { RedisUnavailableError } from '../errors/redis-unavailable-error.ts';
import { redactUrl } from '../log/logger.ts';

export type ConnectionRole = 'worker' | 'command';
export type RedisClient = Redis | Cluster;

/** Where Redis is: the URL carries credentials, db and TLS; the mode says how to find the server. */
export interface RedisTarget {
  url: string;
  mode: 'standalone' | 'sentinel' | 'cluster';
  sentinels: readonly string[];
  sentinelMaster: string;
  clusterNodes: readonly string[];
}

export function redisTargetOf(config: Config, url: string = redisUrlOf(config)): RedisTarget {
  return {
    url,
    mode: config.redisMode,
    sentinels: config.redisSentinels,
    sentinelMaster: config.redisSentinelMaster,
    clusterNodes: config.redisClusterNodes,
  };
}

/** A target for a plain URL (tests, the demo's own redis-server). */
export function standaloneTarget(url: string): RedisTarget {
  return { url, mode: 'standalone', sentinels: [], sentinelMaster: 'mymaster', clusterNodes: [] };
}

/** Reconnect delay: 50 ms doubling to 2 s, forever (workers ride out a Redis restart). */
export function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.min(times, 6), 2_000);
}

function hostPort(hp: string): { host: string; port: number } {
  const i = hp.lastIndexOf(':');
  return { host: hp.slice(0, i), port: Number(hp.slice(i + 1)) };
}

/** Credentials, db and TLS from the URL, as ioredis options. */
function urlOptions(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.replace(/^\//, '');
  return {
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: db ? Number(db) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

function build(target: RedisTarget, extra: RedisOptions): RedisClient {
  if (target.mode === 'cluster') {
    const { db: _db, ...auth } = urlOptions(target.url);
    const u = new URL(target.url);
    const nodes = (
      target.clusterNodes.length > 0 ? target.clusterNodes : [`${u.hostname}:${u.port || 6379}`]
    ).map(hostPort);
    return new Cluster(nodes, {
      redisOptions: { ...auth, ...extra },
      clusterRetryStrategy: reconnectDelay,
      enableOfflineQueue: extra.enableOfflineQueue ?? true,
      lazyConnect: extra.lazyConnect,
    });
  }
  if (target.mode === 'sentinel') {
    return new Redis({
      ...urlOptions(target.url),
      ...extra,
      sentinels: target.sentinels.map(hostPort),
      name: target.sentinelMaster,
    });
  }
  return new Redis(target.url, extra);
}

export function createRedis(target: RedisTarget, role: ConnectionRole): RedisClient {
  return build(target, {
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
 * Throws RedisUnavailableError that says where it looked and what to do.
 */
export async function connectForCommand(target: RedisTarget): Promise<RedisClient> {
  const probe = build(target, {
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
      `cannot reach Redis at ${where(target)} (${(err as Error).message || 'connection refused'}); start Redis or set REDIS_URL`,
      { cause: err },
    );
  } finally {
    probe.disconnect();
  }
  return createRedis(target, 'command');
}

/** Where a target points, password hidden, for messages. */
export function where(target: RedisTarget): string {
  if (target.mode === 'sentinel')
    return `sentinels ${target.sentinels.join(',')} (master ${target.sentinelMaster})`;
  if (target.mode === 'cluster' && target.clusterNodes.length > 0)
    return `cluster ${target.clusterNodes.join(',')}`;
  return redactUrl(target.url);
}
