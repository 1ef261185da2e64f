/**
 * The circuit breaker of one host (opossum). It counts transport failures (network errors,
 * timeouts, 5xx) and opens when their share passes the threshold over the rolling window; while
 * open, requests fail at once with BreakerOpenError, which the failure policy turns into a
 * queue-wide pause of the host's jobs (no attempt used); after the reset time one probe request
 * is let through (half-open) and closes it again on success. Missing pages, changed layouts and
 * 429s say nothing about the host's health and are not counted.
 */
import CircuitBreaker from 'opossum';
import { BreakerOpenError } from '../errors/breaker-open-error.ts';
import { HOST_FAULT_CODES, hasCode } from '../errors/codes.ts';
import { isScraperError } from '../errors/scraper-error.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface HostBreakerOptions {
  host: string;
  /** Error share (%) over the window that opens the breaker. */
  errorThresholdPercentage: number;
  /** Requests in the window before the share is judged. */
  volumeThreshold: number;
  /** Rolling window, ms. */
  rollingWindowMs: number;
  /** Time open before a probe is let through, ms. */
  resetTimeoutMs: number;
  onStateChange?: (state: BreakerState) => void;
}

export interface HostBreaker {
  readonly host: string;
  readonly state: BreakerState;
  /** Runs `fn` through the breaker. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Ms until an open breaker lets a probe through (0 when not open). */
  msUntilHalfOpen(): number;
  shutdown(): void;
}

export function createHostBreaker(opts: HostBreakerOptions): HostBreaker {
  const breaker = new CircuitBreaker((fn: () => Promise<unknown>) => fn(), {
    timeout: false,
    errorThresholdPercentage: opts.errorThresholdPercentage,
    volumeThreshold: opts.volumeThreshold,
    rollingCountTimeout: opts.rollingWindowMs,
    rollingCountBuckets: 10,
    resetTimeout: opts.resetTimeoutMs,
    // true = "not a failure of the host": do not count it.
    errorFilter: (err: unknown) => !(isScraperError(err) && hasCode(HOST_FAULT_CODES, err.code)),
  });
  let state: BreakerState = 'closed';
  let openedAt = 0;
  const set = (next: BreakerState): void => {
    if (next === 'open') openedAt = Date.now();
    if (state === next) return;
    state = next;
    opts.onStateChange?.(next);
  };
  breaker.on('open', () => set('open'));
  breaker.on('halfOpen', () => set('half-open'));
  breaker.on('close', () => set('closed'));

  const msUntilHalfOpen = (): number =>
    state === 'open' ? Math.max(0, openedAt + opts.resetTimeoutMs - Date.now()) : 0;

  return {
    host: opts.host,
    get state() {
      return state;
    },
    async run<T>(fn: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(fn)) as T;
      } catch (err) {
        if ((err as { code?: string }).code === 'EOPENBREAKER') {
          const wait = Math.max(1_000, msUntilHalfOpen());
          throw new BreakerOpenError(
            `circuit breaker for ${opts.host} is open; next probe in ${Math.ceil(wait / 1000)} s`,
            wait,
            {
              cause: err,
            },
          );
        }
        throw err;
      }
    },
    msUntilHalfOpen,
    shutdown() {
      breaker.shutdown();
    },
  };
}
