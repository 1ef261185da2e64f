/**
 * Crawlee's CheerioCrawler on the same pages, at the same concurrency (pinned: min = max), with
 * the same per-page work in its request handler: archive the raw body in our store, parse it
 * with OUR parser (not the `$` Crawlee builds), upsert into our store. Crawlee's own retries are
 * off, its storage in memory, its logging off.
 *
 *   node bench/contenders/crawlee.ts '<json: {baseUrl, storeDir, concurrency, itemsFile}>'
 *
 * Prints one JSON line: { pages, errors, startedAt, endedAt, cpuSeconds, peakRssMb }.
 *
 * Crawlee is installed in bench/node_modules (bench/package.json), not in the project's
 * dependencies, so it is imported by a computed name and typed by the small interface below,
 * written from the typings of @crawlee/cheerio 3.18 (CheerioCrawler, CheerioCrawlerOptions,
 * InternalHttpCrawlingContext.body, Configuration, log.LEVELS).
 */
import { readFileSync } from 'node:fs';
import type { BoxScore } from '../../src/domain/box-score.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { openStore } from '../../src/store/open-store.ts';
import { printChildResult } from '../lib/run-process.ts';
import type { BoxScoreItem } from '../lib/site.ts';

interface CrawleeRequest {
  url: string;
  uniqueKey: string;
  userData: BoxScoreItem;
}
interface CrawleeContext {
  request: { url: string; loadedUrl?: string; userData: BoxScoreItem };
  body: string | Buffer;
  response: { statusCode?: number };
}
interface CrawleeCheerio {
  CheerioCrawler: new (
    options: {
      minConcurrency: number;
      maxConcurrency: number;
      maxRequestRetries: number;
      requestHandlerTimeoutSecs: number;
      navigationTimeoutSecs: number;
      statusMessageLoggingInterval: number;
      requestHandler: (ctx: CrawleeContext) => Promise<void>;
      failedRequestHandler: (ctx: CrawleeContext, error: Error) => Promise<void>;
    },
    config: unknown,
  ) => { run(requests: CrawleeRequest[]): Promise<{ requestsFinished: number; requestsFailed: number }> };
  Configuration: new (options: { persistStorage: boolean; purgeOnStart: boolean }) => unknown;
  log: { setLevel(level: number): void; LEVELS: { OFF: number } };
}

const args = JSON.parse(process.argv[2] ?? '{}') as {
  baseUrl: string;
  storeDir: string;
  concurrency: number;
  itemsFile: string;
};
const items = JSON.parse(readFileSync(args.itemsFile, 'utf8')) as BoxScoreItem[];
const moduleName = '@crawlee/cheerio';
const { CheerioCrawler, Configuration, log } = (await import(moduleName)) as CrawleeCheerio;
log.setLevel(log.LEVELS.OFF);

const store = await openStore(`file://${args.storeDir}`);
const site = DEFAULT_SOURCE;
let pages = 0;
let errors = 0;

const crawler = new CheerioCrawler(
  {
    minConcurrency: args.concurrency,
    maxConcurrency: args.concurrency,
    maxRequestRetries: 0,
    requestHandlerTimeoutSecs: 60,
    navigationTimeoutSecs: 30,
    statusMessageLoggingInterval: 3_600,
    async requestHandler({ request, body, response }) {
      const html = typeof body === 'string' ? body : body.toString('utf8');
      const item = request.userData;
      // The same steps as processBoxScore: archive, block-page check, parse, upsert.
      await store.archivePage({
        url: request.loadedUrl ?? request.url,
        fetchedAt: new Date(),
        status: response.statusCode ?? 200,
        body: html,
        season: item.season,
        kind: 'boxscore',
      });
      const box: BoxScore = site.parseBoxScore(html, item.gameId);
      await store.upsertBoxScore(box);
      pages++;
    },
    async failedRequestHandler({ request }, error) {
      errors++;
      process.stderr.write(`${request.url}: ${error.message}\n`);
    },
  },
  new Configuration({ persistStorage: false, purgeOnStart: true }),
);

const cpu0 = process.cpuUsage();
const startedAt = Date.now();
await crawler.run(
  items.map((item) => ({ url: `${args.baseUrl}${item.path}`, uniqueKey: item.gameId, userData: item })),
);
const endedAt = Date.now();
await store.close();
printChildResult({ pages, errors, startedAt, endedAt }, cpu0);
// Crawlee leaves timers behind (system-status snapshots, event manager).
process.exit(0);
