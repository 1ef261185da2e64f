/**
 * Fault injection between the router and the renderer. The configuration is plain JSON (a CLI
 * flag or `POST /__replay/faults` can carry it) and every choice is deterministic:
 *
 * - per-request faults (latency, 5xx, connection resets, truncated and slow bodies) are drawn
 *   from a hash of (seed, path, attempt), where attempt counts requests for that path since the
 *   faults were set, so the n-th request of a page gets the same fault in every run whatever the
 *   concurrency; `decideFault` is exported so tests can predict them;
 * - the layout fault is permanent: a box score page is broken iff hash(seed, game id) < rate,
 *   so the same pages are always broken (`layoutBroken`, `GET /__replay/faults/permanent`).
 */
import { unitHash } from './prng.ts';
import { PAGE_KINDS, type PageKind } from './routes.ts';

export interface LatencyFault {
  /** Added to every request of a faulted page kind. Default 0. */
  fixedMs?: number;
  /** Plus a deterministic extra in [0, jitterMs). Default 0. */
  jitterMs?: number;
}

export interface ServerErrorFault {
  /** Share of requests answered with a 5xx, 0-1. */
  rate: number;
  /** Statuses used in turn (by hash). Default [500, 502, 503]. */
  statuses?: number[];
  /** Retry-After seconds sent with 503 answers; omitted when absent. */
  retryAfterSeconds?: number;
}

export interface ResetFault {
  /** Share of requests whose connection is reset, 0-1. */
  rate: number;
  /** Before any byte of the answer, in the middle of the body, or either (by hash). Default `mixed`. */
  phase?: 'before-headers' | 'mid-body' | 'mixed';
}

export interface TruncatedFault {
  /** Share of requests whose body stops early (Content-Length larger than what is sent), 0-1. */
  rate: number;
  /** Share of the body sent before the connection is closed. Default 0.5. */
  fraction?: number;
}

export interface SlowBodyFault {
  /** Share of requests whose body is trickled, 0-1. */
  rate: number;
  /** Headers at once, then the body spread over this many ms. */
  durationMs: number;
  /** Number of pieces. Default 10. */
  chunks?: number;
}

export interface LayoutFault {
  /** Share of box score pages (chosen by game id) served with a changed layout, 0-1. */
  rate: number;
  /**
   * `rename-table`: the `box-<TEAM>-game-basic` tables (and their wrappers) get other ids;
   * `rename-stat`: `data-stat="player"` / `"pts"` get other names; `both` (default).
   */
  variant?: 'rename-table' | 'rename-stat' | 'both';
}

export interface RateLimitFault {
  /** Requests a client may make per sliding window; one more gets 429 with Retry-After. */
  maxPerMinute: number;
  /** Window length. Default 60000. */
  windowMs?: number;
  /** 429 answers in a row a client may get; the next request blocks it. Default 3. */
  blockAfter?: number;
  /** How long a block lasts. Default 3600000 (one hour, like the real site). */
  blockMs?: number;
  /** Status of answers while blocked: 403 (default), 429 or 200 (block page with a 200). */
  blockStatus?: 403 | 429 | 200;
  /** Who is a client: the remote address (default, like the real site) or address + X-Replay-Client. */
  by?: 'address' | 'client';
}

/** Fault configuration, JSON-serialisable. Every part is optional; `{}` means no faults. */
export interface FaultConfig {
  /** Seed of every choice. Default 1. */
  seed?: number;
  /** Page kinds the per-request faults apply to. Default: every page (never `/__replay/`). */
  kinds?: PageKind[];
  latency?: LatencyFault;
  serverErrors?: ServerErrorFault;
  resets?: ResetFault;
  truncated?: TruncatedFault;
  slowBody?: SlowBodyFault;
  layoutChange?: LayoutFault;
  rateLimit?: RateLimitFault;
}

export interface NormalisedFaults {
  seed: number;
  kinds: PageKind[];
  latency: Required<LatencyFault>;
  serverErrors: Required<Omit<ServerErrorFault, 'retryAfterSeconds'>> & { retryAfterSeconds: number | null };
  resets: Required<ResetFault>;
  truncated: Required<TruncatedFault>;
  slowBody: Required<SlowBodyFault>;
  layoutChange: Required<LayoutFault>;
  rateLimit: Required<RateLimitFault> | null;
}

