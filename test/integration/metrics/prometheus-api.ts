/**
 * The few calls of the Prometheus HTTP API the monitoring tests make, on a local Prometheus.
 */
import { waitFor } from '../../helpers/wait.ts';

export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

interface ApiAnswer<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
  errorType?: string;
}

async function get<T>(base: string, path: string, params: Record<string, string | string[]>): Promise<T> {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(params))
    for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  const body = (await res.json()) as ApiAnswer<T>;
  if (body.status !== 'success')
    throw new Error(`${path} ${JSON.stringify(params)}: ${body.errorType}: ${body.error}`);
  return body.data;
}

/** Instant query at now: the series it returns (a scalar counts as one). */
export async function query(base: string, expr: string): Promise<Sample[]> {
  const data = await get<{ resultType: string; result: unknown }>(base, '/api/v1/query', { query: expr });
  if (data.resultType === 'scalar' || data.resultType === 'string')
    return [{ metric: {}, value: data.result as [number, string] }];
  return data.result as Sample[];
}

/** The value of a query that returns one series, or NaN when it returns none. */
export async function value(base: string, expr: string): Promise<number> {
  const r = await query(base, expr);
  if (r.length > 1) throw new Error(`${expr} returned ${r.length} series`);
  return r.length === 0 ? Number.NaN : Number(r[0]?.value[1]);
}

/** Label sets of the series a selector matches (what Grafana's label_values reads). */
export async function series(base: string, selector: string): Promise<Record<string, string>[]> {
  return get<Record<string, string>[]>(base, '/api/v1/series', {
    'match[]': selector,
    start: String(Date.now() / 1000 - 3600),
  });
}

export interface RuleState {
  name: string;
  type: 'recording' | 'alerting';
  health: string;
  lastError?: string;
  state?: string;
}

export async function rules(base: string): Promise<RuleState[]> {
  const data = await get<{ groups: { rules: RuleState[] }[] }>(base, '/api/v1/rules', {});
  return data.groups.flatMap((g) => g.rules);
}

/** Polls `fn` until `ok` (every 250 ms: each look is a query); throws with the last value after `timeoutMs`. */
export function eventually<T>(
  what: string,
  fn: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  return waitFor(what, fn, ok, { timeoutMs, intervalMs: 250 });
}
