/**
 * The fetcher the jobs use for one source host: hold check (the host blocked us) -> circuit
 * breaker -> shared politeness budget -> HTTP. Reports what it sees to an observer (metrics).
 */
import { BreakerOpenError } from '../errors/breaker-open-error.ts';
import { isScraperError } from '../errors/scraper-error.ts';
import type { HostBreaker } from './host-breaker.ts';
import type { HostBudget } from './host-budget.ts';
import type { HostStateStore } from './host-state.ts';
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
      const holdUntil = await hostState.holdUntil(host);
      if (holdUntil > 0) {
        throw new BreakerOpenError(
          `${host} is on hold after blocking us, until ${new Date(holdUntil).toISOString()}`,
          holdUntil - Date.now(),
        );
      }
      return breaker.run(() =>
        budget.schedule(
          async (): Promise<FetchedPage> => {
            const started = performance.now();
            try {
              const page = await http.fetch(path, opts);
              observer?.response?.(host, page.status, page.durationMs, page.bytes);
              return page;
            } catch (err) {
              const code = isScraperError(err) ? err.code : 'ERR_UNEXPECTED';
              const status = isScraperError(err) ? err.status : undefined;
              observer?.failure?.(host, code, status, performance.now() - started);
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
