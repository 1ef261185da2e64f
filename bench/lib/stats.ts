/** Small statistics over repeated measurements: min / median / max, quantiles, formatting. */

export interface Summary {
  n: number;
  min: number;
  median: number;
  max: number;
}

/** Quantile by the nearest-rank method (p95 of 20 values is the 19th smallest). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(values: readonly number[]): Summary {
  return {
    n: values.length,
    min: values.length ? Math.min(...values) : Number.NaN,
    median: median(values),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** A number with `digits` decimals, or `n/a`. */
export function num(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** `median (min–max)`; just the value when there is one run. */
export function range(s: Summary, digits = 1, unit = ''): string {
  if (s.n === 0) return 'n/a';
  if (s.n === 1 || s.min === s.max) return `${num(s.median, digits)}${unit}`;
  return `${num(s.median, digits)}${unit} (${num(s.min, digits)}–${num(s.max, digits)})`;
}

export function percent(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)} %` : 'n/a';
}

/**
 * Ratios measured in the same repetition (pairs of runs made back to back), summarised: the
 * ratio's spread, not the spread of two independent spreads.
 */
export function ratios(a: readonly number[], b: readonly number[]): Summary {
  const n = Math.min(a.length, b.length);
  return summarise(Array.from({ length: n }, (_, i) => a[i]! / b[i]!));
}
