/**
 * The control endpoints under `/__replay/`: health, request stats, generated seasons and their
 * ground truth (games, totals, box scores, standings, team pages, advanced stats, draft, awards:
 * 404 while the site does not show the page), the clock, the fault configuration and the games it
 * breaks for good, and the page cache. JSON in and out; a bad clock or fault configuration is a
 * 400, an unknown endpoint a 404. These requests are not counted in the request stats.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AwardEntry } from '../../domain/awards.ts';
import type { BoxScore } from '../../domain/box-score.ts';
import type { DraftPick } from '../../domain/draft.ts';
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { PlayerSeasonTotals } from '../../domain/player-totals.ts';
import type { StandingsRow } from '../../domain/standings.ts';
import type { TeamSeasonPage } from '../../domain/team-season.ts';
import type { Logger } from '../../log/logger.ts';
import type { SeasonGroundTruth } from './content.ts';
import type { FaultConfig, NormalisedFaults } from './faults.ts';
import type { CacheStats } from './page-resolver.ts';
import type { ReplayStatsSnapshot, StatsQuery } from './request-stats.ts';

/**
 * The operations of a running replay site: the endpoints offer them over HTTP, and ReplaySite
 * (replay-site.ts) offers them in process.
 */
export interface ReplayOperations {
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
  /** The records of `/leagues/NBA_<Y>.html` (standings); null before a game is played. */
  standings(season: number): StandingsRow[] | null;
  /** The records of each team page `/teams/<TEAM>/<Y>.html`; none before a game is played. */
  teamSeasons(season: number): TeamSeasonPage[];
  /** The records of `/leagues/NBA_<Y>_advanced.html`; null before a game is played. */
  playerAdvanced(season: number): PlayerAdvanced[] | null;
  /** The records of `/draft/NBA_<Y>.html`; null until every game is played. */
  draft(season: number): DraftPick[] | null;
  /** The records of `/awards/awards_<Y>.html`; null until every game is played. */
  awards(season: number): AwardEntry[] | null;
}

/** `GET /__replay/seasons/<year>/<name>.json`: what each name answers. */
const SEASON_TRUTHS: Readonly<Record<string, (site: ReplayOperations, season: number) => unknown>> = {
  games: (site, season) => site.groundTruth(season),
  totals: (site, season) => site.playerTotals(season),
  standings: (site, season) => site.standings(season),
  teams: (site, season) => site.teamSeasons(season),
  advanced: (site, season) => site.playerAdvanced(season),
  draft: (site, season) => site.draft(season),
  awards: (site, season) => site.awards(season),
};

/** What the endpoints read and change: the site's operations, plus a few counts. */
export interface ControlTarget extends ReplayOperations {
  readonly seasons: readonly number[];
  readonly fixtureCount: number;
  cacheStats(): CacheStats;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
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

/** Answers a request under `/__replay/`. Never rejects: a failure is logged and answered 500. */
export function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  rawUrl: string,
  target: ControlTarget,
  log: Logger,
): void {
  control(req, res, new URL(rawUrl, 'http://127.0.0.1'), target).catch((err: unknown) => {
    log.error({ err }, 'control endpoint failed');
    if (!res.headersSent) sendJson(res, 500, { error: String(err) });
    else res.destroy();
  });
}

async function control(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  site: ControlTarget,
): Promise<void> {
  const method = req.method ?? 'GET';
  const p = url.pathname;
  const unknownSeason = (season: number): boolean => {
    if (site.seasons.includes(season)) return false;
    sendJson(res, 404, { error: `season ${season} is not generated` });
    return true;
  };
  try {
    if (p === '/__replay/health' && method === 'GET') {
      return sendJson(res, 200, {
        ok: true,
        seasons: site.seasons,
        asOf: site.asOf(),
        fixtures: site.fixtureCount,
      });
    }
    if (p === '/__replay/stats' && method === 'GET') {
      const q = url.searchParams;
      const num = (k: string): number | undefined => (q.has(k) ? Number(q.get(k)) : undefined);
      return sendJson(
        res,
        200,
        site.stats({
          log: q.get('log') !== '0' && q.get('log') !== 'false',
          since: num('since'),
          client: q.get('client') ?? undefined,
          limit: num('limit'),
        }),
      );
    }
    if (p === '/__replay/stats/reset' && method === 'POST') {
      site.resetStats();
      return sendJson(res, 200, { ok: true });
    }
    if (p === '/__replay/seasons' && method === 'GET') return sendJson(res, 200, { seasons: site.seasons });
    const m = /^\/__replay\/seasons\/(\d{4})\/(\w+)\.json$/.exec(p);
    const truth = m ? SEASON_TRUTHS[m[2]!] : undefined;
    if (m && truth && method === 'GET') {
      const season = Number(m[1]);
      if (unknownSeason(season)) return;
      const value = truth(site, season);
      return value === null
        ? sendJson(res, 404, { error: `the site does not show the ${m[2]} page of ${season} yet` })
        : sendJson(res, 200, value);
    }
    const box = /^\/__replay\/boxscores\/(\w+)\.json$/.exec(p);
    if (box && method === 'GET') {
      const found = site.boxScore(box[1]!);
      return found
        ? sendJson(res, 200, found)
        : sendJson(res, 404, { error: `no played generated game ${box[1]}` });
    }
    if (p === '/__replay/clock') {
      if (method === 'GET') return sendJson(res, 200, { asOf: site.asOf() });
      if (method === 'POST' || method === 'PUT') {
        let asOf = url.searchParams.get('asOf');
        if (asOf === null) {
          const raw = (await readBody(req)).trim();
          if (raw !== '')
            asOf = ((JSON.parse(raw) as { asOf?: string | null }).asOf ?? null) as string | null;
        }
        site.setAsOf(asOf === '' ? null : asOf);
        return sendJson(res, 200, { asOf: site.asOf() });
      }
      if (method === 'DELETE') {
        site.setAsOf(null);
        return sendJson(res, 200, { asOf: null });
      }
    }
    if (p === '/__replay/faults') {
      if (method === 'GET') return sendJson(res, 200, site.faults());
      if (method === 'POST' || method === 'PUT') {
        const raw = (await readBody(req)).trim();
        site.setFaults(raw === '' ? null : (JSON.parse(raw) as FaultConfig | null));
        return sendJson(res, 200, site.faults());
      }
      if (method === 'DELETE') {
        site.setFaults(null);
        return sendJson(res, 200, site.faults());
      }
    }
    if (p === '/__replay/faults/permanent' && method === 'GET') {
      const season = Number(url.searchParams.get('season'));
      if (unknownSeason(season)) return;
      return sendJson(res, 200, { season, gameIds: site.permanentFaults(season) });
    }
    if (p === '/__replay/cache' && method === 'GET') return sendJson(res, 200, site.cacheStats());
    return sendJson(res, 404, { error: `no control endpoint ${method} ${p}` });
  } catch (err) {
    if (err instanceof RangeError || err instanceof SyntaxError)
      return sendJson(res, 400, { error: err.message });
    throw err;
  }
}
