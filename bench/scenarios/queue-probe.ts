/**
 * A worker process for the queue-overhead scenario (started by queue-overhead.ts over IPC). It is
 * wired like `nba-scraper worker` (src/app/worker-app.ts): the BullMQ worker service with the
 * configured lock and stalled settings, the source fetcher (hold checks in Redis, the breaker,
 * the unlimited politeness budget), metrics, and pino logs on stdout — except that the page
 * itself costs nothing: the HTTP client returns a fixed small page at once, the parser returns a
 * box score parsed once at start, and the store keeps nothing. What it spends per job is then
 * the queue's and our job plumbing's own cost.
 *
 * IPC: sends `ready`; on `start` (with the number of jobs to time) takes the CPU and round-trip
 * readings and answers `started`; sends `done` after each completed job, and `finished` with the
 * CPU seconds and the round trips by command once that many jobs completed.
 */
import { hostname } from 'node:os';
import { loadConfig } from '../../src/config.ts';
import { createHostBudget } from '../../src/fetch/host-budget.ts';
import { breakerSettings } from '../../src/fetch/host-fetcher.ts';
import { createHostProtection } from '../../src/fetch/host-protection.ts';
import { createHostStateStore } from '../../src/fetch/host-state.ts';
import type { PageFetcher } from '../../src/fetch/http-client.ts';
import { createSourceFetcher } from '../../src/fetch/source-fetcher.ts';
import { createSiteContent } from '../../src/local/replay/content.ts';
import { createLogger } from '../../src/log/logger.ts';
import { instrumentSite, instrumentStore } from '../../src/metrics/instrument.ts';
import { createMetricsRegistry } from '../../src/metrics/registry.ts';
import { createWorkerMetrics } from '../../src/metrics/worker-metrics.ts';
import { queueName } from '../../src/queue/queues.ts';
import { startWorkerService } from '../../src/queue/worker-service.ts';
import { createRedis, standaloneTarget } from '../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import type { SourceSite } from '../../src/sources/source.ts';
import type { Store } from '../../src/store/store.ts';
import { installRoundTripCounter, roundTripDelta, roundTrips } from '../lib/round-trips.ts';

installRoundTripCounter();

const concurrency = Number(process.argv[2] ?? '1');
const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel });
const target = standaloneTarget(config.redisUrl!);
const connection = createRedis(target, 'worker');
const limiterConnection = createRedis(target, 'worker');

// One real box score, parsed once: the "parser" hands it out again for every job.
const content = createSiteContent({ seasons: [2018] });
const game = content.playedGames(2018)[0]!;
const found = content.lookup(`/boxscores/${game.gameId}.html`);
if (found?.type !== 'page') throw new Error('no generated box score page');
const box = DEFAULT_SOURCE.parseBoxScore(found.render(), game.gameId);
const site: SourceSite = { ...DEFAULT_SOURCE, parseBoxScore: () => box };

const http: PageFetcher = {
  host: new URL(config.sourceBaseUrl).host,
  async fetch(path) {
    const body = '<html><body>stub</body></html>';
    const url = `${config.sourceBaseUrl}${path}`;
    const raw = Buffer.from(body);
    return {
      url,
      status: 200,
      raw,
      text: () => body,
      // A slice of Node's buffer pool, as real small bodies are: nothing to free.
      release: () => {},
      bytes: raw.length,
      durationMs: 0,
      fetchedAt: new Date(),
    };
  },
  close() {},
};
const noop = async (): Promise<void> => {};
const store = { kind: 'file', archivePage: noop, upsertBoxScore: noop, close: noop } as unknown as Store;

const metrics = createWorkerMetrics(createMetricsRegistry('worker'));
metrics.init({
  queue: queueName(site.id),
  host: http.host,
  concurrency,
  lockDurationMs: config.lockDurationMs,
});
const budget = await createHostBudget({
  host: http.host,
  requestsPerMinute: null,
  redis: limiterConnection,
  prefix: config.queuePrefix,
});
const protection = createHostProtection({
  host: http.host,
  hostState: createHostStateStore(connection, config.queuePrefix),
  breaker: breakerSettings(config),
  blockBackoffMs: config.blockBackoffMs,
  logger,
  onBreakerChange: (h, state) => metrics.breakerChanged(h, state),
});
const fetcher = createSourceFetcher({ http, budget, protection, observer: metrics.fetchObserver });
const service = startWorkerService({
  config,
  logger,
  site: instrumentSite(site, metrics),
  fetcher,
  store: instrumentStore(store, metrics),
  connection,
  observer: metrics,
  hostBlocked: (err) => protection.holdOff(err),
  concurrency,
  name: `${hostname()}:${process.pid}`,
  globalConcurrency: null,
});
await service.ready();

let target_ = 0;
let done = 0;
let cpu0 = process.cpuUsage();
let trips0 = roundTrips();
service.worker.on('completed', () => {
  done++;
  process.send?.({ t: 'done' });
  if (done === target_) {
    const cpu = process.cpuUsage(cpu0);
    const trips = Object.fromEntries(roundTripDelta(trips0, roundTrips()));
    process.send?.({ t: 'finished', cpuSeconds: (cpu.user + cpu.system) / 1e6, trips });
  }
});
process.on('message', (msg: { t: string; jobs?: number }) => {
  if (msg.t === 'start') {
    target_ = msg.jobs ?? 0;
    done = 0;
    cpu0 = process.cpuUsage();
    trips0 = roundTrips();
    process.send?.({ t: 'started' });
  } else if (msg.t === 'stop') {
    void service.close(1_000).finally(() => {
      fetcher.close();
      connection.disconnect();
      limiterConnection.disconnect();
      process.exit(0);
    });
  }
});
process.send?.({ t: 'ready' });
