/**
 * Crawlee on the same pages, at the same concurrency (pinned: min = max), with the same per-page
 * work in its request handler: archive the raw body in our store, parse it with OUR parser, then
 * upsert the box score or the totals, or replace a season-level page's rows (dataset/season-pages.ts).
 * Two crawlers: `cheerio` is CheerioCrawler (@crawlee/cheerio), which also builds a cheerio DOM of
 * every page that the handler never reads; `http` is HttpCrawler (@crawlee/http), the same HTTP
 * stack without a DOM, the fair comparison. Crawlee's own retries are off, its storage in memory,
 * its logging off.
 *
 *   node bench/contenders/crawlee.ts '<json: {baseUrl, storeDir, concurrency, itemsFile, crawler}>'
 *
 * Prints one JSON line: { pages, errors, startedAt, endedAt, cpuSeconds, peakRssMb }.
 *
 * Crawlee is installed in bench/node_modules (bench/package.json), not in the project's
 * dependencies, so it is imported by a computed name and typed by the small interface below,
 * written from the typings of @crawlee/cheerio and @crawlee/http 3.18 (CheerioCrawler,
 * HttpCrawler, their options, InternalHttpCrawlingContext.body, Configuration, log.LEVELS).
 */
import { readFileSync } from 'node:fs';
import { SEASON_PAGES } from '../../src/dataset/season-pages.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { openStore } from '../../src/store/open-store.ts';
import { printChildResult } from '../lib/run-process.ts';
import type { CrawlItem } from '../lib/site.ts';

interface CrawleeRequest {
  url: string;
  uniqueKey: string;
  userData: CrawlItem;
}
interface CrawleeContext {
  request: { url: string; loadedUrl?: string; userData: CrawlItem };
  body: string | Buffer;
  response: { statusCode?: number };
}
type CrawlerClass = new (
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
interface CrawleeModule {
  CheerioCrawler?: CrawlerClass;
  HttpCrawler?: CrawlerClass;
  Configuration: new (options: { persistStorage: boolean; purgeOnStart: boolean }) => unknown;
  log: { setLevel(level: number): void; LEVELS: { OFF: number } };
}

const args = JSON.parse(process.argv[2] ?? '{}') as {
  baseUrl: string;
  storeDir: string;
  concurrency: number;
  itemsFile: string;
  crawler: 'cheerio' | 'http';
};
const items = JSON.parse(readFileSync(args.itemsFile, 'utf8')) as CrawlItem[];
const moduleName = args.crawler === 'http' ? '@crawlee/http' : '@crawlee/cheerio';
const crawlee = (await import(moduleName)) as CrawleeModule;
const Crawler = args.crawler === 'http' ? crawlee.HttpCrawler : crawlee.CheerioCrawler;
if (!Crawler) throw new Error(`${moduleName} has no ${args.crawler} crawler`);
crawlee.log.setLevel(crawlee.log.LEVELS.OFF);

const store = await openStore(`file://${args.storeDir}`);
const site = DEFAULT_SOURCE;
let pages = 0;
let errors = 0;

const crawler = new Crawler(
  {
    minConcurrency: args.concurrency,
    maxConcurrency: args.concurrency,
    maxRequestRetries: 0,
    requestHandlerTimeoutSecs: 60,
    navigationTimeoutSecs: 30,
    statusMessageLoggingInterval: 3_600,
    async requestHandler({ request, body, response }) {
      // The same steps as our jobs (fetch-page.ts, then the processor): archive the bytes, then
      // hand the parser the body as it came (bytes: it decodes only what it reads), store.
      const item = request.userData;
      await store.archivePage({
        url: request.loadedUrl ?? request.url,
        fetchedAt: new Date(),
        status: response.statusCode ?? 200,
        body,
        season: item.season,
        kind: item.kind,
      });
      if (item.kind === 'boxscore') {
        await store.upsertBoxScore(site.parseBoxScore(body, item.gameId!));
      } else if (item.kind === 'totals') {
        if (!site.parsePlayerTotals) throw new Error(`source ${site.id} has no player totals pages`);
        await store.upsertPlayerTotals(item.season, site.parsePlayerTotals(body, item.season));
      } else {
        await SEASON_PAGES[item.kind].store(store, site, item.season, body, item.team);
      }
      pages++;
    },
    async failedRequestHandler({ request }, error) {
      errors++;
      process.stderr.write(`${request.url}: ${error.message}\n`);
    },
  },
  new crawlee.Configuration({ persistStorage: false, purgeOnStart: true }),
);

const cpu0 = process.cpuUsage();
const startedAt = Date.now();
await crawler.run(
  items.map((item) => ({ url: `${args.baseUrl}${item.path}`, uniqueKey: item.path, userData: item })),
);
const endedAt = Date.now();
await store.close();
printChildResult({ pages, errors, startedAt, endedAt }, cpu0);
// Crawlee leaves timers behind (system-status snapshots, event manager).
process.exit(0);
