/**
 * Every setting of the program, read from the environment once, validated, and frozen.
 * This is the only module that reads `process.env`. The README's settings table is generated
 * from SETTINGS (`npm run docs:settings`) and checked by a test.
 */
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
    default: 'nba-scraper/0.1 (+https://github.com/nba-scraper/nba-scraper)',
    doc: 'User-Agent header sent to the source site.',
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
  keepCompletedJobs: setting({
    env: 'KEEP_COMPLETED_JOBS',
    default: 1_000,
    doc: 'Completed box score jobs kept in Redis (older ones are trimmed). Season jobs are kept until the season is enqueued again.',
    parse: int(0, 10_000_000),
  }),
  keepFailedJobsDays: setting({
    env: 'KEEP_FAILED_JOBS_DAYS',
    default: 14,
    doc: 'Days a job that failed for good stays in Redis for `status` and `retry-failed`.',
    parse: int(1, 3650),
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

/** Effective Redis URL for commands that do not start their own Redis. */
export function redisUrlOf(config: Config): string {
  return config.redisUrl ?? 'redis://127.0.0.1:6379';
}
