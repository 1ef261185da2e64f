/**
 * A worker process for the benchmark's on/off comparisons: `nba-scraper worker` (the same
 * runWorker, settings from the environment), with what is measured switched off from outside the
 * product, in this process only:
 * - `--no-checkpoints`: the season job's per-page saves are skipped by wrapping BullMQ's Job
 *   (`updateData` only writes the data that ends the fan-out; the per-page progress is not
 *   written), so what they cost shows;
 * - `--no-metrics`: every prom-client update (counter, gauge and histogram) is a no-op, so what
 *   counting and timing cost shows (the /metrics endpoint still answers, with zeros).
 */
import { Job } from 'bullmq';
import { Counter, Gauge, Histogram } from 'prom-client';
import { runWorker } from '../../src/app/worker-app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { SeasonJobData, SeasonProgress } from '../../src/queue/job-types.ts';
import { redisTargetOf } from '../../src/redis/connection.ts';

const flags = new Set(process.argv.slice(2));

if (flags.has('--no-checkpoints')) {
  const { updateData, updateProgress } = Job.prototype;
  Job.prototype.updateData = function (this: Job, data: unknown) {
    const season = data as Partial<SeasonJobData>;
    if (this.name === 'season' && season.fannedOut !== true) return Promise.resolve();
    return updateData.call(this, data);
  };
  Job.prototype.updateProgress = function (this: Job, progress: unknown) {
    if (this.name === 'season' && (progress as Partial<SeasonProgress>).phase === 'schedule')
      return Promise.resolve();
    return updateProgress.call(this, progress as object);
  };
}

if (flags.has('--no-metrics')) {
  const noop = (): void => {};
  for (const proto of [Counter.prototype, Gauge.prototype, Histogram.prototype] as unknown as Record<
    string,
    unknown
  >[]) {
    for (const method of ['inc', 'dec', 'set', 'observe']) if (method in proto) proto[method] = noop;
  }
}

const config = loadConfig(process.env);
await runWorker({
  config,
  logger: createLogger({ level: config.logLevel }),
  redis: redisTargetOf(config),
  concurrency: config.workerConcurrency,
});
