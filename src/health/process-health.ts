/**
 * Health of one long-running process (worker or exporter), put together: the event-loop monitor,
 * a Redis monitor on the process's main connection (with the `nba_scraper_redis_reachable`
 * gauge), the liveness and readiness checks, and the HTTP server on METRICS_HOST:METRICS_PORT.
 *
 * - /healthz (liveness): the event loop has not stalled longer than HEALTH_MAX_EVENT_LOOP_LAG_MS,
 *   the process's main loop runs, and Redis has not been unreachable for longer than
 *   HEALTH_REDIS_DOWN_MAX_MS (a connection that never recovers gets the pod restarted).
 * - /readyz (readiness): Redis answers a PING within HEALTH_REDIS_PING_TIMEOUT_MS and the process
 *   is not shutting down.
 *
 * METRICS_PORT=-1 turns the server off (the monitors still run for the gauge).
 */
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { COMMON_METRICS } from '../metrics/catalog.ts';
import { gauge } from '../metrics/registry.ts';
import type { RedisClient } from '../redis/connection.ts';
import {
  type CheckResult,
  eventLoopCheck,
  loopCheck,
  notShuttingDownCheck,
  redisAliveCheck,
  redisReadyCheck,
} from './checks.ts';
import { startEventLoopMonitor } from './event-loop-monitor.ts';
import { type HealthServer, startHealthServer } from './http-server.ts';
import { startRedisMonitor } from './redis-monitor.ts';

export interface ProcessHealthOptions {
  config: Config;
  logger: Logger;
  registry: Registry;
  /** The process's main Redis connection. */
  redis: RedisClient;
  /** The loop that must keep running until shutdown (liveness). */
  loop: { name: string; alive: () => CheckResult };
  /** True once the process is shutting down (besides markShuttingDown). */
  shuttingDown?: () => boolean;
}

export interface ProcessHealth {
  /** The HTTP server, or null when METRICS_PORT is -1. */
  readonly server: HealthServer | null;
  /** From now on /readyz answers 503. */
  markShuttingDown(): void;
  /** Stops the monitors and the server; idempotent. */
  close(): Promise<void>;
}

export async function startProcessHealth(opts: ProcessHealthOptions): Promise<ProcessHealth> {
  const { config } = opts;
  const reachable = gauge(opts.registry, COMMON_METRICS.redisReachable);
  const eventLoop = startEventLoopMonitor();
  const redis = startRedisMonitor({
    redis: opts.redis,
    timeoutMs: config.healthRedisPingTimeoutMs,
    // Often enough to notice an outage well within the limit, never more than every 5 s.
    intervalMs: Math.max(250, Math.min(5_000, Math.floor(config.healthRedisDownMaxMs / 4))),
    onResult: (ok) => reachable.set(ok ? 1 : 0),
  });
  let shuttingDown = false;
  const isShuttingDown = (): boolean => shuttingDown || (opts.shuttingDown?.() ?? false);

  let server: HealthServer | null = null;
  if (config.metricsPort >= 0) {
    try {
      server = await startHealthServer({
        host: config.metricsHost,
        port: config.metricsPort,
        registry: opts.registry,
        logger: opts.logger,
        liveness: [
          eventLoopCheck(eventLoop, config.healthMaxEventLoopLagMs),
          loopCheck(opts.loop.name, opts.loop.alive),
          redisAliveCheck(redis, config.healthRedisDownMaxMs),
        ],
        readiness: [
          notShuttingDownCheck(isShuttingDown),
          redisReadyCheck(redis, config.healthRedisPingTimeoutMs),
        ],
      });
    } catch (err) {
      eventLoop.stop();
      redis.stop();
      throw err;
    }
  }

  let closing: Promise<void> | undefined;
  return {
    server,
    markShuttingDown() {
      shuttingDown = true;
    },
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        eventLoop.stop();
        redis.stop();
        await server?.close();
      })();
      return closing;
    },
  };
}
