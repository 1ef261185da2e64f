/**
 * Node (V8) flags of every worker process: the demo's and the benchmarks' (WorkerPool), and the
 * pods' (the chart's `worker.nodeFlags`, given on the worker container's command line, checked equal
 * to this list by test/k8s; NODE_OPTIONS refuses `--no-allocation-site-pretenuring`).
 *
 * - `--max-old-space-size=1024`: V8 grows its old generation after each full collection by a
 *   factor it derives from this limit: about 1.6 for 1 GB, 4 from 2 GB up (the default limit on a
 *   machine with a few GB of memory). With the factor of 4 the old generation fills with garbage
 *   between full collections, and peak RSS at concurrency 10 is 235-370 MB; with 1 GB it stays
 *   under 200 MB. 1 GB is far above every peak measured (under 400 MB at concurrency 50), so it
 *   never limits the work.
 * - `--max-semi-space-size=16`: a young generation that holds what a page's work keeps alive (its
 *   DOM, 1-2 MB, and the records built from it) until the work is done, so little of it is promoted
 *   and the old generation fills slowly. A 2 MB semi-space (the setting before) promoted part of
 *   every DOM: 2-4 ms more CPU per page for 10-20 MB less peak RSS.
 * - `--no-allocation-site-pretenuring`: V8 otherwise learns from a scavenge that happens in the
 *   middle of a parse (when all of that page's DOM is still alive) that the DOM's allocation sites
 *   make long-lived objects, and from then on allocates every DOM node straight in the old
 *   generation, where only a full collection frees it. A sampling heap profile of a worker over a
 *   season showed 1.8 GB allocated that only full collections freed, most of it DOM nodes; without
 *   pretenuring 0.76 GB. Main-thread GC time over the season fell from 1.6 s to 0.6 s, CPU per page
 *   from 11.8-13.2 ms to 9.7-11.0, and peak RSS stayed the same or lower (178-191 MB at
 *   concurrency 10).
 *
 * Measured with `node bench/cpu.ts --flags ...`; BENCHMARKS.md, "What the profiles showed", has
 * the figures of each setting tried.
 */
export const WORKER_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--max-old-space-size=1024',
  '--no-allocation-site-pretenuring',
];
