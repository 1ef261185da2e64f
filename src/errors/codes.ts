/**
 * The registry of stable error codes: one line each, what it means and what the queue does, and
 * the typed sets of codes that the breaker, the CLI's exit codes and the metrics consume.
 * docs/errors.md is checked against this table by a test.
 */
export const ERROR_CODES = {
  ERR_USAGE: 'A command-line argument is wrong. The command exits 2 and changes nothing.',
  ERR_CONFIG: 'A setting (environment variable) is wrong. The process exits 2 at start-up.',
  ERR_REDIS_UNAVAILABLE: 'Redis cannot be reached. Commands exit 2; workers keep reconnecting.',
  ERR_STORE: 'The result store rejected a read or write. Retried like a network error.',
  ERR_NETWORK: 'The connection failed or was reset. Retried with the configured backoff.',
  ERR_TIMEOUT: 'A request or job took longer than its deadline. Retried with the configured backoff.',
  ERR_HTTP_5XX: 'The source answered with a server error. Retried with the configured backoff.',
  ERR_HTTP_4XX: 'The source answered with a client error other than 403, 404 or 429. Not retried.',
  ERR_RATE_LIMITED:
    'The source answered 429 (or 503 with Retry-After). The queue pauses; no attempt is used.',
  ERR_BLOCKED: "The source answered 403 or a block page. The host's breaker opens for the long backoff.",
  ERR_NOT_FOUND: 'A page that must exist answered 404. Not retried; counted.',
  ERR_PARSE: 'A page no longer parses (layout changed). Not retried; the raw page is kept.',
  ERR_EMPTY_PAGE:
    'A page answered 200 but holds no data where data must be. Not retried; the raw page is kept.',
  ERR_BREAKER_OPEN: "The host's circuit breaker is open. The job waits until half-open; no attempt is used.",
  ERR_UNEXPECTED:
    'An error that is not one of ours (a bug, a library error). Retried with the configured backoff; report it.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in the table's order. */
export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as readonly ErrorCode[];

/** True when `code` is one of the registry's codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** Failures that are the host's fault: the circuit breaker counts these and nothing else. */
export const HOST_FAULT_CODES = [
  'ERR_NETWORK',
  'ERR_TIMEOUT',
  'ERR_HTTP_5XX',
] as const satisfies readonly ErrorCode[];

/**
 * Bad input: what the user gave (arguments, settings, an unreachable Redis or store, a page that
 * does not parse). A command that fails with one of these exits 2.
 */
export const BAD_INPUT_CODES = [
  'ERR_USAGE',
  'ERR_CONFIG',
  'ERR_REDIS_UNAVAILABLE',
  'ERR_STORE',
  'ERR_PARSE',
  'ERR_EMPTY_PAGE',
] as const satisfies readonly ErrorCode[];

/** Codes a request that gave no page can end with (the fetch metrics count these). */
export const FETCH_FAILURE_CODES = [
  ...HOST_FAULT_CODES,
  'ERR_HTTP_4XX',
  'ERR_NOT_FOUND',
  'ERR_RATE_LIMITED',
  'ERR_BLOCKED',
  'ERR_UNEXPECTED',
] as const satisfies readonly ErrorCode[];

/**
 * Codes a job attempt can fail with (retried or failed for good). Rate limits, blocks and an open
 * breaker are not among them: they defer the job without using an attempt.
 */
export const JOB_FAILURE_CODES = [
  ...HOST_FAULT_CODES,
  'ERR_HTTP_4XX',
  'ERR_NOT_FOUND',
  'ERR_PARSE',
  'ERR_EMPTY_PAGE',
  'ERR_STORE',
  'ERR_REDIS_UNAVAILABLE',
  'ERR_UNEXPECTED',
] as const satisfies readonly ErrorCode[];

/** Membership test for the code sets above. */
export function hasCode(codes: readonly ErrorCode[], code: string): boolean {
  return (codes as readonly string[]).includes(code);
}
