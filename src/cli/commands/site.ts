import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseSeasons } from '../../domain/season-range.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { createLogger } from '../../log/logger.ts';
import { loadHarness } from '../load-harness.ts';
import { port } from '../options.ts';
import { print, runtime } from '../runtime.ts';

export function registerSite(program: Command): void {
  program
    .command('site')
    .description(
      'serve the replay site on 127.0.0.1: generated seasons plus the saved real pages, faults on demand',
    )
    .option('-p, --port <n>', 'port (default: a free one)', port('--port'), 0)
    .option('-s, --seasons <seasons>', 'seasons to generate (2018,2019 or 2015-2018)', '2018')
    .option(
      '--fixtures <dir>',
      'folder of saved real pages to serve at their real paths (default: FIXTURES_DIR)',
    )
    .option('--as-of <date>', 'YYYY-MM-DD: games after it are not played yet (an ongoing season)')
    .option('--faults <json>', 'fault injection settings as JSON (see docs/replay-site.md)')
    .action(
      async (opts: { port: number; seasons: string; fixtures?: string; asOf?: string; faults?: string }) => {
        const seasons = parseSeasons([opts.seasons]);
        if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
          throw new UsageError(`--as-of must be a date like 2018-01-15, got "${opts.asOf}"`);
        }
        let faults: unknown = null;
        if (opts.faults !== undefined) {
          try {
            faults = JSON.parse(opts.faults);
          } catch {
            throw new UsageError('--faults must be JSON, e.g. \'{"serverErrors":{"rate":0.05}}\'');
          }
        }
        const { config } = runtime();
        const fixturesDir = opts.fixtures ?? config.fixturesDir;
        if (opts.fixtures !== undefined && !existsSync(opts.fixtures))
          throw new UsageError(`--fixtures ${opts.fixtures} does not exist`);
        const logger = createLogger({ level: config.logLevel });
        // The local harness is loaded only by the commands that use it.
        const { createReplaySite } = await loadHarness(
          'site',
          () => import('../../local/replay/replay-site.ts'),
        );
        type SiteOptions = NonNullable<Parameters<typeof createReplaySite>[0]>;
        let site: Awaited<ReturnType<typeof createReplaySite>>;
        try {
          site = await createReplaySite({
            seasons,
            port: opts.port,
            fixturesDir: existsSync(fixturesDir) ? fixturesDir : null,
            asOf: opts.asOf ?? null,
            faults: faults as SiteOptions['faults'],
            logger,
          });
        } catch (err) {
          if (err instanceof RangeError) throw new UsageError(err.message);
          throw err;
        }
        print(
          `replay site on ${site.url} (seasons ${seasons.join(', ')}); ground truth at ${site.url}/__replay/seasons/${seasons[0]}/games.json`,
        );
        const stop = (): void => {
          site.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      },
    );
}
