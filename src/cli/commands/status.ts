import type { Command } from 'commander';
import { parseSeasons } from '../../domain/season-range.ts';
import { readStatus } from '../../queue/status.ts';
import { print, runtime, withQueue } from '../runtime.ts';
import { statusText } from '../status-text.ts';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('job counts per state, per-season progress and ETA, failures by error code')
    .option('-s, --season <seasons>', 'only these seasons (2018, 2015-2024)')
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { season?: string; json?: boolean }) => {
      const seasons = opts.season ? parseSeasons([opts.season]) : undefined;
      const rt = runtime();
      await withQueue(rt, async (queue) => {
        const status = await readStatus(queue, { seasons });
        print(opts.json ? JSON.stringify(status, null, 2) : statusText(status));
      });
    });
}
