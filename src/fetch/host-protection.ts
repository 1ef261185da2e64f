/**
 * Everything that protects a source host from us, and us from it, in one place: the hold shared
 * by every worker through Redis (a 429 holds the host for its Retry-After; a 403 or block page
 * holds it for BLOCK_BACKOFF_MS), and the host's circuit breaker (transport failures). The
 * fetcher asks it before and around every request; the queue's failure policy asks it how long a
 * refused job must wait. The app only wires it.
 */
import { BreakerOpenError } from '../errors/breaker-open-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import type { Logger } from '../log/logger.ts';
import { type BreakerState, createHostBreaker, type HostBreakerOptions } from './host-breaker.ts';
import type { HostHold, HostStateStore } from './host-state.ts';

export interface HostProtectionOptions {
  host: string;
  hostState: HostStateStore;
  /** The breaker's thresholds (BREAKER_* settings). */
  breaker: Omit<HostBreakerOptions, 'host' | 'onStateChange'>;
  /** How long a host that refused us (403, block page) is held off: BLOCK_BACKOFF_MS. */
  blockBackoffMs: number;
  logger: Logger;
  /** Told of every breaker transition (metrics). */
  onBreakerChange?(host: string, state: BreakerState): void;
}

/**
 * How long one read of the host's hold serves the checks that may use it again (ms). A hold this
 * process sets is seen at once; one set by another process is seen within this time by the
 * checks that reuse a read. The check right before a request to a host with a request budget
 * always reads afresh (its requests are seconds apart anyway); for a host without a budget the
 * reuse saves two Redis round trips per request, and the few requests that may leave in the
 * 250 ms after another process's 429 are answered 429 themselves and hold the host too.
 */
export const HOLD_READ_REUSE_MS = 250;

/** The code of a refusal (403 or a block page), on the line that puts the host on hold. */
const BLOCKED_CODE: ErrorCode = 'ERR_BLOCKED';

export interface HostProtection {
  readonly host: string;
  /**
   * Throws while the host is on hold: RateLimitedError after a 429, BreakerOpenError after a
   * block. `fresh`: read the shared hold now instead of reusing a read of the last
   * HOLD_READ_REUSE_MS.
   */
  throwIfHeld(opts?: { fresh?: boolean }): Promise<void>;
  /** Runs a request through the host's circuit breaker (BreakerOpenError while it is open). */
  guard<T>(request: () => Promise<T>): Promise<T>;
  /** A request failed: a 429 holds the host for its Retry-After, for every worker. */
  requestFailed(err: unknown): Promise<void>;
  /**
   * A job was refused: for an open breaker (or a hold) the time until it may try again; for a
   * 403 or a block page the host is held off for BLOCK_BACKOFF_MS, for every worker. Returns how
   * long the host's queue must pause.
   */
  holdOff(err: Error): Promise<number>;
  close(): void;
}

export function createHostProtection(opts: HostProtectionOptions): HostProtection {
  const { host, hostState, blockBackoffMs } = opts;
  const log = opts.logger.child({ component: 'fetch', host });
  const breaker = createHostBreaker({
    ...opts.breaker,
    host,
    onStateChange: (state) => {
      log[state === 'open' ? 'error' : 'warn']({ breaker: state }, `circuit breaker ${state}`);
      opts.onBreakerChange?.(host, state);
      hostState.reportBreaker(host, state).catch(() => {});
    },
  });
  // The last read of the shared hold (or the hold this process set), and when it was read.
  let known: { hold: HostHold | null; at: number } = { hold: null, at: Number.NEGATIVE_INFINITY };
  const remember = (hold: HostHold | null): void => {
    known = { hold, at: performance.now() };
  };
  const holdNow = async (fresh: boolean): Promise<HostHold | null> => {
    if (fresh || performance.now() - known.at >= HOLD_READ_REUSE_MS)
      remember(await hostState.currentHold(host));
    return known.hold !== null && known.hold.until > Date.now() ? known.hold : null;
  };
  const hold = async (ms: number, kind: HostHold['kind'], reason: string): Promise<void> => {
    await hostState.hold(host, ms, kind, reason);
    remember({ until: Date.now() + ms, kind, reason });
  };
  return {
    host,
    async throwIfHeld(opts) {
      throwIfHeld(host, await holdNow(opts?.fresh === true));
    },
    guard: (request) => breaker.run(request),
    async requestFailed(err) {
      if (!(err instanceof RateLimitedError)) return;
      log.warn(
        { code: err.code, hold: 'rate-limited', holdMs: err.retryAfterMs },
        `${host} asked us to slow down (429, or 503 with Retry-After): no request goes to it from any worker for ${Math.ceil(err.retryAfterMs / 1000)} s`,
      );
      await hold(err.retryAfterMs, 'rate-limited', err.message).catch(() => {});
    },
    async holdOff(err) {
      if (err instanceof BreakerOpenError) return err.retryAfterMs;
      log.error(
        { code: BLOCKED_CODE, hold: 'blocked', holdMs: blockBackoffMs, err },
        `${host} refused us (403 or a block page): no request goes to it from any worker for ${Math.round(blockBackoffMs / 60_000)} min`,
      );
      await hold(blockBackoffMs, 'blocked', err.message);
      return blockBackoffMs;
    },
    close() {
      breaker.shutdown();
    },
  };
}

function throwIfHeld(host: string, hold: HostHold | null): void {
  if (!hold) return;
  const ms = Math.max(1, hold.until - Date.now());
  const until = new Date(hold.until).toISOString();
  if (hold.kind === 'rate-limited')
    throw new RateLimitedError(`${host} is rate-limiting us until ${until}`, ms);
  throw new BreakerOpenError(`${host} is on hold after blocking us, until ${until}`, ms);
}
