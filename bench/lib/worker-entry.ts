/**
 * A worker process for the benchmark's on/off comparisons: `nba-scraper worker` (the same
 * runWorker, settings from the environment) with `--no-metrics` and / or `--no-checkpoints`.
 */
import { runWorker } from '../../src/app/worker-app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { redisTargetOf } from '../../src/redis/connection.ts';

const flags = new Set(process.argv.slice(2));
const config = loadConfig(process.env);
await runWorker({
  config,
  logger: createLogger({ level: config.logLevel }),
  redis: redisTargetOf(config),
  concurrency: config.workerConcurrency,
  metrics: !flags.has('--no-metrics'),
  checkpoints: !flags.has('--no-checkpoints'),
});
