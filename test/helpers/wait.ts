/**
 * Waiting for a state instead of asserting how fast it came: tests poll what they observe until it
 * holds, with a deadline far above what the state takes on an idle machine, so a busy CI machine
 * makes a test slower, not red. A state that never comes still fails, at the deadline, with the
 * last value seen.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this long. Default 60 s. */
  timeoutMs?: number;
  /** Pause between two looks. Default 100 ms. */
  intervalMs?: number;
}

/**
 * Calls `read` until `ok` accepts its value and returns that value. A `read` that throws counts as
 * "not yet"; after `timeoutMs` the wait throws, naming `what` and the last value or error.
 */
export async function waitFor<T>(
  what: string,
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  { timeoutMs = 60_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing read yet';
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
      last = `last value: ${describe(value)}`;
    } catch (err) {
      last = `last error: ${(err as Error).stack ?? String(err)}`;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (${last})`);
    await sleep(intervalMs);
  }
}

/** Waits until `holds` returns true (see waitFor). */
export async function waitUntil(
  what: string,
  holds: () => boolean | Promise<boolean>,
  opts?: WaitOptions,
): Promise<void> {
  await waitFor(what, holds, (v) => v, opts);
}

function describe(value: unknown): string {
  if (value instanceof Map) return describe(Object.fromEntries(value));
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 2_000 ? `${text.slice(0, 2_000)}...` : text;
}