export type FaultDecision =
  | { type: 'none'; latencyMs: number }
  | { type: 'server-error'; latencyMs: number; status: number }
  | { type: 'reset'; latencyMs: number; phase: 'before-headers' | 'mid-body' }
  | { type: 'truncated'; latencyMs: number; fraction: number }
  | { type: 'slow-body'; latencyMs: number; durationMs: number; chunks: number };

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Validates and fills defaults. Throws a RangeError that lists every problem.
 * Accepts `null` / `undefined` (no faults) or an object shaped like FaultConfig.
 */
export function normaliseFaults(input: unknown): NormalisedFaults {
  const problems: string[] = [];
  const cfg = input === null || input === undefined ? {} : input;
  if (!isObject(cfg)) throw new RangeError('faults must be a JSON object');
  const known = [
    'seed',
    'kinds',
    'latency',
    'serverErrors',
    'resets',
    'truncated',
    'slowBody',
    'layoutChange',
    'rateLimit',
  ];
  for (const k of Object.keys(cfg)) if (!known.includes(k)) problems.push(`unknown fault "${k}"`);

  const section = (name: string): Record<string, unknown> | undefined => {
    const v = cfg[name];
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) {
      problems.push(`${name} must be an object`);
      return undefined;
    }
    return v;
  };
  const num = (
    obj: Record<string, unknown> | undefined,
    path: string,
    key: string,
    dflt: number,
    min: number,
    max: number,
  ): number => {
    const v = obj?.[key];
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      problems.push(`${path}.${key} must be a number from ${min} to ${max}`);
      return dflt;
    }
    return v;
  };
  const oneOf = <T extends string | number>(
    obj: Record<string, unknown> | undefined,
    path: string,
    key: string,
    values: readonly T[],
    dflt: T,
  ): T => {
    const v = obj?.[key];
    if (v === undefined) return dflt;
    if (!values.includes(v as T)) {
      problems.push(`${path}.${key} must be one of ${values.join(', ')}`);
      return dflt;
    }
    return v as T;
  };

  const seed = num(cfg, 'faults', 'seed', 1, -(2 ** 31), 2 ** 31);
  let kinds: PageKind[] = [...PAGE_KINDS];
  if (cfg.kinds !== undefined) {
    if (!Array.isArray(cfg.kinds) || cfg.kinds.some((k) => !PAGE_KINDS.includes(k as PageKind))) {
      problems.push(`kinds must be a list of ${PAGE_KINDS.join(', ')}`);
    } else kinds = cfg.kinds as PageKind[];
  }
  const lat = section('latency');
  const se = section('serverErrors');
  const rs = section('resets');
  const tr = section('truncated');
  const sb = section('slowBody');
  const lc = section('layoutChange');
  const rl = section('rateLimit');

  let statuses = [500, 502, 503];
  if (se?.statuses !== undefined) {
    const s = se.statuses;
    if (
      !Array.isArray(s) ||
      s.length === 0 ||
      s.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 500 || x > 599)
    ) {
      problems.push('serverErrors.statuses must be a non-empty list of 5xx statuses');
    } else statuses = s as number[];
  }
  const out: NormalisedFaults = {
    seed,
    kinds,
    latency: {
      fixedMs: num(lat, 'latency', 'fixedMs', 0, 0, 600_000),
      jitterMs: num(lat, 'latency', 'jitterMs', 0, 0, 600_000),
    },
    serverErrors: {
      rate: num(se, 'serverErrors', 'rate', 0, 0, 1),
      statuses,
      retryAfterSeconds:
        se?.retryAfterSeconds === undefined
          ? null
          : num(se, 'serverErrors', 'retryAfterSeconds', 1, 0, 86_400),
    },
    resets: {
      rate: num(rs, 'resets', 'rate', 0, 0, 1),
      phase: oneOf(rs, 'resets', 'phase', ['before-headers', 'mid-body', 'mixed'] as const, 'mixed'),
    },
    truncated: {
      rate: num(tr, 'truncated', 'rate', 0, 0, 1),
      fraction: num(tr, 'truncated', 'fraction', 0.5, 0, 0.99),
    },
    slowBody: {
      rate: num(sb, 'slowBody', 'rate', 0, 0, 1),
      durationMs: num(sb, 'slowBody', 'durationMs', 5_000, 1, 3_600_000),
      chunks: Math.round(num(sb, 'slowBody', 'chunks', 10, 1, 10_000)),
    },
    layoutChange: {
      rate: num(lc, 'layoutChange', 'rate', 0, 0, 1),
      variant: oneOf(lc, 'layoutChange', 'variant', ['rename-table', 'rename-stat', 'both'] as const, 'both'),
    },
    rateLimit: rl
      ? {
          maxPerMinute: Math.round(num(rl, 'rateLimit', 'maxPerMinute', 20, 1, 1_000_000)),
          windowMs: num(rl, 'rateLimit', 'windowMs', 60_000, 1, 86_400_000),
          blockAfter: Math.round(num(rl, 'rateLimit', 'blockAfter', 3, 0, 1_000_000)),
          blockMs: num(rl, 'rateLimit', 'blockMs', 3_600_000, 0, 86_400_000 * 7),
          blockStatus: oneOf(rl, 'rateLimit', 'blockStatus', [403, 429, 200] as const, 403),
          by: oneOf(rl, 'rateLimit', 'by', ['address', 'client'] as const, 'address'),
        }
      : null,
  };
  const total = out.serverErrors.rate + out.resets.rate + out.truncated.rate + out.slowBody.rate;
  if (total > 1)
    problems.push(`serverErrors, resets, truncated and slowBody rates add up to ${total}, more than 1`);
  if (problems.length > 0) throw new RangeError(`invalid faults: ${problems.join('; ')}`);
  return out;
}

