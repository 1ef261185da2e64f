/**
 * Node (V8) flags of every worker process: the demo's and the benchmarks' (WorkerPool), and the
 * pods' (the chart's `worker.nodeOptions`, checked equal to this list by test/k8s). A worker
 * allocates a few hundred KB of short-lived strings per page at dozens of pages a second. With
 * V8's default young generation (sized from the machine's memory) much of it survives long
 * enough to be promoted, and the old generation fills with garbage between full collections; a
 * 2 MB semi-space collects it young: peak RSS about a third lower, at no measurable CPU cost.
 * Capping the old generation too (`--max-old-space-size=320`) saves another third of RSS but costs
 * about 40 % more CPU per page, so it is left to operators with tight memory limits. Measured in
 * BENCHMARKS.md, "Memory and CPU of one worker".
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
