import type { Command } from 'commander';
import { parseSeasons, seasonLabel } from '../../domain/season-range.ts';
import { enqueueSeasons } from '../../queue/producer.ts';
import { EXIT_FAILED_JOBS } from '../exit-codes.ts';
import { follow } from '../follow.ts';
import { print, runtime, withQueue } from '../runtime.ts';

export function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('enqueue seasons (by the year they end in): 2018, 2015-2024, 2018,2020, current; idempotent')
    .argument('<seasons...>', 'seasons, ranges, or current')
    .option(
      '-f, --follow',
      'show progress until every season has finished; exit 1 if any job failed for good',
    )
    .option('-r, --refresh', 'run finished seasons again: re-read their schedule, fetch only new box scores')
    .action(async (args: string[], opts: { follow?: boolean; refresh?: boolean }) => {
      const seasons = parseSeasons(args);
      const rt = runtime();
      await withQueue(rt, async (queue) => {
        const outcomes = await enqueueSeasons(queue, rt.config, seasons, { refresh: opts.refresh });
        for (const o of outcomes) {
          const name = `${o.season} (${seasonLabel(o.season)})`;
          if (o.outcome === 'added') print(`enqueued ${name} as ${o.jobId}`);
          else if (o.outcome === 'refreshed') print(`refreshing ${name}: ${o.jobId} enqueued again`);
          else {
            const hint = o.state === 'completed' ? ' (--refresh runs it again)' : '';
            print(`already enqueued ${name}: ${o.jobId} is ${o.state}${hint}`);
          }
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
