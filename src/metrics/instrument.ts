/**
 * Timing wrappers that leave the queue code alone: a source site whose parsers report their
 * duration, and a store whose calls report theirs (and count the box scores stored). Everything
 * else passes through to the wrapped object unchanged.
 */
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import { STORE_OPERATIONS } from './catalog.ts';
import type { WorkerMetrics } from './worker-metrics.ts';

/** Parser method -> page kind of `nba_scraper_parse_duration_seconds`. */
const PARSERS: Readonly<Record<string, string>> = {
  parseSchedule: 'schedule',
  parseBoxScore: 'boxscore',
  parsePlayerTotals: 'totals',
  parseStandings: 'summary',
  parseTeamSeason: 'team',
  parsePlayerAdvanced: 'advanced',
  parseDraft: 'draft',
  parseAwards: 'awards',
};

/** `target` with `wrap(name, fn)` around the methods named in `names`; other members bound to `target`. */
function wrapMethods<T extends object>(
  target: T,
  names: readonly string[],
  wrap: (name: string, fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
): T {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      let bound = cache.get(prop);
      if (bound === undefined) {
        const fn = (value as (...args: unknown[]) => unknown).bind(t);
        bound = typeof prop === 'string' && names.includes(prop) ? wrap(prop, fn) : fn;
        cache.set(prop, bound);
      }
      return bound;
    },
  });
}

export function instrumentSite(site: SourceSite, metrics: Pick<WorkerMetrics, 'parsed'>): SourceSite {
  return wrapMethods(site, Object.keys(PARSERS), (name, fn) => {
    const kind = PARSERS[name] as string;
    return (...args) => {
      const started = performance.now();
      try {
        return fn(...args);
      } finally {
        metrics.parsed(kind, (performance.now() - started) / 1000);
      }
    };
  });
}

export function instrumentStore(
  store: Store,
  metrics: Pick<WorkerMetrics, 'storeOperation' | 'gameStored'>,
): Store {
  return wrapMethods(store, STORE_OPERATIONS, (name, fn) => async (...args) => {
    const started = performance.now();
    let ok = false;
    try {
      const result = await fn(...args);
      ok = true;
      if (name === 'upsertBoxScore') metrics.gameStored();
      return result;
    } finally {
      metrics.storeOperation(name, ok, (performance.now() - started) / 1000);
    }
  });
}
