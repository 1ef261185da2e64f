/**
 * The replay site: a local stand-in for basketball-reference.com on 127.0.0.1. It serves
 * generated seasons (schedule, box score and totals pages), real saved pages from a fixtures
 * folder at their real paths, a 404 page for everything else, and control endpoints under
 * `/__replay/` (ground truth, clock, faults, stats). This file assembles the parts:
 *
 * - control-routes.ts: the `/__replay/` endpoints;
 * - page-requests.ts: the way of a page request, which goes through
 *   rate-gate.ts (429 and block pages), live-faults.ts (the faults in force, per-request fault
 *   decisions), page-resolver.ts (generated page, else fixture, else 404, cached) and
 *   fault-writer.ts (truncated, slow and reset bodies);
 * - delayed-work.ts: latency and trickled bodies, cut short when the site closes.
 */
import { createServer, type Server } from 'node:http';
import { pino } from 'pino';
import type { Logger } from '../../log/logger.ts';
import { createSiteContent } from './content.ts';
import { type ReplayOperations, serveControl } from './control-routes.ts';
import { DelayedWork } from './delayed-work.ts';
import { type FaultConfig, layoutBroken } from './faults.ts';
import { FixtureIndex } from './fixtures-index.ts';
import { LiveFaults } from './live-faults.ts';
import { servePage } from './page-requests.ts';
import { PageResolver } from './page-resolver.ts';
import { nowMs, RequestStats } from './request-stats.ts';

export interface ReplaySiteOptions {
  /** Seasons to generate, named by the year they end in (2018 = 2017-18). Default none. */
  seasons?: readonly number[];
  /** Folder of real saved pages served at their real paths. Default none. */
  fixturesDir?: string | null;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Parent logger; the site logs as `component: replay-site`. Default: silent. */
  logger?: Logger;
  /** ISO date: games after it are listed as not played yet. Default: every game is played. */
  asOf?: string | null;
  /** Fault injection (plain JSON, see faults.ts). Default none. */
  faults?: FaultConfig | null;
  /** Bytes of rendered pages kept in memory. Default 256 MiB. */
  cacheBytes?: number;
  /** Request log entries kept for `stats()`. Default 200000. */
  logLimit?: number;
}

/** A running replay site; its operations (stats, faults, clock, ground truth) are in ReplayOperations. */
export interface ReplaySite extends ReplayOperations {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections. Idempotent. */
  close(): Promise<void>;
}

export async function createReplaySite(opts: ReplaySiteOptions = {}): Promise<ReplaySite> {
  const log = (opts.logger ?? pino({ level: 'silent' })).child({ component: 'replay-site' });
  const content = createSiteContent({ seasons: opts.seasons ?? [], asOf: opts.asOf ?? null });
  const fixtures = new FixtureIndex(opts.fixturesDir ?? null);
  const pages = new PageResolver(content, fixtures, opts.cacheBytes ?? 256 * 1024 * 1024);
  const stats = new RequestStats(opts.logLimit ?? 200_000);
  const faults = new LiveFaults(opts.faults ?? null, log);
  const work = new DelayedWork();

  const operations: ReplayOperations = {
    stats: (query) => stats.snapshot(query),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.set(next),
    faults: () => faults.config,
    permanentFaults: (season) =>
      faults.config.layoutChange.rate > 0
        ? content
            .playedGames(season)
            .filter((g) => layoutBroken(faults.config, g.gameId))
            .map((g) => g.gameId)
        : [],
    setAsOf(asOf) {
      content.setAsOf(asOf);
      pages.clear();
      log.info({ asOf }, 'clock set');
    },
    asOf: () => content.asOf(),
    groundTruth: (season) => content.groundTruth(season),
    boxScore: (gameId) => content.boxScore(gameId),
    playerTotals: (season) => content.playerTotals(season),
    standings: (season) => content.seasonPage('summary', season),
    teamSeasons: (season) => content.teamPages(season),
    playerAdvanced: (season) => content.seasonPage('advanced', season),
    draft: (season) => content.seasonPage('draft', season),
    awards: (season) => content.seasonPage('awards', season),
  };
  const control = {
    ...operations,
    seasons: content.seasons,
    fixtureCount: fixtures.size,
    cacheStats: () => pages.cacheStats(),
  };
  const parts = { stats, faults, pages, work, log };

  const server: Server = createServer(
    { keepAlive: true, noDelay: true, keepAliveTimeout: 65_000 },
    (req, res) => {
      const arrival = nowMs();
      const raw = req.url ?? '/';
      if (raw.startsWith('/__replay/')) serveControl(req, res, raw, control, log);
      else servePage(req, res, raw, arrival, parts);
    },
  );
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  log.info(
    { url, seasons: content.seasons, fixtures: fixtures.size, asOf: content.asOf() },
    'replay site listening',
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        work.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        log.info({ url }, 'replay site closed');
      })();
      return closing;
    },
    ...operations,
  };
}
