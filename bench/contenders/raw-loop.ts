/**
 * The limit: one process, a fixed number of lanes, each taking the next page and running the
 * exact per-page work a worker's job for it does (`processBoxScore`, `processTotals`,
 * `processPage`: fetch with our HTTP client, archive the raw page, parse with our parser, upsert
 * or replace the rows in our store) — without BullMQ, without the politeness budget, hold check
 * and breaker, without metrics and logging.
 *
 *   node bench/contenders/raw-loop.ts '<json: {baseUrl, storeDir, concurrency, itemsFile}>'
 *
 * Prints one JSON line: { pages, errors, startedAt, endedAt, cpuSeconds, peakRssMb }.
 */
import { readFileSync } from 'node:fs';
import type { Job } from 'bullmq';
import { loadConfig } from '../../src/config.ts';
import { sourceHttpClient } from '../../src/fetch/host-fetcher.ts';
import { createLogger } from '../../src/log/logger.ts';
import { processBoxScore } from '../../src/queue/boxscore-processor.ts';
import type { BoxScoreJobData, PageJobData, TotalsJobData } from '../../src/queue/job-types.ts';
import { processPage } from '../../src/queue/page-processor.ts';
import { processTotals } from '../../src/queue/totals-processor.ts';
import type { WorkerContext } from '../../src/queue/worker-context.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { openStore } from '../../src/store/open-store.ts';
import { printChildResult } from '../lib/run-process.ts';
import type { CrawlItem } from '../lib/site.ts';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  baseUrl: string;
  storeDir: string;
  concurrency: number;
  itemsFile: string;
};
const items = JSON.parse(readFileSync(args.itemsFile, 'utf8')) as CrawlItem[];
const config = loadConfig({ SOURCE_BASE_URL: args.baseUrl, STORE_URL: `file://${args.storeDir}` });
const http = sourceHttpClient(config);
const store = await openStore(config.storeUrl);
const ctx = {
  config,
  site: DEFAULT_SOURCE,
  fetcher: http,
  store,
  logger: createLogger({ level: 'silent' }),
} as Omit<WorkerContext, 'queue'> as WorkerContext;

/** The raw loop has no deadline: a signal that never aborts. */
const NEVER = new AbortController().signal;

let next = 0;
let pages = 0;
let errors = 0;
const cpu0 = process.cpuUsage();
const startedAt = Date.now();
const lane = async (): Promise<void> => {
  while (next < items.length) {
    const item = items[next++]!;
    const run = { token: undefined, signal: NEVER };
    try {
      if (item.kind === 'boxscore') {
        const data: BoxScoreJobData = { season: item.season, gameId: item.gameId!, path: item.path };
        await processBoxScore(ctx, { data } as Job<BoxScoreJobData>, run);
      } else if (item.kind === 'totals') {
        const data: TotalsJobData = { season: item.season, path: item.path };
        await processTotals(ctx, { data } as Job<TotalsJobData>, run);
      } else {
        const data: PageJobData = { season: item.season, page: item.kind, team: item.team, path: item.path };
        await processPage(ctx, { data } as Job<PageJobData>, run);
      }
      pages++;
    } catch (err) {
      errors++;
      process.stderr.write(`${item.path}: ${(err as Error).message}\n`);
    }
  }
};
await Promise.all(Array.from({ length: args.concurrency }, lane));
const endedAt = Date.now();
http.close();
await store.close();
printChildResult({ pages, errors, startedAt, endedAt }, cpu0);
