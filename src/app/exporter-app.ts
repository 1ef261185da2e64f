/**
 * The exporter process (`nba-scraper exporter`, one replica per deployment): every
 * EXPORTER_INTERVAL_MS it reads the system's global state from Redis (job counts per queue and
 * state, per-season progress, failures by code, breaker and hold per host, Redis memory; the
 * backlog the fleet can serve now and the workers that can be busy on it, for the autoscaler) and
 * serves it on /metrics, with /healthz and /readyz like a worker. Every
 * EXPORTER_DATASET_INTERVAL_MS it also reads the store (STORE_URL) for what the dataset holds per
 * season (src/metrics/dataset-snapshot.ts): opened on the first read, and a store it cannot read
 * costs only those metrics, never the queue's, the health endpoints or the start. Workers never
 * export these values, so that `sum()` over pods and the autoscaler see each of them once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.ts';
import { createHostStateStore } from '../fetch/host-state.ts';
import { startProcessHealth } from '../health/process-health.ts';
import { type Logger, redactUrl } from '../log/logger.ts';
import { createDatasetPoller, type DatasetPoller } from '../metrics/dataset-snapshot.ts';
import { createExporterMetrics } from '../metrics/exporter-metrics.ts';
import { createMetricsRegistry } from '../metrics/registry.ts';
import { type QueueSource, readSystemSnapshot } from '../metrics/system-snapshot.ts';
import { openQueue } from '../queue/queues.ts';
import { connectForCommand, type RedisTarget, where } from '../redis/connection.ts';
import { SOURCES } from '../sources/registry.ts';
import { catchShutdownSignals } from './signals.ts';

export interface ExporterAppOptions {
  config: Config;
  logger: Logger;
  redis: RedisTarget;
}

export async function runExporter(opts: ExporterAppOptions): Promise<void> {
  const { config } = opts;
  const logger = opts.logger.child({ component: 'exporter' });
  const signals = catchShutdownSignals(logger, 10_000);
  // Fail fast (exit 2) when Redis is not there at start; once running, ride out restarts.
  const redis = await connectForCommand(opts.redis);
  redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
  // Workers fetch every job from SOURCE_BASE_URL (worker-app.ts): that is each queue's host.
  const host = new URL(config.sourceBaseUrl).host;
  const sources: QueueSource[] = Object.values(SOURCES).map((site) => ({
    queue: openQueue(redis, config, site.id),
    host,
  }));
  const queues = sources.map((s) => s.queue);
  const hostState = createHostStateStore(redis, config.queuePrefix);
  // The autoscaling gauges use the settings the workers get from the same ConfigMap.
  const metrics = createExporterMetrics(createMetricsRegistry('exporter'), config);

  const intervalMs = config.exporterIntervalMs;
  let lastSuccessAt = Date.now();
  let pollStartedAt: number | null = null;
  let failing = false;
  let stopped = false;
  const poll = async (): Promise<void> => {
    const started = performance.now();
    pollStartedAt = Date.now();
    try {
      const snapshot = await readSystemSnapshot({ queues: sources, hostState, redis });
      metrics.update(snapshot, (performance.now() - started) / 1000);
      lastSuccessAt = Date.now();
      if (failing) logger.info('reading Redis again');
      failing = false;
    } catch (err) {
      metrics.pollFailed((performance.now() - started) / 1000);
      if (!failing) logger.warn({ err }, 'cannot read the queues from Redis; retrying every interval');
      failing = true;
      // Values older than three polls are dropped rather than shown as current.
      if (Date.now() - lastSuccessAt > 3 * intervalMs) metrics.clear();
    } finally {
      pollStartedAt = null;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const loop = async (): Promise<void> => {
    await poll();
    if (!stopped) timer = setTimeout(() => void loop(), intervalMs);
  };

  const health = await startProcessHealth({
    config,
    logger: opts.logger,
    registry: metrics.registry,
    redis,
    loop: {
      name: 'poll-loop',
      alive: () => {
        const busyFor = pollStartedAt === null ? 0 : Date.now() - pollStartedAt;
        return busyFor <= config.healthRedisDownMaxMs
          ? { ok: true, detail: failing ? 'polling; the last poll failed' : 'polling' }
          : { ok: false, detail: `one poll has been running for ${Math.round(busyFor / 1000)} s` };
      },
    },
  }).catch((err: unknown) => {
    redis.disconnect();
    throw err;
  });
  await loop();
  const dataset: DatasetPoller | null =
    config.exporterDatasetIntervalMs > 0
      ? createDatasetPoller({
          storeUrl: config.storeUrl,
          intervalMs: config.exporterDatasetIntervalMs,
          metrics,
          logger,
        })
      : null;
  dataset?.start();
  logger.info(
    {
      queues: queues.map((q) => q.name),
      intervalMs,
      redis: where(opts.redis),
      dataset: dataset
        ? { store: redactUrl(config.storeUrl), intervalMs: config.exporterDatasetIntervalMs }
        : 'off',
      metrics: health.server?.url ?? 'off',
    },
    'exporter started',
  );

  signals.onShutdown(async () => {
    health.markShuttingDown();
    stopped = true;
    clearTimeout(timer);
    // A read of the store in progress gets a few seconds to end; the store closes after it.
    if (dataset)
      await Promise.race([dataset.stop().catch(() => {}), sleep(3_000, undefined, { ref: false })]);
    await health.close();
    await Promise.all(queues.map((q) => q.close().catch(() => {})));
    await redis.quit().catch(() => redis.disconnect());
  });
}
