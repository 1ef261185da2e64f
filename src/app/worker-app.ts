/**
 * A worker process: config -> logger -> Redis, store, the source's fetcher (host protection,
 * shared politeness budget, HTTP; fetch/host-fetcher.ts) -> BullMQ worker, metrics observing
 * both, and a graceful stop on SIGTERM. Stateless: everything it knows lives in Redis and the store.
 */
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import { createHostFetcher } from '../fetch/host-fetcher.ts';
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
import { catchShutdownSignals } from './signals.ts';

export interface WorkerAppOptions {
  config: Config;
  logger: Logger;
  redis: RedisTarget;
  concurrency: number;
}

export async function runWorker(opts: WorkerAppOptions): Promise<void> {
  const { config, logger } = opts;
  const signals = catchShutdownSignals(logger, config.shutdownBudgetMs + 10_000);
  // Fail fast (exit 2) when Redis is not there at start; once running, ride out restarts.
  (await connectForCommand(opts.redis)).disconnect();
  const store = await openStore(config.storeUrl, { logger });
  const connection = createRedis(opts.redis, 'worker');
  const limiterConnection = createRedis(opts.redis, 'worker');
  for (const c of [connection, limiterConnection]) {
    c.on('error', (err) => logger.warn({ component: 'redis', err }, 'redis connection error'));
  }

  const metrics = createWorkerMetrics(createMetricsRegistry('worker'));
  // /metrics, /healthz, /readyz first: a port already taken stops the worker before it takes jobs.
  // Liveness also needs the BullMQ worker loop to run until shutdown.
  let service: WorkerService | undefined;
  const health = await startProcessHealth({
    config,
    logger,
    registry: metrics.registry,
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

  const { fetcher, protection, requestsPerMinute } = await createHostFetcher({
    config,
    logger,
    redis: connection,
    limiterRedis: limiterConnection,
    observer: metrics.fetchObserver,
  });
  const host = fetcher.host;
  metrics.init({
    queue: queueName(DEFAULT_SOURCE.id),
    host,
    concurrency: opts.concurrency,
    lockDurationMs: config.lockDurationMs,
  });

  service = startWorkerService({
    config,
    logger,
    site: instrumentSite(DEFAULT_SOURCE, metrics),
    fetcher,
    store: instrumentStore(store, metrics),
    connection,
    observer: metrics,
    concurrency: opts.concurrency,
    name: `${hostname()}:${process.pid}`,
    globalConcurrency: requestsPerMinute === null ? null : config.hostMaxActiveJobs,
    hostBlocked: (err) => protection.holdOff(err),
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

  signals.onShutdown(async () => {
    health.markShuttingDown();
    await started.close(config.shutdownBudgetMs);
    fetcher.close();
    await store.close();
    await health.close();
    await connection.quit().catch(() => connection.disconnect());
  });
}
