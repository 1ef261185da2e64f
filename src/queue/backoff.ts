/**
 * Retry delays for failed attempts: the configured intervals first (default 10 s, 30 s, 60 s),
 * then exponential growth from the last interval with full jitter (a uniformly random delay
 * between 0 and the exponential ceiling), capped. Pure: the random source is injectable.
 */
export interface BackoffSettings {
  /** Delays for the first retries, in order. */
  intervalsMs: readonly number[];
  /** Ceiling of any delay. */
  maxDelayMs: number;
}

/**
 * Delay before retry number `attemptsMade` (1 = the first retry, after the first failure).
 */
export function retryDelay(
  attemptsMade: number,
  s: BackoffSettings,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(attemptsMade));
  const listed = s.intervalsMs[n - 1];
  if (listed !== undefined) return Math.min(listed, s.maxDelayMs);
  const last = s.intervalsMs.at(-1) ?? 1_000;
  const ceiling = Math.min(s.maxDelayMs, last * 2 ** (n - s.intervalsMs.length));
  return Math.round(random() * ceiling);
}

/** Name of the BullMQ custom backoff type that uses retryDelay. */
export const BACKOFF_TYPE = 'scraper';
