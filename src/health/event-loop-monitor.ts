/**
 * Measures how late the event loop is: a timer that should fire every `sampleMs` notes by how much
 * it fired late. `maxLagMs()` is the worst lag of the last `windowMs`, the stall still in progress
 * included (a loop blocked right now has not fired its timer yet). Liveness uses it: a loop that
 * stalls longer than the job lock loses its jobs.
 */

export interface EventLoopMonitor {
  /** Worst lag (ms) within the window, including the time since the last tick beyond its due time. */
  maxLagMs(): number;
  stop(): void;
}

export interface EventLoopMonitorOptions {
  /** Tick period. Default 500 ms. */
  sampleMs?: number;
  /** How far back `maxLagMs` looks. Default 10 s. */
  windowMs?: number;
}

export function startEventLoopMonitor(opts: EventLoopMonitorOptions = {}): EventLoopMonitor {
  const sampleMs = opts.sampleMs ?? 500;
  const windowMs = opts.windowMs ?? 10_000;
  const samples: { at: number; lag: number }[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    samples.push({ at: now, lag: Math.max(0, now - last - sampleMs) });
    last = now;
    while (samples.length > 0 && (samples[0] as { at: number }).at < now - windowMs) samples.shift();
  }, sampleMs);
  timer.unref();
  return {
    maxLagMs() {
      const now = performance.now();
      let max = Math.max(0, now - last - sampleMs);
      for (const s of samples) if (s.at >= now - windowMs && s.lag > max) max = s.lag;
      return max;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
