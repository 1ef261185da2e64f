import type { Command } from 'commander';
import { parseSeasons } from '../../domain/season-range.ts';
import { exportDataset } from '../../store/export.ts';
import { openStore } from '../../store/open-store.ts';
import { oneOf } from '../options.ts';
import { print, runtime } from '../runtime.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write the dataset as CSV or JSONL, one file per table (games, team_lines, player_lines, ...)',
    )
    .requiredOption('-o, --out <dir>', 'output folder (created if missing)')
    .option('-f, --format <format>', 'csv or jsonl', oneOf('--format', 'csv', 'jsonl'), 'csv')
    .option('-s, --season <seasons>', 'only these seasons (default: all stored)')
    .option('--store <url>', 'store to read (default: STORE_URL)')
    .action(async (opts: { out: string; format: 'csv' | 'jsonl'; season?: string; store?: string }) => {
      const seasons = opts.season ? parseSeasons([opts.season]) : undefined;
      const rt = runtime(opts.store ? { storeUrl: opts.store } : {});
      const store = await openStore(rt.config.storeUrl, { logger: rt.logger });
      try {
        const counts = await exportDataset(store, { format: opts.format, outDir: opts.out, seasons });
        for (const [table, n] of Object.entries(counts)) print(`${table}.${opts.format}: ${n} rows`);
      } finally {
        await store.close();
      }
    });
}
