/**
 * The replay site: a local stand-in for basketball-reference.com on 127.0.0.1. It serves
 * generated seasons (schedule, box score and totals pages), real saved pages from a fixtures
 * folder at their real paths, a 404 page for everything else, and control endpoints under
 * `/__replay/` (ground truth, clock, faults, stats). Rendered pages are cached in a bounded LRU.
 *
 * Request path: stats -> rate limit -> per-request fault (latency, 5xx, reset) -> page
 * (generated, else fixture, else 404) -> layout fault -> body fault (truncated, slow, reset).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pino } from 'pino';
import type { BoxScore } from '../../domain/box-score.ts';
import type { PlayerSeasonTotals } from '../../domain/player-totals.ts';
import type { Logger } from '../../log/logger.ts';
import { createSiteContent, type SeasonGroundTruth, type SiteContent } from './content.ts';
import {
  breakLayout,
  decideFault,
  type FaultConfig,
  type FaultDecision,
  layoutBroken,
  type NormalisedFaults,
  noFaults,
  normaliseFaults,
} from './faults.ts';
import { FixtureIndex } from './fixtures-index.ts';
import { ByteLru } from './lru.ts';
import { RateLimiter } from './rate-limit.ts';
import {
  render404Page,
  renderBlockPage,
  renderRateLimitPage,
  renderServerErrorPage,
} from './render-errors.ts';
import { nowMs, type ReplayStatsSnapshot, RequestStats, type StatsQuery } from './request-stats.ts';
import { type PageKind, parsePagePath } from './routes.ts';

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

export interface ReplaySite {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections. Idempotent. */
  close(): Promise<void>;
  stats(query?: StatsQuery): ReplayStatsSnapshot;
  resetStats(): void;
  /** Replaces the fault configuration (null = none). Throws RangeError on a bad configuration. */
  setFaults(faults: FaultConfig | null): void;
  faults(): NormalisedFaults;
  /** Played games of a generated season whose box score pages the layout fault breaks. */
  permanentFaults(season: number): string[];
  /** Moves the clock (null = every game played). Throws RangeError on a malformed date. */
  setAsOf(asOf: string | null): void;
  asOf(): string | null;
  /** What `GET /__replay/seasons/<year>/games.json` returns. */
  groundTruth(season: number): SeasonGroundTruth;
  /** The BoxScore a parser should read from a played game's page, or null. */
  boxScore(gameId: string): BoxScore | null;
  /** The records a parser should read from `/leagues/NBA_<Y>_totals.html`. */
  playerTotals(season: number): PlayerSeasonTotals[];
}

const HTML = 'text/html; charset=UTF-8';
const NO_FAULT: FaultDecision = { type: 'none', latencyMs: 0 };
const JSON_TYPE = 'application/json; charset=utf-8';

interface Answer {
  status: number;
  body: Buffer;
  fault: string | null;
  headers?: Record<string, string>;
}

function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function clientOf(req: IncomingMessage): string {
  const tag = req.headers['x-replay-client'];
  const value = Array.isArray(tag) ? tag[0] : tag;
  return value ? `${remoteAddress(req)} ${value}` : remoteAddress(req);
}

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RangeError('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Timers of delayed work; on close each one runs at once (and sees the site closed). */
type Pending = Map<NodeJS.Timeout, () => void>;

function later(pending: Pending, ms: number, fn: () => void): void {
  const t = setTimeout(() => {
    pending.delete(t);
    fn();
  }, ms);
  pending.set(t, fn);
}

function sleep(ms: number, pending: Pending): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => later(pending, ms, resolve));
}

