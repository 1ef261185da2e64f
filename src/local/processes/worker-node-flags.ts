/**
 * Node (V8) flags of every worker process: the demo's and the benchmarks' (WorkerPool), and the
 * pods' (the chart's `worker.nodeOptions`, checked equal to this list by test/k8s). A worker
 * allocates a few hundred KB of short-lived strings per page at dozens of pages a second. With
 * V8's default young generation (sized from the machine's memory) much of it survives long
 * enough to be promoted, and the old generation fills with garbage between full collections; a
 * 2 MB semi-space keeps the young generation small: peak RSS about a third lower, for CPU (below).
 * An explicit old-generation limit of 1 GB makes V8 size its old generation smaller than it does
 * from a large machine's memory, so full collections come sooner: peak RSS at concurrency 10 about
 * 160-175 MB instead of 235-270 MB, for several milliseconds more CPU per page (BENCHMARKS.md, "What
 * the profiles showed", has the figures of each setting tried and what stands in the way of
 * dropping the limit). 1 GB is far above every peak measured (under 400 MB at concurrency 50), so
 * it never limits the work. Tighter limits (`--max-old-space-size=320`) save little more and cost
 * 20-40 % more CPU. Measured in BENCHMARKS.md, "Memory and CPU of one worker".
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--max-old-space-size=1024'];
