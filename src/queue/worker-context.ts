/**
 * What a processor needs, handed in by the worker service: the source site module, a fetcher for
 * its host (politeness and breaker included), the store, the queue (to add children) and a logger.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config.ts';
import type { PageFetcher } from '../fetch/http-client.ts';
import type { Logger } from '../log/logger.ts';
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';

export interface WorkerContext {
  readonly config: Config;
  readonly site: SourceSite;
  readonly fetcher: PageFetcher;
  readonly store: Store;
  readonly queue: Queue;
  readonly logger: Logger;
}

/** What a run of a job gets besides the job: its lock token and its abort signal (shutdown or deadline). */
export interface JobRun {
  readonly token: string | undefined;
  readonly signal: AbortSignal;
}
