import type { Command } from 'commander';
import { type SeasonLedger, type SeasonPagesLedger, seasonLedger } from '../../dataset/ledger.ts';
import { parseSeasons, seasonLabel } from '../../domain/season-range.ts';
import { readStatus } from '../../queue/status.ts';
import { openStore } from '../../store/open-store.ts';
import { print, runtime, withQueue } from '../runtime.ts';
import { statusText } from '../status-text.ts';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(
      'job counts per state, per-season progress and ETA, failures by error code; with --season, what the store holds of it',
    )
    .option(
      '-s, --season <seasons>',
      'only these seasons (2018, 2015-2024), with their completeness ledger from the store',
    )
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { season?: string; json?: boolean }) => {
      const seasons = opts.season ? parseSeasons([opts.season]) : undefined;
      const rt = runtime();
      // The ledger reads the store: open it first, so a bad STORE_URL fails before anything else.
      const store = seasons ? await openStore(rt.config.storeUrl, { logger: rt.logger }) : null;
      try {
        await withQueue(rt, async (queue) => {
          const status = await readStatus(queue, { seasons });
          const ledgers: SeasonLedger[] = [];
          if (store && seasons) for (const s of seasons) ledgers.push(await seasonLedger(store, s));
          if (opts.json) {
            print(JSON.stringify(store ? { ...status, ledgers } : status, null, 2));
            return;
          }
          print(statusText(status));
          if (ledgers.length > 0) print('  stored (completeness ledger):');
          for (const l of ledgers) print(`    ${ledgerLine(l)}`);
        });
      } finally {
        await store?.close();
      }
    });
}

/** Labels of the season-level pages in the ledger. */
const PAGE_LABELS: Record<SeasonPagesLedger['kind'], string> = {
  summary: 'standings',
  team: 'team pages',
  advanced: 'advanced stats',
  draft: 'draft',
  awards: 'awards',
};

function ledgerLine(l: SeasonLedger): string {
  const missing = l.missingBoxScores.length;
  const sample =
    missing > 0 ? ` (missing ${l.missingBoxScores.slice(0, 3).join(', ')}${missing > 3 ? ', ...' : ''})` : '';
  const pagesMissing = l.pages.some((p) => p.missing.length > 0);
  const pages = l.pages
    .filter((p) => p.expected > 0 || p.rows > 0)
    .map((p) => `${PAGE_LABELS[p.kind]} ${p.stored}/${p.expected} (${p.rows} rows)`);
  return (
    `${l.season} (${seasonLabel(l.season)}): schedule ${l.games} games (${l.played} played), ` +
    `box scores ${l.boxScoresStored}/${l.played}${sample}, player totals ${l.totalsRows} rows` +
    `${l.complete ? ' - complete' : missing > 0 || pagesMissing ? ` - nba-scraper reconcile --season ${l.season}` : ''}` +
    (pages.length > 0 ? `\n      season pages: ${pages.join(', ')}` : '')
  );
}
