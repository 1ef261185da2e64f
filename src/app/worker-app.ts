/**
 * A worker process: config -> logger -> Redis, store, the source's fetcher (hold check, breaker,
 * shared politeness budget, HTTP) -> BullMQ worker, and a graceful stop on SIGTERM. Stateless:
 * everything it knows lives in Redis and the store.
 */
import { hostname } from 'node:os';
import { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { BreakerOpenError } from '../errors/breaker-open-error.ts';
import { createHostBreaker } from '../fetch/host-breaker.ts';
import { createHostBudget } from '../fetch/host-budget.ts';
import { budgetFor } from '../fetch/host-rules.ts';
import { createHostStateStore } from '../fetch/host-state.ts';
import { createHttpClient } from '../fetch/http-client.ts';
import { createSourceFetcher } from '../fetch/source-fetcher.ts';
import { startProcessHealth } from '../health/process-health.ts';
import type { Logger } from '../log/logger.ts';
import { instrumentSite, instrumentStore } from '../metrics/instrument.ts';
import { createMetricsRegistry } from '../metrics/registry.ts';
import { createWorkerMetrics } from '../metrics/worker-metrics.ts';
import { queueName } from '../queue/queues.ts';
import { startWorkerService, type WorkerService } from '../queue/worker-service.ts';
import { connectForCommand, createRedis, type RedisTarget, where } from '../redis/connection.ts';
import { DEFAULT_SOURCE } from '../sources/registry.ts';
import { openStore } from '../store/open-store.ts';
import { handleShutdownSignals } from './signals.ts';

export interface WorkerAppOptions {
  config: Config;
  logger: Logger;
  redis: RedisTarget;
  concurrency: number;
  /**
   * Collect metrics (default true). Off, /metrics serves an empty registry and nothing is timed
   * or counted: benchmarks turn it off to measure what the metrics cost.
   */
  metrics?: boolean;
  /** Per-page checkpoints of season jobs (default true; benchmarks turn them off). */
  checkpoints?: boolean;
}

export async function runWorker(opts: WorkerAppOptions): Promise<void> {
  const { config, logger } = opts;
  // Fail fast (exit 2) when Redis is not there at start; once running, ride out restarts.
  (await connectForCommand(opts.redis)).disconnect();
  const store = await openStore(config.storeUrl, { logger });
  const connection = createRedis(opts.redis, 'worker');
  const limiterConnection = createRedis(opts.redis, 'worker');
  for (const c of [connection, limiterConnection]) {
    c.on('error', (err) =>
      logger.warn({ component: 'redis', err: { message: err.message } }, 'redis connection error'),
    );
  }

  const metrics = opts.metrics === false ? null : createWorkerMetrics(createMetricsRegistry('worker'));
  // /metrics, /healthz, /readyz first: a port already taken stops the worker before it takes jobs.
  // Liveness also needs the BullMQ worker loop to run until shutdown.
  let service: WorkerService | undefined;
  const health = await startProcessHealth({
    config,
    logger,
    registry: metrics?.registry ?? new Registry(),
    redis: connection,
    loop: {
      name: 'worker-loop',
      alive: () => {
        if (!service) return { ok: true, detail: 'starting' };
        if (service.closing) return { ok: true, detail: 'closing' };
        return service.worker.isRunning()
          ? { ok: true, detail: 'taking jobs' }
          : { ok: false, detail: 'the BullMQ worker loop has stopped' };
      },
    },
    shuttingDown: () => service?.closing ?? false,
  }).catch(async (err: unknown) => {
    await store.close().catch(() => {});
    connection.disconnect();
    limiterConnection.disconnect();
    throw err;
  });

  const http = createHttpClient({
    baseUrl: config.sourceBaseUrl,
    userAgent: config.userAgent,
    connectTimeoutMs: config.fetchConnectTimeoutMs,
    responseTimeoutMs: config.fetchResponseTimeoutMs,
    totalTimeoutMs: config.fetchTotalTimeoutMs,
  });
  const host = http.host;
  metrics?.init({
    queue: queueName(DEFAULT_SOURCE.id),
    host,
    concurrency: opts.concurrency,
    lockDurationMs: config.lockDurationMs,
  });
  const hostLog = logger.child({ component: 'fetch', host });
  const requestsPerMinute = budgetFor(host, config.hostRateLimits);
  const budget = await createHostBudget({
    host,
    requestsPerMinute,
    redis: limiterConnection,
    prefix: config.queuePrefix,
  });
  const hostState = createHostStateStore(connection, config.queuePrefix);
  const breaker = createHostBreaker({
    host,
    errorThresholdPercentage: config.breakerErrorPercent,
    volumeThreshold: config.breakerMinRequests,
    rollingWindowMs: config.breakerWindowMs,
    resetTimeoutMs: config.breakerResetMs,
    onStateChange: (state) => {
      hostLog[state === 'open' ? 'error' : 'warn']({ breaker: state }, `circuit breaker ${state}`);
      metrics?.breakerChanged(host, state);
      hostState.reportBreaker(host, state).catch(() => {});
    },
  });
  const fetcher = createSourceFetcher({ http, budget, breaker, hostState, observer: metrics?.fetchObserver });

  service = startWorkerService({
    config,
    logger,
    site: metrics ? instrumentSite(DEFAULT_SOURCE, metrics) : DEFAULT_SOURCE,
    fetcher,
    store: metrics ? instrumentStore(store, metrics) : store,
    connection,
    metrics: metrics ?? undefined,
    concurrency: opts.concurrency,
    checkpoints: opts.checkpoints,
    name: `${hostname()}:${process.pid}`,
    globalConcurrency: requestsPerMinute === null ? null : config.hostMaxActiveJobs,
    hooks: {
      hostBlocked: async (err) => {
        if (err instanceof BreakerOpenError) return err.retryAfterMs;
        hostLog.error(
          { err, holdMs: config.blockBackoffMs },
          `${host} refused us (403 or a block page): no request goes to it from any worker for ${Math.round(config.blockBackoffMs / 60_000)} min`,
        );
        await hostState.hold(host, config.blockBackoffMs, 'blocked', err.message);
        return config.blockBackoffMs;
      },
    },
  });
  const started = service;
  await started.ready();
  logger.info(
    {
      component: 'worker',
      concurrency: opts.concurrency,
      host,
      requestsPerMinute,
      store: store.kind,
      redis: where(opts.redis),
      metrics: health.server?.url ?? 'off',
    },
    'worker started',
  );

  handleShutdownSignals(
    logger,
    async () => {
      health.markShuttingDown();
      await started.close(config.shutdownBudgetMs);
      fetcher.close();
      await store.close();
      await health.close();
      await connection.quit().catch(() => connection.disconnect());
    },
    config.shutdownBudgetMs + 10_000,
  );
}
