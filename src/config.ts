/**
 * Every setting of the program, read from the environment once, validated, and frozen.
 * This is the only module that reads `process.env`. The README's settings table is generated
 * from SETTINGS (`npm run docs:settings`) and checked by a test.
 */

import { type HostRule, parseHostRules } from './config/host-rules.ts';
import { ConfigError } from './errors/config-error.ts';

type Env = Readonly<Record<string, string | undefined>>;

interface Setting<T> {
  /** Environment variable name. */
  readonly env: string;
  /** Value when the variable is unset or empty. */
  readonly default: T;
  /** Default as shown in the docs (when the value itself does not say it well). */
  readonly shownDefault?: string;
  /** What it means, for the docs. */
  readonly doc: string;
  /** Parses a non-empty raw value or throws an Error whose message says what is expected. */
  readonly parse: (raw: string) => T;
}

function int(min: number, max: number): (raw: string) => number {
  return (raw) => {
    if (!/^-?\d+$/.test(raw)) throw new Error(`expected an integer, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new Error(`expected an integer from ${min} to ${max}, got ${n}`);
    return n;
  };
}

function oneOf<const T extends string>(...values: T[]): (raw: string) => T {
  return (raw) => {
    if (!(values as string[]).includes(raw))
      throw new Error(`expected one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };
}

function url(...protocols: string[]): (raw: string) => string {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`expected a URL (${protocols.join(' or ')}), got "${raw}"`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new Error(`expected a URL starting with ${protocols.join(' or ')}, got "${raw}"`);
    }
    return raw.replace(/\/+$/, '');
  };
}

/** 0 (off), or what `parse` accepts. */
function offOr(parse: (raw: string) => number): (raw: string) => number {
  return (raw) => {
    if (/^0+$/.test(raw)) return 0;
    try {
      return parse(raw);
    } catch (err) {
      throw new Error(`${(err as Error).message} (or 0: off)`);
    }
  };
}

function intList(min: number, max: number): (raw: string) => readonly number[] {
  return (raw) => {
    const one = int(min, max);
    const list = raw.split(',').map((part) => one(part.trim()));
    if (list.length === 0) throw new Error('expected a comma-separated list of integers');
    return list;
  };
}

function hostPortList(raw: string): readonly string[] {
  const list = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const hp of list)
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(hp)) throw new Error(`"${hp}" is not host:port`);
  return list;
}

function text(raw: string): string {
  return raw;
}

function setting<T>(s: Setting<T>): Setting<T> {
  return s;
}

