import type { Command } from 'commander';
import { runWorker } from '../../app/worker-app.ts';
import { createLogger } from '../../log/logger.ts';
import { redisTargetOf } from '../../redis/connection.ts';
import { positiveInt } from '../options.ts';
import { runtime } from '../runtime.ts';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run a worker: take season and box score jobs from Redis until SIGTERM')
    .option(
      '-c, --concurrency <n>',
      'jobs run at the same time (default: WORKER_CONCURRENCY)',
      positiveInt('--concurrency'),
    )
    .action(async (opts: { concurrency?: number }) => {
      const { config } = runtime();
      // A worker logs to stdout: it is a service, its logs are its output.
      const logger = createLogger({ level: config.logLevel });
      await runWorker({
        config,
        logger,
        redis: redisTargetOf(config),
        concurrency: opts.concurrency ?? config.workerConcurrency,
      });
    });
}