/** True when the configuration injects nothing. */
export function noFaults(f: NormalisedFaults): boolean {
  return (
    f.latency.fixedMs === 0 &&
    f.latency.jitterMs === 0 &&
    f.serverErrors.rate === 0 &&
    f.resets.rate === 0 &&
    f.truncated.rate === 0 &&
    f.slowBody.rate === 0 &&
    f.layoutChange.rate === 0 &&
    f.rateLimit === null
  );
}

/**
 * The fault of the `attempt`-th request (1-based) for `path` of kind `kind`. One fault at most
 * per request; latency comes on top of any of them.
 */
export function decideFault(
  f: NormalisedFaults,
  kind: PageKind,
  path: string,
  attempt: number,
): FaultDecision {
  if (!f.kinds.includes(kind)) return { type: 'none', latencyMs: 0 };
  const key = `${f.seed}|${path}|${attempt}`;
  const latencyMs =
    f.latency.fixedMs +
    (f.latency.jitterMs > 0 ? Math.floor(unitHash(`latency|${key}`) * f.latency.jitterMs) : 0);
  let u = unitHash(`fault|${key}`);
  if (u < f.resets.rate) {
    const phase =
      f.resets.phase === 'mixed'
        ? unitHash(`phase|${key}`) < 0.5
          ? 'before-headers'
          : 'mid-body'
        : f.resets.phase;
    return { type: 'reset', latencyMs, phase };
  }
  u -= f.resets.rate;
  if (u < f.serverErrors.rate) {
    const statuses = f.serverErrors.statuses;
    return {
      type: 'server-error',
      latencyMs,
      status: statuses[Math.floor(unitHash(`status|${key}`) * statuses.length)]!,
    };
  }
  u -= f.serverErrors.rate;
  if (u < f.truncated.rate) return { type: 'truncated', latencyMs, fraction: f.truncated.fraction };
  u -= f.truncated.rate;
  if (u < f.slowBody.rate)
    return { type: 'slow-body', latencyMs, durationMs: f.slowBody.durationMs, chunks: f.slowBody.chunks };
  return { type: 'none', latencyMs };
}

/** True when the layout fault breaks this game's box score page (permanently, for this seed). */
export function layoutBroken(f: NormalisedFaults, gameId: string): boolean {
  return f.layoutChange.rate > 0 && unitHash(`layout|${f.seed}|${gameId}`) < f.layoutChange.rate;
}

/** The page with the layout fault applied: renamed basic tables and/or renamed stat names. */
export function breakLayout(html: string, variant: LayoutFault['variant']): string {
  let out = html;
  if (variant === 'rename-table' || variant === 'both' || variant === undefined) {
    out = out.replace(
      /box-([A-Z]{3})-game-basic/g,
      (_, code: string) => `players-${code.toLowerCase()}-summary`,
    );
  }
  if (variant === 'rename-stat' || variant === 'both' || variant === undefined) {
    out = out
      .replaceAll('data-stat="player"', 'data-stat="name"')
      .replaceAll('data-stat="pts"', 'data-stat="points"');
  }
  return out;
}
