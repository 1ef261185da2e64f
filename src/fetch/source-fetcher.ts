/**
 * The fetcher the jobs use for one source host: circuit breaker -> shared politeness budget ->
 * hold check -> HTTP. The hold (shared through Redis) is checked right before each request, after
 * the politeness wait, so that once the host answered 429 or blocked us no request leaves any
 * worker until the hold ends — also requests that were already waiting for their turn. A 429
 * puts the host on hold for its Retry-After at once. Reports what it sees to an observer (metrics).
 */
import { BreakerOpenError } from '../errors/breaker-open-error.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { isScraperError } from '../errors/scraper-error.ts';
import type { HostBreaker } from './host-breaker.ts';
import type { HostBudget } from './host-budget.ts';
import type { HostHold, HostStateStore } from './host-state.ts';
import type { FetchedPage, PageFetcher } from './http-client.ts';

/** What the fetcher reports; every member optional. */
export interface FetchObserver {
  politenessWait?(host: string, waitedMs: number): void;
  response?(host: string, status: number, durationMs: number, bytes: number): void;
  /** A request that did not give a page: `status` when the host answered, else undefined. */
  failure?(host: string, code: string, status: number | undefined, durationMs: number): void;
}

export interface SourceFetcherParts {
  http: PageFetcher;
  budget: HostBudget;
  breaker: HostBreaker;
  hostState: HostStateStore;
  observer?: FetchObserver;
}

export function createSourceFetcher(parts: SourceFetcherParts): PageFetcher {
  const { http, budget, breaker, hostState, observer } = parts;
  const host = http.host;
  return {
    host,
    async fetch(path, opts = {}) {
      // Before waiting for a turn: a held host should not take politeness slots.
      throwIfHeld(host, await hostState.currentHold(host));
      return breaker.run(() =>
        budget.schedule(
          async (): Promise<FetchedPage> => {
            throwIfHeld(host, await hostState.currentHold(host));
            const started = performance.now();
            try {
              const page = await http.fetch(path, opts);
              observer?.response?.(host, page.status, page.durationMs, page.bytes);
              return page;
            } catch (err) {
              const code = isScraperError(err) ? err.code : 'ERR_UNEXPECTED';
              const status = isScraperError(err) ? err.status : undefined;
              observer?.failure?.(host, code, status, performance.now() - started);
              if (err instanceof RateLimitedError) {
                await hostState.hold(host, err.retryAfterMs, 'rate-limited', err.message).catch(() => {});
              }
              throw err;
            }
          },
          { signal: opts.signal, onStart: (waited) => observer?.politenessWait?.(host, waited) },
        ),
      );
    },
    close() {
      http.close();
      breaker.shutdown();
      void budget.close();
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
