/**
 * One prom-client registry per process: Node's default metrics (CPU, memory, event-loop lag, GC,
 * handles), all under the `nba_scraper_` prefix, plus `nba_scraper_build_info`. Instruments are
 * made from the catalog's specs, so their names, labels and buckets are the documented ones.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { packageVersion } from '../package-version.ts';
import { COMMON_METRICS, METRIC_PREFIX, type MetricSpec } from './catalog.ts';

export type ProcessRole = 'worker' | 'exporter';

/** Buckets of `nba_scraper_nodejs_gc_duration_seconds`. */
const GC_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1];

export function createMetricsRegistry(role: ProcessRole): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX, gcDurationBuckets: GC_BUCKETS });
  gauge(registry, COMMON_METRICS.buildInfo).set(
    { version: packageVersion(), role, node_version: process.version },
    1,
  );
  return registry;
}

function check(spec: MetricSpec, type: MetricSpec['type']): void {
  if (spec.type !== type) throw new TypeError(`${spec.name} is a ${spec.type}, not a ${type}`);
}

export function counter(registry: Registry, spec: MetricSpec): Counter {
  check(spec, 'counter');
  return new Counter({ name: spec.name, help: spec.help, labelNames: spec.labels, registers: [registry] });
}

export function gauge(registry: Registry, spec: MetricSpec): Gauge {
  check(spec, 'gauge');
  return new Gauge({ name: spec.name, help: spec.help, labelNames: spec.labels, registers: [registry] });
}

export function histogram(registry: Registry, spec: MetricSpec): Histogram {
  check(spec, 'histogram');
  return new Histogram({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labels,
    buckets: [...(spec.buckets ?? [])],
    registers: [registry],
  });
}
