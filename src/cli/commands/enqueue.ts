import type { Command } from 'commander';
import { parseSeasons, seasonLabel } from '../../domain/season-range.ts';
import { enqueueSeasons } from '../../queue/producer.ts';
import { EXIT_FAILED_JOBS } from '../exit-codes.ts';
import { follow } from '../follow.ts';
import { print, runtime, withQueue } from '../runtime.ts';

export function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('enqueue seasons (by the year they end in): 2018, 2015-2024, 2018,2020; idempotent')
    .argument('<seasons...>', 'seasons or ranges')
    .option(
      '-f, --follow',
      'show progress until every season has finished; exit 1 if any job failed for good',
    )
    .action(async (args: string[], opts: { follow?: boolean }) => {
      const seasons = parseSeasons(args);
      const rt = runtime();
      await withQueue(rt, async (queue) => {
        const outcomes = await enqueueSeasons(queue, rt.config, seasons);
        for (const o of outcomes) {
          print(
            o.outcome === 'added'
              ? `enqueued ${o.season} (${seasonLabel(o.season)}) as ${o.jobId}`
              : `already enqueued ${o.season} (${seasonLabel(o.season)}): ${o.jobId} is ${o.state}`,
          );
        }
        if (!opts.follow) return;
        const result = await follow(queue, seasons, { logger: rt.logger });
        if (result.anyFailed) {
          print('some jobs failed for good: see `nba-scraper status`');
          process.exitCode = EXIT_FAILED_JOBS;
        } else print('all seasons finished');
      });
    });
}
