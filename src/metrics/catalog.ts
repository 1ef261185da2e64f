/**
 * Every metric this program exports, in one table: name, type, labels, buckets, help, and which
 * process exports it. The instruments are built from it (worker-metrics.ts, exporter-metrics.ts),
 * and docs/metrics.md, the dashboards and the rules are checked against it, so a metric cannot
 * exist in one place and not the others.
 *
 * Conventions: prefix `nba_scraper_`, counters end in `_total`, units in the name (`_seconds`,
 * `_bytes`), histograms not summaries, no label whose values are unbounded (no URL, no game id).
 * Global values (queue counts, per-season progress, host holds, what the store holds per season)
 * are exported once for the whole system by `nba-scraper exporter`, never by the workers, so that
 * sums and autoscaling are right. `season` labels are bounded: one value per season (1947 on).
 */
import { JOB_STATES } from '../queue/status.ts';
import { PAGE_KINDS } from '../sources/source.ts';

export const METRIC_PREFIX = 'nba_scraper_';

export type MetricType = 'counter' | 'gauge' | 'histogram';
/** `worker`: every worker process; `exporter`: the single exporter process; `both`. */
export type MetricRole = 'worker' | 'exporter' | 'both';

export interface MetricSpec {
  /** Full name, prefix included. */
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly labels: readonly string[];
  readonly role: MetricRole;
  /** Histogram buckets (upper bounds). */
  readonly buckets?: readonly number[];
}

/** Status classes of `nba_scraper_http_requests_total`; `error`: no HTTP answer (reset, timeout). */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'error'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export function statusClass(status: number | undefined): StatusClass {
  if (status === undefined || !Number.isFinite(status) || status < 200 || status >= 600) return 'error';
  return `${Math.floor(status / 100)}xx` as StatusClass;
}

/** Error codes a job attempt can fail with, and a request that gave no page (initialised at zero). */
export {
  FETCH_FAILURE_CODES as FETCH_ERROR_CODES,
  JOB_FAILURE_CODES as JOB_ERROR_CODES,
} from '../errors/codes.ts';
export { JOB_OUTCOMES, type JobOutcome } from '../queue/job-outcome.ts';
/** Job kinds (BullMQ job names), outcomes of one run of a job (`nba_scraper_job_duration_seconds`). */
export { JOB_KINDS } from '../queue/job-types.ts';

/** Breaker states and their gauge values. */
export const BREAKER_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const;

/** Why a host is on hold (src/fetch/host-state.ts): a 429's Retry-After, or a block. */
export { HOLD_KINDS } from '../fetch/host-state.ts';

/**
 * Page kinds a parser reads (`nba_scraper_parse_duration_seconds`): the site module's page kinds,
 * a season's default schedule page counted as `schedule` (the same parser reads it).
 */
export const PARSE_KINDS = PAGE_KINDS.filter((k) => k !== 'season');

/** Store operations timed by `nba_scraper_store_operation_duration_seconds`. */
export const STORE_OPERATIONS = [
  'upsertSchedule',
  'upsertBoxScore',
  'readSchedule',
  'fillGameTypes',
  'storedBoxScoreIds',
  'upsertPlayerTotals',
  'replaceSeasonRows',
  'archivePage',
] as const;

/** Season job states exported by `nba_scraper_season_state`: the BullMQ job states. */
export const SEASON_STATES = JOB_STATES;

const DURATION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];
const PARSE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const WAIT_BUCKETS = [0.005, 0.05, 0.25, 1, 2.5, 5, 10, 30, 60, 120, 300];
const READ_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const SIZE_BUCKETS = [1024, 8192, 32_768, 65_536, 131_072, 262_144, 524_288, 1_048_576, 4_194_304];

function m(spec: Omit<MetricSpec, 'name'> & { name: string }): MetricSpec {
  return { ...spec, name: METRIC_PREFIX + spec.name };
}

/** Metrics of every process (worker and exporter). */
export const COMMON_METRICS = {
  buildInfo: m({
    name: 'build_info',
    type: 'gauge',
    help: 'Always 1; labels say which version of nba-scraper runs and in which role (worker or exporter).',
    labels: ['version', 'role', 'node_version'],
    role: 'both',
  }),
  redisReachable: m({
    name: 'redis_reachable',
    type: 'gauge',
    help: "1 when this process's last PING to Redis was answered in time, else 0.",
    labels: [],
    role: 'both',
  }),
} as const;