export async function createReplaySite(opts: ReplaySiteOptions = {}): Promise<ReplaySite> {
  const log = (opts.logger ?? pino({ level: 'silent' })).child({ component: 'replay-site' });
  const content: SiteContent = createSiteContent({ seasons: opts.seasons ?? [], asOf: opts.asOf ?? null });
  const fixtures = new FixtureIndex(opts.fixturesDir ?? null);
  const cache = new ByteLru(opts.cacheBytes ?? 256 * 1024 * 1024);
  const stats = new RequestStats(opts.logLimit ?? 200_000);
  const timers: Pending = new Map();
  let faults = normaliseFaults(opts.faults ?? null);
  let limiter = faults.rateLimit ? new RateLimiter(faults.rateLimit) : null;
  let attempts = new Map<string, number>();
  let closed = false;

  const setFaults = (next: FaultConfig | null): void => {
    faults = normaliseFaults(next);
    limiter = faults.rateLimit ? new RateLimiter(faults.rateLimit) : null;
    attempts = new Map();
    log.info({ faults: noFaults(faults) ? 'none' : faults }, 'faults set');
  };

  const setAsOf = (asOf: string | null): void => {
    content.setAsOf(asOf);
    cache.clear();
    log.info({ asOf }, 'clock set');
  };

  const cached = (key: string, render: () => string): Buffer => {
    const hit = cache.get(key);
    if (hit) return hit;
    const body = Buffer.from(render(), 'utf8');
    cache.set(key, body);
    return body;
  };

  const notFound = (): Answer => ({
    status: 404,
    body: cached(`${content.version()}|404`, () => render404Page('')),
    fault: null,
  });

  /** The page for a path (generated first, then fixtures, then 404), with the layout fault. */
  const page = (url: string): Answer => {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const wantsCapture = q >= 0 && new URLSearchParams(url.slice(q + 1)).has('capture');
    if (!wantsCapture) {
      const generated = content.lookup(path);
      if (generated?.type === 'page') {
        const key = `${content.version()}|${path}`;
        const gameId = generated.gameId;
        if (gameId !== null && layoutBroken(faults, gameId)) {
          const variant = faults.layoutChange.variant;
          return {
            status: 200,
            body: cached(`${key}|layout:${variant}`, () =>
              breakLayout(cached(key, generated.render).toString('utf8'), variant),
            ),
            fault: 'layout',
          };
        }
        return { status: 200, body: cached(key, generated.render), fault: null };
      }
      if (generated?.type === 'missing') return notFound();
    }
    const fixture = fixtures.find(url);
    if (fixture) return { status: 200, body: fixture.body, fault: null };
    return notFound();
  };

  const sendJson = (res: ServerResponse, status: number, value: unknown): void => {
    const body = Buffer.from(JSON.stringify(value), 'utf8');
    res.writeHead(status, {
      'content-type': JSON_TYPE,
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  };

  const control = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const p = url.pathname;
    try {
      if (p === '/__replay/health' && method === 'GET') {
        return sendJson(res, 200, {
          ok: true,
          seasons: content.seasons,
          asOf: content.asOf(),
          fixtures: fixtures.size,
        });
      }
      if (p === '/__replay/stats' && method === 'GET') {
        const q = url.searchParams;
        const num = (k: string): number | undefined => (q.has(k) ? Number(q.get(k)) : undefined);
        return sendJson(
          res,
          200,
          stats.snapshot({
            log: q.get('log') !== '0' && q.get('log') !== 'false',
            since: num('since'),
            client: q.get('client') ?? undefined,
            limit: num('limit'),
          }),
        );
      }
      if (p === '/__replay/stats/reset' && method === 'POST') {
        stats.reset();
        return sendJson(res, 200, { ok: true });
      }
      if (p === '/__replay/seasons' && method === 'GET')
        return sendJson(res, 200, { seasons: content.seasons });
      let m = /^\/__replay\/seasons\/(\d{4})\/games\.json$/.exec(p);
      if (m && method === 'GET') {
        const season = Number(m[1]);
        if (!content.seasons.includes(season))
          return sendJson(res, 404, { error: `season ${season} is not generated` });
        return sendJson(res, 200, content.groundTruth(season));
      }
      m = /^\/__replay\/seasons\/(\d{4})\/totals\.json$/.exec(p);
      if (m && method === 'GET') {
        const season = Number(m[1]);
        if (!content.seasons.includes(season))
          return sendJson(res, 404, { error: `season ${season} is not generated` });
        return sendJson(res, 200, content.playerTotals(season));
      }
      m = /^\/__replay\/boxscores\/(\w+)\.json$/.exec(p);
      if (m && method === 'GET') {
        const box = content.boxScore(m[1]!);
        return box
          ? sendJson(res, 200, box)
          : sendJson(res, 404, { error: `no played generated game ${m[1]}` });
      }
      if (p === '/__replay/clock') {
        if (method === 'GET') return sendJson(res, 200, { asOf: content.asOf() });
        if (method === 'POST' || method === 'PUT') {
          let asOf = url.searchParams.get('asOf');
          if (asOf === null) {
            const raw = (await readBody(req)).trim();
            if (raw !== '')
              asOf = ((JSON.parse(raw) as { asOf?: string | null }).asOf ?? null) as string | null;
          }
          setAsOf(asOf === '' ? null : asOf);
          return sendJson(res, 200, { asOf: content.asOf() });
        }
        if (method === 'DELETE') {
          setAsOf(null);
          return sendJson(res, 200, { asOf: null });
        }
      }
      if (p === '/__replay/faults') {
        if (method === 'GET') return sendJson(res, 200, faults);
        if (method === 'POST' || method === 'PUT') {
          const raw = (await readBody(req)).trim();
          setFaults(raw === '' ? null : (JSON.parse(raw) as FaultConfig | null));
          return sendJson(res, 200, faults);
        }
        if (method === 'DELETE') {
          setFaults(null);
          return sendJson(res, 200, faults);
        }
      }
      if (p === '/__replay/faults/permanent' && method === 'GET') {
        const season = Number(url.searchParams.get('season'));
        if (!content.seasons.includes(season))
          return sendJson(res, 404, { error: `season ${season} is not generated` });
        return sendJson(res, 200, { season, gameIds: permanentFaults(season) });
      }
      if (p === '/__replay/cache' && method === 'GET') return sendJson(res, 200, cache.stats());
      return sendJson(res, 404, { error: `no control endpoint ${method} ${p}` });
    } catch (err) {
      if (err instanceof RangeError || err instanceof SyntaxError)
        return sendJson(res, 400, { error: err.message });
      throw err;
    }
  };

  const permanentFaults = (season: number): string[] =>
    faults.layoutChange.rate > 0
      ? content
          .playedGames(season)
          .filter((g) => layoutBroken(faults, g.gameId))
          .map((g) => g.gameId)
      : [];

  /**
   * Writes an answer, possibly damaged by the fault decision. `record` is told the status and
   * fault to log before the connection ends (a reset is logged as status 0).
   */
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    answer: Answer,
    decision: FaultDecision,
    record: (status: number, fault: string | null) => void,
  ): Promise<void> => {
    const head = req.method === 'HEAD';
    const headers: Record<string, string | number> = {
      'content-type': HTML,
      'content-length': answer.body.length,
      ...answer.headers,
    };
    const fault = decision.type === 'none' ? answer.fault : decision.type;
    if (fault) headers['x-replay-fault'] = fault;
    const socket = res.socket as Socket | null;
    if (decision.type === 'none' || head) {
      record(answer.status, fault);
      res.writeHead(answer.status, headers);
      res.end(head ? undefined : answer.body);
      return Promise.resolve();
    }
    if (decision.type === 'truncated' || (decision.type === 'reset' && decision.phase === 'mid-body')) {
      const cut =
        decision.type === 'truncated'
          ? Math.floor(answer.body.length * decision.fraction)
          : Math.floor(answer.body.length / 2);
      res.writeHead(answer.status, headers);
      return new Promise((resolve) => {
        res.write(answer.body.subarray(0, cut), () => {
          if (decision.type === 'truncated') {
            record(answer.status, fault);
            socket?.destroySoon();
            resolve();
            return;
          }
          // Let the client read what was sent, then reset (RST): an abrupt end, not a close.
          later(timers, 25, () => {
            record(0, fault);
            socket?.resetAndDestroy();
            resolve();
          });
        });
      });
    }
    if (decision.type === 'slow-body') {
      record(answer.status, fault);
      res.writeHead(answer.status, headers);
      res.flushHeaders();
      const chunks = Math.max(1, Math.min(decision.chunks, answer.body.length));
      const size = Math.ceil(answer.body.length / chunks);
      const gap = decision.durationMs / chunks;
      return new Promise((resolve) => {
        let i = 0;
        const step = (): void => {
          if (res.destroyed || closed) {
            resolve();
            return;
          }
          const part = answer.body.subarray(i * size, (i + 1) * size);
          i++;
          if (i >= chunks) {
            res.end(part);
            resolve();
            return;
          }
          res.write(part);
          later(timers, gap, step);
        };
        step();
      });
    }
    // Unreachable: reset before headers and server errors are answered before the page is made.
    record(answer.status, fault);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
    return Promise.resolve();
  };

  const handlePage = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: string,
    arrival: number,
  ): Promise<void> => {
    const kind: PageKind = parsePagePath(url).kind;
    const client = clientOf(req);
    const rec = stats.begin(arrival, client, req.method ?? 'GET', url, kind);
    let outcome: [number, string | null] | null = null;
    const record = (status: number, fault: string | null): void => {
      outcome = [status, fault];
    };
    res.once('close', () => {
      // Without a recorded outcome the client went away before the answer.
      stats.end(rec, outcome ? outcome[0] : 0, outcome ? outcome[1] : 'client-closed');
    });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const body = Buffer.from('method not allowed\n');
      res.writeHead(405, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': body.length,
        allow: 'GET, HEAD',
      });
      record(405, null);
      res.end(body);
      return;
    }
    const limits = faults.rateLimit;
    if (limiter && limits) {
      const verdict = limiter.check(limits.by === 'client' ? client : remoteAddress(req), arrival);
      if (verdict.verdict === 'blocked') {
        if (verdict.newlyBlocked) log.warn({ client, untilMs: verdict.untilMs }, 'client blocked');
        const minutes = Math.max(1, Math.ceil((verdict.untilMs - arrival) / 60_000));
        const body = Buffer.from(renderBlockPage(minutes));
        await send(req, res, { status: limits.blockStatus, body, fault: 'blocked' }, NO_FAULT, record);
        return;
      }
      if (verdict.verdict === 'limited') {
        const body = Buffer.from(renderRateLimitPage(verdict.retryAfterSeconds));
        const headers = { 'retry-after': String(verdict.retryAfterSeconds) };
        await send(req, res, { status: 429, body, fault: 'rate-limited', headers }, NO_FAULT, record);
        return;
      }
    }
    const attempt = (attempts.get(url) ?? 0) + 1;
    // Bounded: a client requesting endless distinct URLs restarts every count (rarely matters).
    if (attempts.size >= 1_000_000) attempts = new Map();
    attempts.set(url, attempt);
    const decision = decideFault(faults, kind, url, attempt);
    await sleep(decision.latencyMs, timers);
    if (closed || res.destroyed) return;
    if (decision.type === 'reset' && decision.phase === 'before-headers') {
      record(0, 'reset');
      (req.socket as Socket).resetAndDestroy();
      return;
    }
    if (decision.type === 'server-error') {
      const headers: Record<string, string> = {};
      if (decision.status === 503 && faults.serverErrors.retryAfterSeconds !== null) {
        headers['retry-after'] = String(faults.serverErrors.retryAfterSeconds);
      }
      const body = Buffer.from(renderServerErrorPage(decision.status));
      await send(
        req,
        res,
        { status: decision.status, body, fault: 'server-error', headers },
        NO_FAULT,
        record,
      );
      return;
    }
    let answer: Answer;
    try {
      answer = page(url);
    } catch (err) {
      log.error({ err, url }, 'page generation failed');
      answer = { status: 500, body: Buffer.from(renderServerErrorPage(500)), fault: null };
    }
    await send(req, res, answer, decision, record);
  };

  const server: Server = createServer(
    { keepAlive: true, noDelay: true, keepAliveTimeout: 65_000 },
    (req, res) => {
      const arrival = nowMs();
      const raw = req.url ?? '/';
      if (raw.startsWith('/__replay/')) {
        control(req, res, new URL(raw, 'http://127.0.0.1')).catch((err: unknown) => {
          log.error({ err }, 'control endpoint failed');
          if (!res.headersSent) sendJson(res, 500, { error: String(err) });
          else res.destroy();
        });
        return;
      }
      handlePage(req, res, raw, arrival).catch((err: unknown) => {
        log.error({ err, url: raw }, 'request failed');
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('internal error\n');
        } else res.destroy();
      });
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
        closed = true;
        for (const [t, fn] of [...timers]) {
          clearTimeout(t);
          timers.delete(t);
          fn();
        }
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        log.info({ url }, 'replay site closed');
      })();
      return closing;
    },
    stats: (query) => stats.snapshot(query),
    resetStats: () => stats.reset(),
    setFaults,
    faults: () => faults,
    permanentFaults,
    setAsOf,
    asOf: () => content.asOf(),
    groundTruth: (season) => content.groundTruth(season),
    boxScore: (gameId) => content.boxScore(gameId),
    playerTotals: (season) => content.playerTotals(season),
  };
}
