/**
 * A worker process's queue side: one BullMQ Worker on the site's queue, with the tuned lock and
 * stalled-check settings, a deadline per job, the failure policy, one log line per job outcome,
 * and a graceful close: stop taking jobs, let running ones finish within the budget, hand back
 * what did not finish, close Redis.
 */
import { type Job, Worker } from 'bullmq';
import type { Config } from '../config.ts';
import type { PageFetcher } from '../fetch/http-client.ts';
import type { Logger } from '../log/logger.ts';
import type { RedisClient } from '../redis/connection.ts';
import type { SourceSite } from '../sources/source.ts';
import type { Store } from '../store/store.ts';
import { BACKOFF_TYPE, retryDelay } from './backoff.ts';
import {
  applyFailurePolicy,
  codeOfReason,
  type FailureHooks,
  failureCode,
  SHUTDOWN_REASON,
} from './failure-policy.ts';
import { jobDeadline } from './job-deadline.ts';
import type { JobObserver } from './job-observer.ts';
import { classifyOutcome } from './job-outcome.ts';
import { isJobKind, kindOfJobId } from './job-types.ts';
import { PROCESSORS } from './processors.ts';
import { openQueue, queueName } from './queues.ts';
import type { WorkerContext } from './worker-context.ts';

export interface WorkerServiceOptions {
  config: Config;
  logger: Logger;
  site: SourceSite;
  fetcher: PageFetcher;
  store: Store;
  /** Connection for the Worker (maxRetriesPerRequest: null). */
  connection: RedisClient;
  concurrency: number;
  /** Worker name recorded on every job it takes (`processedBy`): which pod ran what. */
  name?: string;
  /** Jobs of this queue running at once across all workers (null: no limit). */
  globalConcurrency?: number | null;
  /** How long a job refused by its host waits (the fetch layer's host protection decides). */
  hostBlocked: FailureHooks['hostBlocked'];
  /** Told of every job's start, run and outcome (the worker's metrics); none when absent. */
  observer?: JobObserver;
}

export interface WorkerService {
  readonly worker: Worker;
  /** Resolves when the worker has connected and started taking jobs. */
  ready(): Promise<void>;
  /** Graceful close; idempotent. Resolves when everything is closed. */
  close(budgetMs: number): Promise<void>;
  readonly closing: boolean;
}

export function startWorkerService(opts: WorkerServiceOptions): WorkerService {
  const { config, site } = opts;
  const name = queueName(site.id);
  const observer = opts.observer;
  const logger = opts.logger.child({ component: 'worker', queue: name, host: opts.fetcher.host });
  const queue = openQueue(opts.connection, config, site.id);
  const ctx: WorkerContext = {
    config,
    site,
    fetcher: opts.fetcher,
    store: opts.store,
    queue,
    logger,
  };
  const hooks: FailureHooks = { pauseQueue: (ms) => queue.rateLimit(ms), hostBlocked: opts.hostBlocked };

  let running = 0;
  const run = async (
    job: Job,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown> => {
    running++;
    observer?.jobStarted(name);
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const kind = job.name;
    const processor = isJobKind(kind) ? PROCESSORS[kind] : undefined;
    const deadline = jobDeadline(signal, processor?.timeoutMs(config) ?? config.boxScoreJobTimeoutMs);
    const jobCtx = { ...ctx, logger: jobLogger(logger, job) };
    try {
      if (!processor) throw new Error(`unknown job name "${kind}"`);
      // The map pairs each kind with its payload; the job's name is its kind.
      const result = await processor.run(jobCtx, job as Job<never>, { token, signal: deadline.signal });
      observer?.jobRan(name, job, seconds(), undefined, undefined);
      return result;
    } catch (err) {
      const thrown = await applyFailurePolicy(err, job, token, signal ?? deadline.signal, hooks).catch(
        (e: unknown) => e,
      );
      observer?.jobRan(name, job, seconds(), err, thrown);
      throw thrown;
    } finally {
      deadline.done();
      running--;
    }
  };

  const worker = new Worker(queueName(site.id), (job, token, signal) => run(job, token, signal), {
    connection: opts.connection,
    prefix: config.queuePrefix,
    name: opts.name,
    concurrency: opts.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: config.maxStalledCount,
    autorun: true,
    settings: {
      backoffStrategy: (attemptsMade, type) =>
        type === BACKOFF_TYPE
          ? retryDelay(attemptsMade, {
              intervalsMs: config.retryIntervalsMs,
              maxDelayMs: config.retryMaxDelayMs,
            })
          : 0,
    },
  });

  worker.on('completed', (job) => {
    jobLogger(logger, job).info({ outcome: 'completed', ms: elapsed(job) }, 'job completed');
    observer?.jobCompleted(name, job.name);
  });
  worker.on('failed', (job, err) => {
    if (!job) return;
    // BullMQ counts the failed attempt before it emits `failed`.
    const willRetry = classifyOutcome(err, job.attemptsMade, job.opts.attempts) === 'retry';
    observer?.jobFailed(name, job.name, failureCode(err.message), willRetry);
    jobLogger(logger, job).warn(
      { outcome: willRetry ? 'retry' : 'failed', code: codeOfReason(err.message), err, ms: elapsed(job) },
      willRetry ? 'job attempt failed, will retry' : 'job failed for good',
    );
  });
  worker.on('stalled', (jobId) => {
    logger.warn({ jobId, outcome: 'stalled' }, 'job stalled (its worker died); back in the queue');
    observer?.stalledRecovered(name, kindOfJobId(jobId));
  });
  worker.on('error', (err) => logger.error({ err }, 'worker error'));

  let closing: Promise<void> | undefined;
  return {
    worker,
    async ready() {
      await worker.waitUntilReady();
      if (opts.globalConcurrency) await queue.setGlobalConcurrency(opts.globalConcurrency);
      else if (opts.globalConcurrency === null) await queue.removeGlobalConcurrency();
    },
    get closing() {
      return closing !== undefined;
    },
    close(budgetMs) {
      closing ??= (async () => {
        logger.info({ budgetMs, active: running }, 'closing: no new jobs, waiting for running ones');
        const handBack = setTimeout(() => {
          logger.warn({ active: running }, 'shutdown budget spent: handing unfinished jobs back');
          worker.cancelAllJobs(SHUTDOWN_REASON);
        }, budgetMs);
        try {
          await worker.close();
        } catch (err) {
          logger.error({ err }, 'error while closing the worker');
        } finally {
          clearTimeout(handBack);
        }
        try {
          await queue.close();
        } catch (err) {
          logger.error({ err }, 'error while closing the queue');
        }
        logger.info('worker closed');
      })();
      return closing;
    },
  };
}

function jobLogger(logger: Logger, job: Job): Logger {
  const data = job.data as { season?: number; gameId?: string };
  return logger.child({
    jobId: job.id,
    attempt: job.attemptsStarted,
    season: data.season,
    gameId: data.gameId,
  });
}

function elapsed(job: Job): number | undefined {
  return job.processedOn && job.finishedOn ? job.finishedOn - job.processedOn : undefined;
}
