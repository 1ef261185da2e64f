/**
 * Delayed work of a running replay site (injected latency, trickled bodies, the pause before a
 * mid-body reset). Closing the site stops it: every pending callback runs at once, and the
 * callbacks see `stopped` and end what they were doing.
 */
export class DelayedWork {
  readonly #pending = new Map<NodeJS.Timeout, () => void>();
  #stopped = false;

  /** True once `stop()` was called: the site is closing. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Runs `fn` after `ms` milliseconds, or at once when the site closes before that. */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.#pending.delete(t);
      fn();
    }, ms);
    this.#pending.set(t, fn);
  }

  /** Resolves after `ms` milliseconds (at once for 0 or less, or when the site closes). */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.later(ms, resolve));
  }

  /** Marks the work stopped and runs every pending callback now. */
  stop(): void {
    this.#stopped = true;
    for (const [t, fn] of [...this.#pending]) {
      clearTimeout(t);
      this.#pending.delete(t);
      fn();
    }
  }
}
