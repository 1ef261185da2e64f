/**
 * The abort signal a job runs under: aborted when its deadline passes (reason: a `TimeoutError`
 * DOMException, as `AbortSignal.timeout` gives) or when the worker's own signal aborts (shutdown;
 * its reason is passed on). `done()` clears the timer and the link to the worker's signal as soon
 * as the job ends.
 *
 * Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: a timeout signal keeps its timer, and
 * everything listening on the combined signal (the page's HTTP request), alive until the deadline
 * passes, minutes after the job ended. Over a crawl that is thousands of timers and finished
 * requests that the garbage collector has to carry into the old generation.
 */
export interface JobDeadline {
  readonly signal: AbortSignal;
  /** Ends the deadline: the timer is cleared and the worker's signal no longer forwarded. Idempotent. */
  done(): void;
}

export function jobDeadline(parent: AbortSignal | undefined, ms: number): JobDeadline {
  const controller = new AbortController();
  if (parent?.aborted) {
    // The worker is closing already: nothing to time, nothing to forward.
    controller.abort(parent.reason);
    return { signal: controller.signal, done() {} };
  }
  const forward = (): void => controller.abort(parent?.reason);
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  parent?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', forward);
    },
  };
}
