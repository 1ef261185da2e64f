/**
 * The registry of stable error codes: one line each, what it means and what the queue does.
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
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
