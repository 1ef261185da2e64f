import type { Command } from 'commander';
import { runExporter } from '../../app/exporter-app.ts';
import { createLogger } from '../../log/logger.ts';
import { redisTargetOf } from '../../redis/connection.ts';
import { runtime } from '../runtime.ts';

export function registerExporter(program: Command): void {
  program
    .command('exporter')
    .description(
      'serve the queue counts, per-season progress, host states and what the store holds per season on /metrics for Prometheus (run one per deployment) until SIGTERM',
    )
    .action(async () => {
      const { config } = runtime();
      // A service: its logs are its output, on stdout.
      const logger = createLogger({ level: config.logLevel });
      await runExporter({ config, logger, redis: redisTargetOf(config) });
    });
}
