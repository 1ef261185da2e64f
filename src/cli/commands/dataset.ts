import type { Command } from 'commander';
import { reparseSeason } from '../../dataset/reparse.ts';
import { parseSeasons, seasonLabel } from '../../domain/season-range.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { reconcileSeason } from '../../queue/reconcile.ts';
import { DEFAULT_SOURCE } from '../../sources/registry.ts';
import { openStore } from '../../store/open-store.ts';
import { EXIT_FAILED_JOBS } from '../exit-codes.ts';
import { print, runtime, withQueue } from '../runtime.ts';

function oneSeason(raw: string): number {
  const seasons = parseSeasons([raw]);
  if (seasons.length !== 1) throw new UsageError(`--season takes one season, got "${raw}"`);
  return seasons[0] as number;
}

export function registerDatasetCommands(program: Command): void {
  program
    .command('reparse')
    .description("rebuild a season's records from the raw page archive with the current parsers (no network)")
    .requiredOption('-s, --season <season>', 'the season (2018 is 2017-18)', oneSeason)
    .option('--store <url>', 'store to rebuild (default: STORE_URL)')
    .action(async (opts: { season: number; store?: string }) => {
      const rt = runtime(opts.store ? { storeUrl: opts.store } : {});
      const store = await openStore(rt.config.storeUrl, { logger: rt.logger });
      try {
        const r = await reparseSeason(store, DEFAULT_SOURCE, opts.season);
        print(
          `${opts.season} (${seasonLabel(opts.season)}): re-parsed ${r.pages} archived page(s): ` +
            `${r.schedulePages} schedule, ${r.boxScores} box score, ${r.totalsPages} totals, ${r.seasonPages} season page(s)` +
            (r.gameTypesFilled > 0 ? `; ${r.gameTypesFilled} game type(s) inferred` : ''),
        );
        for (const f of r.failures) print(`  still does not parse: ${f.url}: ${f.reason}`);
        if (r.pages === 0) print('  nothing archived for this season: nothing to do');
        if (r.failures.length > 0) process.exitCode = EXIT_FAILED_JOBS;
      } finally {
        await store.close();
      }
    });
  program
    .command('reconcile')
    .description(
      "enqueue only what a season's stored data is missing: box scores of played games, totals, or the season",
    )
    .requiredOption('-s, --season <season>', 'the season (2018 is 2017-18)', oneSeason)
    .action(async (opts: { season: number }) => {
      const rt = runtime();
      const store = await openStore(rt.config.storeUrl, { logger: rt.logger });
      try {
        await withQueue(rt, async (queue) => {
          const r = await reconcileSeason(queue, rt.config, store, DEFAULT_SOURCE, opts.season);
          const name = `${opts.season} (${seasonLabel(opts.season)})`;
          if (r.seasonJob) print(`${name}: no schedule stored: the season job is enqueued`);
          else {
            print(
              `${name}: ${r.ledger.boxScoresStored}/${r.ledger.played} box scores stored; ` +
                `enqueued ${r.boxScores} box score job(s)${r.totals ? ' and the player totals' : ''}` +
                (r.pages > 0 ? `, and ${r.pages} season page job(s)` : ''),
            );
          }
        });
      } finally {
        await store.close();
      }
    });
}
