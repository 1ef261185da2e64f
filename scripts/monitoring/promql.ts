/**
 * Small helpers over PromQL text for the checks: the metric names an expression reads, the Grafana
 * variables it uses, and the expression with those variables replaced by values. Syntax itself is
 * checked by promtool (the Prometheus parser), not here.
 */

const AGGREGATIONS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
]);
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'atan2', 'inf', 'nan', 'start', 'end']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

/** The metric names (and recording rule names) `expr` selects. */
export function metricNames(expr: string): string[] {
  const text = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]');
  const tokens = [...text.matchAll(/\d+(?:\.\d+)?(?:e[+-]?\d+)?[a-z]*|[a-zA-Z_:][a-zA-Z0-9_:]*|\S/g)].map(
    (m) => m[0],
  );
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (!/^[a-zA-Z_:]/.test(t)) continue;
    if (GROUPING.has(t)) {
      if (tokens[i + 1] === '(') {
        let depth = 0;
        for (i = i + 1; i < tokens.length; i++) {
          if (tokens[i] === '(') depth++;
          else if (tokens[i] === ')' && --depth === 0) break;
        }
      }
      continue;
    }
    if (KEYWORDS.has(t.toLowerCase()) || AGGREGATIONS.has(t)) continue;
    if (tokens[i + 1] === '(') continue; // a function
    names.add(t);
  }
  return [...names].sort();
}

/** Grafana variables `$name` / `${name}` in `text`. */
export function variablesIn(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1] as string)),
  ].sort();
}

/** `text` with every `$name` / `${name}` replaced by `values[name]`; throws on a missing one. */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_all, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for $${name} in ${text}`);
    return v;
  });
}

/** The selector and label of a Grafana `label_values(selector, label)` variable query (Prometheus or Loki). */
export function parseLabelValues(query: string): { selector: string; label: string } {
  const m = /^label_values\((.*),\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$/s.exec(query.trim());
  if (!m) throw new Error(`not a label_values(selector, label) query: ${query}`);
  return { selector: (m[1] as string).trim(), label: m[2] as string };
}