/** Metrics of one worker process (per pod: sum them). */
export const WORKER_METRICS = {
  concurrency: m({
    name: 'worker_concurrency',
    type: 'gauge',
    help: 'Jobs this worker runs at the same time at most (WORKER_CONCURRENCY).',
    labels: ['queue'],
    role: 'worker',
  }),
  activeJobs: m({
    name: 'worker_active_jobs',
    type: 'gauge',
    help: 'Jobs this worker is running now.',
    labels: ['queue'],
    role: 'worker',
  }),
  lockDuration: m({
    name: 'worker_lock_duration_seconds',
    type: 'gauge',
    help: "The job lock duration (LOCK_DURATION_MS): an event loop stalled this long loses its jobs' locks.",
    labels: [],
    role: 'worker',
  }),
  requests: m({
    name: 'http_requests_total',
    type: 'counter',
    help: 'Requests to the source site by host and status class (2xx, 3xx, 4xx, 5xx; error: no HTTP answer).',
    labels: ['host', 'status_class'],
    role: 'worker',
  }),
  fetchErrors: m({
    name: 'fetch_errors_total',
    type: 'counter',
    help: 'Requests that did not give a page, by host and error code (docs/errors.md).',
    labels: ['host', 'code'],
    role: 'worker',
  }),
  fetchDuration: m({
    name: 'fetch_duration_seconds',
    type: 'histogram',
    help: 'Wall time of one request to the source site (connect to last body byte), politeness wait excluded.',
    labels: ['host'],
    role: 'worker',
    buckets: DURATION_BUCKETS,
  }),
  responseSize: m({
    name: 'response_size_bytes',
    type: 'histogram',
    help: 'Size of the body of 2xx answers, as received.',
    labels: ['host'],
    role: 'worker',
    buckets: SIZE_BUCKETS,
  }),
  politenessWait: m({
    name: 'politeness_wait_seconds',
    type: 'histogram',
    help: "Time a request waited for the host's shared politeness budget before it was sent.",
    labels: ['host'],
    role: 'worker',
    buckets: WAIT_BUCKETS,
  }),
  rateLimited: m({
    name: 'rate_limited_total',
    type: 'counter',
    help: 'Answers 429 (or 503 with Retry-After) from the source: the queue paused for the time it asked.',
    labels: ['host'],
    role: 'worker',
  }),
  blocked: m({
    name: 'blocked_total',
    type: 'counter',
    help: 'Times the source refused us (403 or a block page): no request goes to the host until the hold ends.',
    labels: ['host'],
    role: 'worker',
  }),
  parseDuration: m({
    name: 'parse_duration_seconds',
    type: 'histogram',
    help: 'Time to parse one page (synchronous: it blocks the event loop), by page kind.',
    labels: ['kind'],
    role: 'worker',
    buckets: PARSE_BUCKETS,
  }),
  storeDuration: m({
    name: 'store_operation_duration_seconds',
    type: 'histogram',
    help: 'Time of one call to the result store, by operation and outcome (ok, error).',
    labels: ['operation', 'outcome'],
    role: 'worker',
    buckets: DURATION_BUCKETS,
  }),
  gamesStored: m({
    name: 'games_stored_total',
    type: 'counter',
    help: 'Box scores upserted into the store (a game stored again counts again).',
    labels: [],
    role: 'worker',
  }),
  jobsCompleted: m({
    name: 'jobs_completed_total',
    type: 'counter',
    help: 'Jobs this worker completed, by queue and job kind.',
    labels: ['queue', 'kind'],
    role: 'worker',
  }),
  jobsFailed: m({
    name: 'jobs_failed_total',
    type: 'counter',
    help: 'Jobs that failed for good (no attempt left, or an error that is never retried), by queue, kind and error code.',
    labels: ['queue', 'kind', 'code'],
    role: 'worker',
  }),
  jobsRetried: m({
    name: 'jobs_retried_total',
    type: 'counter',
    help: 'Failed attempts that will be retried after the backoff, by queue, kind and error code.',
    labels: ['queue', 'kind', 'code'],
    role: 'worker',
  }),
  jobDuration: m({
    name: 'job_duration_seconds',
    type: 'histogram',
    help: 'Time of one run of a job, by queue, kind and outcome (completed, retry, failed, deferred).',
    labels: ['queue', 'kind', 'outcome'],
    role: 'worker',
    buckets: JOB_BUCKETS,
  }),
  stalledRecovered: m({
    name: 'stalled_jobs_recovered_total',
    type: 'counter',
    help: "Jobs whose worker died (lock expired) that this worker's stalled check put back in the queue.",
    labels: ['queue', 'kind'],
    role: 'worker',
  }),
  breakerState: m({
    name: 'breaker_state',
    type: 'gauge',
    help: "This worker's circuit breaker for the host: 0 closed, 1 half-open, 2 open.",
    labels: ['host'],
    role: 'worker',
  }),
  breakerTransitions: m({
    name: 'breaker_transitions_total',
    type: 'counter',
    help: "Changes of this worker's circuit breaker for the host, by the state it went to.",
    labels: ['host', 'state'],
    role: 'worker',
  }),
} as const;