/** The settings table: name, type (by its parser), default and meaning. */
export const SETTINGS = {
  logLevel: setting({
    env: 'LOG_LEVEL',
    default: 'info' as const,
    doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  }),
  redisUrl: setting<string | null>({
    env: 'REDIS_URL',
    default: null,
    shownDefault: 'redis://127.0.0.1:6379 (demo: its own redis-server)',
    doc: 'Redis holding the queues and the shared politeness budget (`redis://` or `rediss://`, with password and db).',
    parse: url('redis:', 'rediss:'),
  }),
  redisMode: setting({
    env: 'REDIS_MODE',
    default: 'standalone' as const,
    doc: '`standalone` (REDIS_URL), `sentinel` (REDIS_SENTINELS find the master named REDIS_SENTINEL_MASTER) or `cluster` (REDIS_CLUSTER_NODES, or the node in REDIS_URL). Credentials, db and TLS come from REDIS_URL in every mode.',
    parse: oneOf('standalone', 'sentinel', 'cluster'),
  }),
  redisSentinels: setting({
    env: 'REDIS_SENTINELS',
    default: [] as readonly string[],
    shownDefault: '',
    doc: 'Sentinel mode: comma-separated `host:port` of the sentinels.',
    parse: hostPortList,
  }),
  redisSentinelMaster: setting({
    env: 'REDIS_SENTINEL_MASTER',
    default: 'mymaster',
    doc: 'Sentinel mode: name of the monitored master.',
    parse: text,
  }),
  redisClusterNodes: setting({
    env: 'REDIS_CLUSTER_NODES',
    default: [] as readonly string[],
    shownDefault: '',
    doc: 'Cluster mode: comma-separated `host:port` seed nodes (default: the host of REDIS_URL).',
    parse: hostPortList,
  }),
  queuePrefix: setting({
    env: 'QUEUE_PREFIX',
    default: '{nba}',
    doc: 'Key prefix of every queue. Keep the braces: on Redis Cluster all queues of a flow must share one hash tag.',
    parse: text,
  }),
  storeUrl: setting({
    env: 'STORE_URL',
    default: 'file://./data',
    doc: 'Where the dataset goes: `file://DIR` (one JSON document per game) or `postgres://user:pass@host/db`.',
    parse: (raw) => {
      if (raw.startsWith('file://') && raw.length > 'file://'.length) return raw;
      return url('postgres:', 'postgresql:')(raw);
    },
  }),
  sourceBaseUrl: setting({
    env: 'SOURCE_BASE_URL',
    default: 'https://www.basketball-reference.com',
    doc: 'Base URL of the source site. Point it at `nba-scraper site` to scrape the local replay site.',
    parse: url('http:', 'https:'),
  }),
  userAgent: setting({
    env: 'USER_AGENT',
    default: 'nba-scraper/0.1',
    doc: 'User-Agent header sent to the source site. Sites that allow scrapers like one that names itself and how to reach its operator: e.g. `nba-scraper/0.1 (ops@example.org)`.',
    parse: text,
  }),
  workerConcurrency: setting({
    env: 'WORKER_CONCURRENCY',
    default: 4,
    doc: 'Jobs one worker process runs at the same time.',
    parse: int(1, 500),
  }),
  fetchConnectTimeoutMs: setting({
    env: 'FETCH_CONNECT_TIMEOUT_MS',
    default: 5_000,
    doc: 'Deadline for DNS lookup plus TCP/TLS connect of one request.',
    parse: int(100, 600_000),
  }),
  fetchResponseTimeoutMs: setting({
    env: 'FETCH_RESPONSE_TIMEOUT_MS',
    default: 15_000,
    doc: 'Deadline from sending a request to the first byte of the response.',
    parse: int(100, 600_000),
  }),
  fetchTotalTimeoutMs: setting({
    env: 'FETCH_TOTAL_TIMEOUT_MS',
    default: 30_000,
    doc: 'Deadline for one whole request, body included.',
    parse: int(100, 600_000),
  }),
  keepFailedJobsDays: setting({
    env: 'KEEP_FAILED_JOBS_DAYS',
    default: 14,
    doc: 'Days a job that failed for good stays in Redis for `status` and `retry-failed`.',
    parse: int(1, 3650),
  }),
  jobAttempts: setting({
    env: 'JOB_ATTEMPTS',
    default: 6,
    doc: 'Attempts per job for retryable errors (network, timeout, 5xx) before it fails for good.',
    parse: int(1, 100),
  }),
  retryIntervalsMs: setting({
    env: 'RETRY_INTERVALS_MS',
    default: [10_000, 30_000, 60_000] as readonly number[],
    shownDefault: '10000,30000,60000',
    doc: 'Delays before the first retries, comma-separated; later retries grow exponentially from the last one, with full jitter.',
    parse: intList(0, 86_400_000),
  }),
  retryMaxDelayMs: setting({
    env: 'RETRY_MAX_DELAY_MS',
    default: 600_000,
    doc: 'Ceiling of any retry delay.',
    parse: int(0, 86_400_000),
  }),
  lockDurationMs: setting({
    env: 'LOCK_DURATION_MS',
    default: 4_000,
    doc: "How long a worker's lock on a running job lasts; renewed every half of it. A killed worker's job is retried once the lock expires and the stalled check runs (at most LOCK_DURATION_MS + STALLED_INTERVAL_MS). Keep it far above the longest synchronous stretch (parsing the largest box score: under 0.5 s).",
    parse: int(1_000, 600_000),
  }),
  stalledIntervalMs: setting({
    env: 'STALLED_INTERVAL_MS',
    default: 2_000,
    doc: 'How often each worker looks for jobs whose lock expired (their worker died) and puts them back in the queue.',
    parse: int(500, 600_000),
  }),
  maxStalledCount: setting({
    env: 'MAX_STALLED_COUNT',
    default: 3,
    doc: 'A job whose worker died more than this many times in a row without progress is failed for good (protects against a page that crashes every worker that takes it). A season job clears its count whenever it stores a schedule page.',
    parse: int(0, 100),
  }),
  seasonJobTimeoutMs: setting({
    env: 'SEASON_JOB_TIMEOUT_MS',
    default: 900_000,
    doc: "Deadline of one run of a season job (reading every schedule page, politeness waits included); past it the job's requests are aborted and the attempt fails.",
    parse: int(1_000, 86_400_000),
  }),
  boxScoreJobTimeoutMs: setting({
    env: 'BOXSCORE_JOB_TIMEOUT_MS',
    default: 300_000,
    doc: "Deadline of one box score job (politeness wait, fetch, parse, store); past it the job's request is aborted and the attempt fails.",
    parse: int(1_000, 86_400_000),
  }),
  shutdownBudgetMs: setting({
    env: 'SHUTDOWN_BUDGET_MS',
    default: 25_000,
    doc: 'On SIGTERM, how long running jobs may take to finish before they are handed back to the queue. Keep it below the pod terminationGracePeriodSeconds.',
    parse: int(0, 3_600_000),
  }),
  hostRateLimits: setting({
    env: 'HOST_RATE_LIMITS',
    default: [{ suffix: 'basketball-reference.com', requestsPerMinute: 20 }] as readonly HostRule[],
    shownDefault: 'basketball-reference.com=20',
    doc: 'Request budget per host, shared by every worker through Redis: comma-separated `host=requestsPerMinute` (a host matches itself and its subdomains; add `:port` to match one port). Hosts not listed are not limited. basketball-reference.com blocks clients that exceed 20 per minute for an hour.',
    parse: parseHostRules,
  }),
  hostMaxActiveJobs: setting({
    env: 'HOST_MAX_ACTIVE_JOBS',
    default: 4,
    doc: 'For a host with a budget: jobs running at once across all workers (BullMQ global concurrency). The rest wait in Redis, not in a worker, so scaling out never piles up waits.',
    parse: int(1, 10_000),
  }),
  breakerErrorPercent: setting({
    env: 'BREAKER_ERROR_PERCENT',
    default: 50,
    doc: "Share of failed requests (network errors, timeouts, 5xx) over the breaker window that opens a host's circuit breaker.",
    parse: int(1, 100),
  }),
  breakerMinRequests: setting({
    env: 'BREAKER_MIN_REQUESTS',
    default: 10,
    doc: 'Requests in the window before the breaker judges the error share.',
    parse: int(1, 1_000_000),
  }),
  breakerWindowMs: setting({
    env: 'BREAKER_WINDOW_MS',
    default: 60_000,
    doc: 'Rolling window over which the breaker counts requests and failures.',
    parse: int(1_000, 86_400_000),
  }),
  breakerResetMs: setting({
    env: 'BREAKER_RESET_MS',
    default: 60_000,
    doc: "How long an open breaker holds the host's jobs (queue paused, no attempt used) before one probe request is let through.",
    parse: int(100, 86_400_000),
  }),
  blockBackoffMs: setting({
    env: 'BLOCK_BACKOFF_MS',
    default: 3_600_000,
    doc: 'How long no request goes to a host after it answered 403 or a block page (every worker, through Redis).',
    parse: int(1_000, 7 * 86_400_000),
  }),
  metricsHost: setting({
    env: 'METRICS_HOST',
    default: '0.0.0.0',
    doc: 'Address the worker and exporter HTTP server (/metrics, /healthz, /readyz) binds to.',
    parse: text,
  }),
  metricsPort: setting({
    env: 'METRICS_PORT',
    default: 9464,
    doc: 'Port of the worker and exporter HTTP server (/metrics, /healthz, /readyz); 0 picks a free port, -1 turns it off.',
    parse: int(-1, 65_535),
  }),
  exporterIntervalMs: setting({
    env: 'EXPORTER_INTERVAL_MS',
    default: 5_000,
    doc: 'How often `nba-scraper exporter` reads the queue counts and per-season progress from Redis.',
    parse: int(500, 3_600_000),
  }),
  exporterDatasetIntervalMs: setting({
    env: 'EXPORTER_DATASET_INTERVAL_MS',
    default: 60_000,
    doc: 'How often `nba-scraper exporter` reads the completeness ledger of every season in the store (STORE_URL: games, box scores stored of those played, player totals) for the `nba_scraper_dataset_*` metrics; 0 turns it off. A store it cannot read only costs those metrics.',
    parse: offOr(int(500, 86_400_000)),
  }),
  healthMaxEventLoopLagMs: setting({
    env: 'HEALTH_MAX_EVENT_LOOP_LAG_MS',
    default: 5_000,
    doc: '/healthz (liveness) fails while the event loop has stalled longer than this within the last 10 s. Keep it at or below LOCK_DURATION_MS: a loop stalled that long loses its job locks.',
    parse: int(100, 600_000),
  }),
  healthRedisDownMaxMs: setting({
    env: 'HEALTH_REDIS_DOWN_MAX_MS',
    default: 120_000,
    doc: '/healthz (liveness) fails once Redis has not answered a PING for this long, so Kubernetes restarts a pod whose Redis connection is wedged; /readyz fails at once.',
    parse: int(1_000, 86_400_000),
  }),
  healthRedisPingTimeoutMs: setting({
    env: 'HEALTH_REDIS_PING_TIMEOUT_MS',
    default: 1_000,
    doc: 'How long /readyz (and the background Redis check behind /healthz) waits for Redis to answer a PING.',
    parse: int(50, 60_000),
  }),
  fixturesDir: setting({
    env: 'FIXTURES_DIR',
    default: '../shared/fixtures/basketball-reference',
    doc: 'Folder of real pages saved from the source site; `nba-scraper site` serves them at their real paths when present.',
    parse: text,
  }),
} as const;

type Settings = typeof SETTINGS;
export type Config = { readonly [K in keyof Settings]: Settings[K]['default'] };

/**
 * Reads every setting from `env`. Collects all problems and throws one ConfigError that lists
 * them, so an operator fixes everything in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, s] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = env[s.env];
    if (raw === undefined || raw.trim() === '') {
      values[key] = s.default;
      continue;
    }
    try {
      values[key] = s.parse(raw.trim());
    } catch (err) {
      problems.push(`${s.env}: ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(`invalid settings: ${problems.join('; ')}. See the settings table in README.md.`);
  }
  return Object.freeze(values) as Config;
}

let cached: Config | undefined;

/** The process-wide configuration, read on first use. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}

/**
 * Environment for a child process of this program (the demo's workers): this process's
 * environment with `overrides` applied. Children read their settings through loadConfig.
 */
export function childEnv(overrides: Record<string, string>, env: Env = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return { ...out, ...overrides };
}

/** Effective Redis URL for commands that do not start their own Redis. */
export function redisUrlOf(config: Config): string {
  return config.redisUrl ?? 'redis://127.0.0.1:6379';
}
