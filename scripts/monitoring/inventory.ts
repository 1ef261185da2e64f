/**
 * What the dashboards and rules may read: the names the processes export (catalog + Node default
 * metrics, histograms with their series suffixes), the recording rules, and, for alerts only, the
 * series other exporters provide (`up` from Prometheus, redis_exporter's).
 */
import { ALL_METRICS } from '../../src/metrics/catalog.ts';
import { defaultMetrics } from './metrics-doc.ts';
import { RECORDING_RULES } from './rules.ts';

/** Series Prometheus or other exporters provide; alerts may use them, dashboards may not. */
export const EXTERNAL_SERIES = ['up', 'redis_up', 'redis_memory_used_bytes', 'redis_memory_max_bytes'];

function seriesNames(name: string, type: string): string[] {
  return type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name];
}

/** Every series name our processes export. */
export async function exportedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const m of ALL_METRICS) for (const n of seriesNames(m.name, m.type)) names.add(n);
  for (const m of await defaultMetrics()) for (const n of seriesNames(m.name, m.type)) names.add(n);
  return names;
}

export const RECORDED_NAMES = new Set(RECORDING_RULES.flatMap((g) => g.rules.map((r) => r.record)));