/**
 * Global values, exported once by `nba-scraper exporter`: read from Redis every
 * EXPORTER_INTERVAL_MS, and (`dataset_*`) from the store every EXPORTER_DATASET_INTERVAL_MS.
 */
export const EXPORTER_METRICS = {
  queueJobs: m({
    name: 'queue_jobs',
    type: 'gauge',
    help: 'Jobs in the queue by state (waiting, prioritized, active, delayed, waiting-children, completed, failed). Completed box score and totals jobs are removed at once (their data is in the store): `completed` counts season jobs.',
    labels: ['queue', 'state'],
    role: 'exporter',
  }),
  queuePaused: m({
    name: 'queue_paused',
    type: 'gauge',
    help: '1 when the queue is paused (nba-scraper or a person paused it), else 0.',
    labels: ['queue'],
    role: 'exporter',
  }),
  queueRateLimit: m({
    name: 'queue_rate_limit_remaining_seconds',
    type: 'gauge',
    help: 'Time left of the queue-wide pause set after a 429, a block or an open breaker (0: none).',
    labels: ['queue'],
    role: 'exporter',
  }),
  queueServiceableBacklog: m({
    name: 'queue_serviceable_backlog',
    type: 'gauge',
    help: "Jobs waiting (waiting + prioritized) that a worker could take now, by the host they fetch: the queue's backlog, or 0 while the queue is paused, the host is on hold or a worker reported its breaker open less than BREAKER_RESET_MS ago. Autoscaling reads it with nba_scraper_queue_useful_workers.",
    labels: ['queue', 'host'],
    role: 'exporter',
  }),
  queueUsefulWorkers: m({
    name: 'queue_useful_workers',
    type: 'gauge',
    help: 'Most workers that can all be busy on the serviceable backlog at once: ceil(min(serviceable backlog, host job cap) / WORKER_CONCURRENCY). A host with a budget caps its jobs at min(HOST_MAX_ACTIVE_JOBS, requests its HOST_RATE_LIMITS budget can have in flight within FETCH_TOTAL_TIMEOUT_MS, plus one); a host without one is not capped. More workers only idle.',
    labels: ['queue', 'host'],
    role: 'exporter',
  }),
  queueFailedByCode: m({
    name: 'queue_failed_jobs',
    type: 'gauge',
    help: 'Jobs kept in the failed state, by error code (of the newest 1000).',
    labels: ['queue', 'code'],
    role: 'exporter',
  }),
  seasonState: m({
    name: 'season_state',
    type: 'gauge',
    help: "1 for the state the season's job is in, 0 for the others.",
    labels: ['queue', 'season', 'state'],
    role: 'exporter',
  }),
  seasonPages: m({
    name: 'season_schedule_pages',
    type: 'gauge',
    help: 'Schedule pages of the season read and stored.',
    labels: ['queue', 'season'],
    role: 'exporter',
  }),
  seasonPagesExpected: m({
    name: 'season_schedule_pages_expected',
    type: 'gauge',
    help: "Schedule pages the season's default page lists (0 until it was read).",
    labels: ['queue', 'season'],
    role: 'exporter',
  }),
  seasonGames: m({
    name: 'season_games',
    type: 'gauge',
    help: 'Games in the stored schedule of the season.',
    labels: ['queue', 'season'],
    role: 'exporter',
  }),
  seasonBoxScoresExpected: m({
    name: 'season_boxscores_expected',
    type: 'gauge',
    help: 'Box score jobs the season job added in its current run (played games not stored before).',
    labels: ['queue', 'season'],
    role: 'exporter',
  }),
  seasonBoxScoresDone: m({
    name: 'season_boxscores_done',
    type: 'gauge',
    help: 'Box score jobs of the season that finished (completed or failed for good).',
    labels: ['queue', 'season'],
    role: 'exporter',
  }),
  seasonBoxScoresFailed: m({
    name: 'season_boxscores_failed',
    type: 'gauge',
    help: 'Box score jobs of the season that failed for good.',
    labels: ['queue', 'season'],
    role: 'exporter',
  }),
  datasetGames: m({
    name: 'dataset_games',
    type: 'gauge',
    help: "Games the season's stored schedule lists (read from the store, like `nba-scraper status --season`).",
    labels: ['season'],
    role: 'exporter',
  }),
  datasetBoxScoresExpected: m({
    name: 'dataset_boxscores_expected',
    type: 'gauge',
    help: "Played games (a final result) of the season's stored schedule: the box scores the dataset must hold.",
    labels: ['season'],
    role: 'exporter',
  }),
  datasetBoxScoresStored: m({
    name: 'dataset_boxscores_stored',
    type: 'gauge',
    help: 'Box scores stored for played games of the season. Expected minus stored is what `nba-scraper reconcile --season` enqueues.',
    labels: ['season'],
    role: 'exporter',
  }),
  datasetTotalsRows: m({
    name: 'dataset_player_totals_rows',
    type: 'gauge',
    help: 'Player season totals rows stored for the season (regular season and playoffs).',
    labels: ['season'],
    role: 'exporter',
  }),
  datasetComplete: m({
    name: 'dataset_complete',
    type: 'gauge',
    help: "1 when the season is complete in the store (schedule, every played game's box score, and player totals once a game is played), else 0.",
    labels: ['season'],
    role: 'exporter',
  }),
  hostBreakerState: m({
    name: 'host_breaker_state',
    type: 'gauge',
    help: 'Last breaker state any worker reported for the host: 0 closed, 1 half-open, 2 open.',
    labels: ['host'],
    role: 'exporter',
  }),
  hostHoldRemaining: m({
    name: 'host_hold_remaining_seconds',
    type: 'gauge',
    help: 'Time left during which no worker sends a request to the host, by why: it answered 429 (rate-limited: its Retry-After) or it blocked us (blocked: BLOCK_BACKOFF_MS). 0: no such hold.',
    labels: ['host', 'kind'],
    role: 'exporter',
  }),
  redisMemoryUsed: m({
    name: 'redis_memory_used_bytes',
    type: 'gauge',
    help: 'Memory Redis uses (INFO memory used_memory), as the exporter last read it.',
    labels: [],
    role: 'exporter',
  }),
  redisMemoryMax: m({
    name: 'redis_memory_max_bytes',
    type: 'gauge',
    help: 'Redis maxmemory (0: no limit). BullMQ needs maxmemory-policy noeviction, so writes fail when it is reached.',
    labels: [],
    role: 'exporter',
  }),
  pollDuration: m({
    name: 'exporter_poll_duration_seconds',
    type: 'histogram',
    help: 'Time one poll of Redis by the exporter took.',
    labels: [],
    role: 'exporter',
    buckets: DURATION_BUCKETS,
  }),
  pollErrors: m({
    name: 'exporter_poll_errors_total',
    type: 'counter',
    help: 'Polls of Redis by the exporter that failed.',
    labels: [],
    role: 'exporter',
  }),
  lastSuccess: m({
    name: 'exporter_last_success_timestamp_seconds',
    type: 'gauge',
    help: 'When the exporter last read Redis successfully (Unix time).',
    labels: [],
    role: 'exporter',
  }),
  datasetReadDuration: m({
    name: 'exporter_dataset_read_duration_seconds',
    type: 'histogram',
    help: 'Time one read of the store by the exporter took (every season, every EXPORTER_DATASET_INTERVAL_MS).',
    labels: [],
    role: 'exporter',
    buckets: READ_BUCKETS,
  }),
  datasetReadErrors: m({
    name: 'exporter_dataset_read_errors_total',
    type: 'counter',
    help: 'Reads of the store by the exporter that failed (store unreachable or unreadable); after 3 in a row the nba_scraper_dataset_* series are dropped.',
    labels: [],
    role: 'exporter',
  }),
  datasetLastSuccess: m({
    name: 'exporter_dataset_last_success_timestamp_seconds',
    type: 'gauge',
    help: 'When the exporter last read the store successfully (Unix time; 0: not yet, or EXPORTER_DATASET_INTERVAL_MS=0).',
    labels: [],
    role: 'exporter',
  }),
} as const;

/** Every metric of ours (Node default metrics aside, see docs/metrics.md). */
export const ALL_METRICS: readonly MetricSpec[] = [
  ...Object.values(COMMON_METRICS),
  ...Object.values(WORKER_METRICS),
  ...Object.values(EXPORTER_METRICS),
];
