/**
 * What several dashboards share: the namespace variable and selector, the variable and selector of
 * each dashboard's own label, Grafana's rate interval and histogram percentile targets.
 */
import type { Target, VariableSpec } from '../grafana.ts';

/** The namespace picker every dashboard starts with. */
export const NAMESPACE: VariableSpec = {
  name: 'namespace',
  label: 'Namespace',
  query: 'label_values(nba_scraper_build_info, namespace)',
};
/** Grafana's range for `rate()` and `increase()`, which follows the scrape interval and the zoom. */
export const RI = '$__rate_interval';
/** Label selector of the chosen namespaces. */
export const NS = 'namespace=~"$namespace"';

/** A multi-value variable: the values of the label `name` on `metric` in the chosen namespaces. */
export const labelVariable = (name: string, label: string, metric: string): VariableSpec => ({
  name,
  label,
  query: `label_values(${metric}{${NS}}, ${name})`,
  multi: true,
});

/** Label selector of the chosen namespaces and the chosen values of the label (and variable) `name`. */
export const selector = (name: string): string => `${NS}, ${name}=~"$${name}"`;

/** A target per percentile (legend `p50`, `p95`…) of the histogram series `buckets` (`…_bucket{…}`). */
export const percentiles = (ps: number[], buckets: string): Target[] =>
  ps.map((p) => ({
    expr: `histogram_quantile(${p}, sum by (le) (rate(${buckets}[${RI}])))`,
    legend: `p${Math.round(p * 100)}`,
  }));
