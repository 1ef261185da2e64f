import type { Command } from 'commander';
import { runDemo } from '../../demo/demo-runner.ts';
import { parseSeasons } from '../../domain/season-range.ts';
import { positiveInt } from '../options.ts';
import { runtime } from '../runtime.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'the whole system on this machine: Redis, the replay site, N worker processes; scrape seasons into a store',
    )
    .option('-s, --seasons <seasons>', 'seasons to scrape (2018, 2018,2019, 2017-2019)', '2018')
    .option('-w, --workers <n>', 'worker processes', positiveInt('--workers', 64), 2)
    .option('--store <url>', 'where the dataset goes (default: STORE_URL, file://./data)')
    .action(async (opts: { seasons: string; workers: number; store?: string }) => {
      const seasons = parseSeasons([opts.seasons]);
      const rt = runtime(opts.store ? { storeUrl: opts.store } : {});
      const code = await runDemo({
        config: rt.config,
        logger: rt.logger,
        seasons,
        workers: opts.workers,
        storeUrl: rt.config.storeUrl,
        out: process.stdout,
      });
      process.exitCode = code;
    });
}
