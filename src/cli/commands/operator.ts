import type { Command } from 'commander';
import { parseSeasons } from '../../domain/season-range.ts';
import { isErrorCode } from '../../errors/codes.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { pauseQueue, resumeQueue, retryFailed } from '../../queue/operator.ts';
import { print, runtime, withQueue } from '../runtime.ts';

function errorCode(raw: string): string {
  const code = raw.toUpperCase();
  if (!isErrorCode(code)) {
    throw new UsageError(`--code must be an error code such as ERR_PARSE (see docs/errors.md), got "${raw}"`);
  }
  return code;
}

export function registerOperatorCommands(program: Command): void {
  program
    .command('retry-failed')
    .description('re-drive jobs that failed for good, e.g. after a parser fix (fresh attempts)')
    .option('-s, --season <season>', 'only jobs of this season')
    .option('-c, --code <code>', 'only jobs that failed with this error code (ERR_PARSE, ...)', errorCode)
    .action(async (opts: { season?: string; code?: string }) => {
      let season: number | undefined;
      if (opts.season !== undefined) {
        const seasons = parseSeasons([opts.season]);
        if (seasons.length !== 1) throw new UsageError(`--season takes one season, got "${opts.season}"`);
        season = seasons[0];
      }
      const rt = runtime();
      await withQueue(rt, async (queue) => {
        const out = await retryFailed(queue, { season, code: opts.code });
        print(
          `re-drove ${out.retried} failed job(s)${out.skipped ? `; ${out.skipped} other failed job(s) left alone` : ''}`,
        );
      });
    });
  program
    .command('pause')
    .description('pause the queue: every worker stops taking jobs (running ones finish)')
    .action(async () => {
      const rt = runtime();
      await withQueue(rt, async (queue) => {
        await pauseQueue(queue);
        print(`queue ${queue.name} paused; nba-scraper resume to continue`);
      });
    });
  program
    .command('resume')
    .description('resume a paused queue')
    .action(async () => {
      const rt = runtime();
      await withQueue(rt, async (queue) => {
        await resumeQueue(queue);
        print(`queue ${queue.name} resumed`);
      });
    });
}
