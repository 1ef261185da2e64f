/**
 * The fetcher the jobs use for one source host: host protection (breaker) -> shared politeness
 * budget -> host protection (hold check) -> HTTP. The hold (shared through Redis) is checked right
 * before each request, after the politeness wait, so that once the host answered 429 or blocked us
 * no request leaves any worker until the hold ends — also requests that were already waiting for
 * their turn. Reports what it sees to an observer (metrics).
 */
import { isScraperError } from '../errors/scraper-error.ts';
import type { BreakerState } from './host-breaker.ts';
import type { HostBudget } from './host-budget.ts';
import type { HostProtection } from './host-protection.ts';
import type { FetchedPage, PageFetcher } from './http-client.ts';

/** What the fetcher reports; every member optional. */
export interface FetchObserver {
  politenessWait?(host: string, waitedMs: number): void;
  response?(host: string, status: number, durationMs: number, bytes: number): void;
  /** A request that did not give a page: `status` when the host answered, else undefined. */
  failure?(host: string, code: string, status: number | undefined, durationMs: number): void;
  /** The host's circuit breaker changed state (reported by its host protection). */
  breakerChanged?(host: string, state: BreakerState): void;
}

export interface SourceFetcherParts {
  http: PageFetcher;
  budget: HostBudget;
  protection: HostProtection;
  observer?: FetchObserver;
}

export function createSourceFetcher(parts: SourceFetcherParts): PageFetcher {
  const { http, budget, protection, observer } = parts;
  const host = http.host;
  return {
    host,
    async fetch(path, opts = {}) {
      // Before waiting for a turn: a held host should not take politeness slots.
      await protection.throwIfHeld();
      return protection.guard(() =>
        budget.schedule(
          async (): Promise<FetchedPage> => {
            // Right before the request: a budgeted host's hold is read afresh (see HOLD_READ_REUSE_MS).
            await protection.throwIfHeld({ fresh: budget.requestsPerMinute !== null });
            const started = performance.now();
            try {
              const page = await http.fetch(path, opts);
              observer?.response?.(host, page.status, page.durationMs, page.bytes);
              return page;
            } catch (err) {
              const code = isScraperError(err) ? err.code : 'ERR_UNEXPECTED';
              const status = isScraperError(err) ? err.status : undefined;
              observer?.failure?.(host, code, status, performance.now() - started);
              await protection.requestFailed(err);
              throw err;
            }
          },
          { signal: opts.signal, onStart: (waited) => observer?.politenessWait?.(host, waited) },
        ),
      );
    },
    close() {
      http.close();
      protection.close();
      void budget.close();
    },
  };
}
