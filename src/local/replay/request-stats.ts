/**
 * Counts and a bounded log of the page requests the replay site received: per page kind, per
 * status, per injected fault and per client, with each request's arrival time in milliseconds
 * since the epoch (fractional, from the monotonic clock) so a test can measure the request rate
 * the site saw. Control requests (`/__replay/...`) are not recorded.
 */
import { PAGE_KINDS, type PageKind } from './routes.ts';

export interface RequestRecord {
  /** Arrival time, ms since the epoch (sub-millisecond precision). */
  t: number;
  client: string;
  method: string;
  path: string;
  kind: PageKind;
  /** Final status; 0 when the connection was reset without an answer; null while in flight. */
  status: number | null;
  /** Injected fault (`server-error`, `reset`, `truncated`, `slow-body`, `layout`, `rate-limited`, `blocked`), or null. */
  fault: string | null;
  /** Time to the end of the answer, ms; null while in flight. */
  ms: number | null;
}

export interface ClientStats {
  requests: number;
  byKind: Record<PageKind, number>;
  byStatus: Record<string, number>;
  first: number;
  last: number;
}

export interface ReplayStatsSnapshot {
  /** When counting started (site start or last reset), ms since the epoch. */
  since: number;
  now: number;
  total: number;
  inFlight: number;
  byKind: Record<PageKind, number>;
  /** Final statuses as strings (`"200"`, `"429"`, `"0"` for resets). */
  byStatus: Record<string, number>;
  byFault: Record<string, number>;
  clients: Record<string, ClientStats>;
  /** Requests in arrival order (the most recent `logLimit`). */
  log: RequestRecord[];
  /** Records dropped from the front of the log because of its bound. */
  logDropped: number;
}

export interface StatsQuery {
  /** Include the request log (default true). */
  log?: boolean;
  /** Only log records that arrived at or after this time (ms since the epoch). */
  since?: number;
  /** Only log records of this client. */
  client?: string;
  /** At most this many most recent log records. */
  limit?: number;
}

function kindCounts(): Record<PageKind, number> {
  return Object.fromEntries(PAGE_KINDS.map((k) => [k, 0])) as Record<PageKind, number>;
}

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export class RequestStats {
  readonly #logLimit: number;
  #since = nowMs();
  #total = 0;
  #inFlight = 0;
  #byKind = kindCounts();
  #byStatus: Record<string, number> = {};
  #byFault: Record<string, number> = {};
  #clients = new Map<string, ClientStats>();
  #log: RequestRecord[] = [];
  #logStart = 0;
  #dropped = 0;

  constructor(logLimit: number) {
    this.#logLimit = Math.max(0, logLimit);
  }

  begin(t: number, client: string, method: string, path: string, kind: PageKind): RequestRecord {
    const rec: RequestRecord = { t, client, method, path, kind, status: null, fault: null, ms: null };
    this.#total++;
    this.#inFlight++;
    this.#byKind[kind]++;
    let c = this.#clients.get(client);
    if (!c) {
      c = { requests: 0, byKind: kindCounts(), byStatus: {}, first: t, last: t };
      this.#clients.set(client, c);
    }
    c.requests++;
    c.byKind[kind]++;
    c.last = t;
    if (this.#logLimit > 0) {
      this.#log.push(rec);
      if (this.#log.length - this.#logStart > this.#logLimit) {
        this.#logStart++;
        this.#dropped++;
        // Compact now and then instead of shifting on every request.
        if (this.#logStart > 4096 && this.#logStart * 2 > this.#log.length) {
          this.#log = this.#log.slice(this.#logStart);
          this.#logStart = 0;
        }
      }
    }
    return rec;
  }

  /** Records the outcome; a record ends once (later calls are ignored). */
  end(rec: RequestRecord, status: number, fault: string | null): void {
    if (rec.status !== null) return;
    rec.status = status;
    rec.fault = fault;
    rec.ms = nowMs() - rec.t;
    this.#inFlight--;
    const key = String(status);
    this.#byStatus[key] = (this.#byStatus[key] ?? 0) + 1;
    if (fault) this.#byFault[fault] = (this.#byFault[fault] ?? 0) + 1;
    const c = this.#clients.get(rec.client);
    if (c) c.byStatus[key] = (c.byStatus[key] ?? 0) + 1;
  }

  reset(): void {
    this.#since = nowMs();
    this.#total = 0;
    this.#byKind = kindCounts();
    this.#byStatus = {};
    this.#byFault = {};
    this.#clients = new Map();
    this.#log = [];
    this.#logStart = 0;
    this.#dropped = 0;
    // Requests in flight keep counting as in flight; their end is recorded in the new period.
  }

  snapshot(query: StatsQuery = {}): ReplayStatsSnapshot {
    let log: RequestRecord[] = [];
    if (query.log !== false) {
      log = this.#log.slice(this.#logStart);
      if (query.since !== undefined) log = log.filter((r) => r.t >= query.since!);
      if (query.client !== undefined) log = log.filter((r) => r.client === query.client);
      if (query.limit !== undefined) log = log.slice(Math.max(0, log.length - query.limit));
      log = log.map((r) => ({ ...r }));
    }
    const clients: Record<string, ClientStats> = {};
    for (const [k, c] of this.#clients) {
      clients[k] = {
        requests: c.requests,
        byKind: { ...c.byKind },
        byStatus: { ...c.byStatus },
        first: c.first,
        last: c.last,
      };
    }
    return {
      since: this.#since,
      now: nowMs(),
      total: this.#total,
      inFlight: this.#inFlight,
      byKind: { ...this.#byKind },
      byStatus: { ...this.#byStatus },
      byFault: { ...this.#byFault },
      clients,
      log,
      logDropped: this.#dropped,
    };
  }
}
