import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parseSeasons } from '../../domain/season-range.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { follow } from '../follow.ts';
import { loadHarness } from '../load-harness.ts';
import { port, positiveInt } from '../options.ts';
import { runtime } from '../runtime.ts';

interface DemoFlags {
  seasons: string;
  workers: number;
  store?: string;
  prometheus?: boolean;
  prometheusPort: number;
  chaos?: boolean;
}

/** Workers of the fault drill unless --workers says otherwise: one is killed, one scaled down. */
const DRILL_WORKERS = 3;

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'the whole system on this machine: Redis, the replay site, N worker processes; scrape seasons into a store',
    )
    .option('-s, --seasons <seasons>', 'seasons to scrape (2018, 2018,2019, 2017-2019)', '2018')
    .option('-w, --workers <n>', 'worker processes', positiveInt('--workers', 64), 2)
    .option('--store <url>', 'where the dataset goes (default: STORE_URL, file://./data)')
    .option(
      '--prometheus',
      'also run the exporter and a local Prometheus (Debian package) that scrapes every process; it stays up after the run until Ctrl-C',
    )
    .option(
      '--prometheus-port <port>',
      'port of that Prometheus on 127.0.0.1 (0: any free port)',
      port('--prometheus-port'),
      9090,
    )
    .option(
      '--chaos',
      'the fault drill: one season on a fresh store while a worker is killed, one is scaled down, Redis restarts, and the site answers 5xx, slow bodies, 429 and a block page; ends with a recovery table and the dataset verdict',
    )
    .action(async function (this: Command, opts: DemoFlags) {
      const seasons = parseSeasons([opts.seasons]);
      if (opts.chaos) {
        if (seasons.length !== 1) throw new UsageError(`--chaos runs one season, got "${opts.seasons}"`);
        if (opts.prometheus) throw new UsageError('--chaos does not run with --prometheus; run them apart');
        const rt = runtime();
        const storeUrl = opts.store ?? `file://${mkdtempSync(join(tmpdir(), 'nba-scraper-drill-'))}`;
        const { runDrill } = await loadHarness('demo', () => import('../../local/drill/drill-runner.ts'));
        process.stdout.write(`fault drill: season ${seasons[0]}, dataset in ${storeUrl}\n`);
        process.exitCode = await runDrill({
          config: rt.config,
          logger: rt.logger,
          season: seasons[0] as number,
          workers: this.getOptionValueSource('workers') === 'cli' ? opts.workers : DRILL_WORKERS,
          storeUrl,
          out: process.stdout,
        });
        return;
      }
      const rt = runtime(opts.store ? { storeUrl: opts.store } : {});
      // The local harness is loaded only by the commands that use it.
      const { runDemo } = await loadHarness('demo', () => import('../../local/demo/demo-runner.ts'));
      const code = await runDemo({
        config: rt.config,
        logger: rt.logger,
        seasons,
        workers: opts.workers,
        storeUrl: rt.config.storeUrl,
        out: process.stdout,
        follow,
        prometheusPort: opts.prometheus ? opts.prometheusPort : null,
      });
      process.exitCode = code;
    });
}
