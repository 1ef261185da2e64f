/**
 * The metrics of one worker process: requests, fetch and parse times, politeness waits, 429s and
 * blocks, job outcomes and durations, stalled-job recoveries, breaker state, games stored. Label
 * sets known in advance are initialised at zero, so that a panel showing "0 429s" has a series
 * and `increase()` sees the first event. Values global to the system (queue counts, per-season
 * progress) are not here: the exporter exports them once.
 */
import type { Registry } from 'prom-client';
import { isScraperError } from '../errors/scraper-error.ts';
import type { BreakerState } from '../fetch/host-breaker.ts';
import type { FetchObserver } from '../fetch/source-fetcher.ts';
import type { JobObserver } from '../queue/job-observer.ts';
import { classifyOutcome } from '../queue/job-outcome.ts';
import {
  BREAKER_STATE_VALUES,
  FETCH_ERROR_CODES,
  JOB_ERROR_CODES,
  JOB_KINDS,
  STATUS_CLASSES,
  statusClass,
  WORKER_METRICS as W,
} from './catalog.ts';
import { counter, gauge, histogram } from './registry.ts';

/** The worker's metrics: the queue's job observer and the fetcher's observer, and the timings of parsers and store. */
export interface WorkerMetrics extends JobObserver {
  readonly registry: Registry;
  /** Reports the requests, answers, politeness waits and breaker transitions of the fetcher. */
  readonly fetchObserver: FetchObserver;
  /** Sets the worker's static gauges and initialises its known label sets at zero. */
  init(opts: { queue: string; host: string; concurrency: number; lockDurationMs: number }): void;
  breakerChanged(host: string, state: BreakerState): void;
  parsed(kind: string, seconds: number): void;
  storeOperation(operation: string, ok: boolean, seconds: number): void;
  gameStored(): void;
}

export function createWorkerMetrics(registry: Registry): WorkerMetrics {
  const concurrency = gauge(registry, W.concurrency);
  const active = gauge(registry, W.activeJobs);
  const lockDuration = gauge(registry, W.lockDuration);
  const requests = counter(registry, W.requests);
  const fetchErrors = counter(registry, W.fetchErrors);
  const fetchDuration = histogram(registry, W.fetchDuration);
  const responseSize = histogram(registry, W.responseSize);
  const politenessWait = histogram(registry, W.politenessWait);
  const rateLimited = counter(registry, W.rateLimited);
  const blocked = counter(registry, W.blocked);
  const parseDuration = histogram(registry, W.parseDuration);
  const storeDuration = histogram(registry, W.storeDuration);
  const gamesStored = counter(registry, W.gamesStored);
  const completed = counter(registry, W.jobsCompleted);
  const failed = counter(registry, W.jobsFailed);
  const retried = counter(registry, W.jobsRetried);
  const jobDuration = histogram(registry, W.jobDuration);
  const stalled = counter(registry, W.stalledRecovered);
  const breakerState = gauge(registry, W.breakerState);
  const breakerTransitions = counter(registry, W.breakerTransitions);
  let host = '';

  const fetchObserver: FetchObserver = {
    politenessWait(h, waitedMs) {
      politenessWait.observe({ host: h }, waitedMs / 1000);
    },
    response(h, status, durationMs, bytes) {
      requests.inc({ host: h, status_class: statusClass(status) });
      fetchDuration.observe({ host: h }, durationMs / 1000);
      responseSize.observe({ host: h }, bytes);
    },
    failure(h, code, status, durationMs) {
      requests.inc({ host: h, status_class: statusClass(status) });
      fetchErrors.inc({ host: h, code });
      fetchDuration.observe({ host: h }, durationMs / 1000);
      if (code === 'ERR_RATE_LIMITED') rateLimited.inc({ host: h });
    },
    breakerChanged(h, state) {
      breakerState.set({ host: h }, BREAKER_STATE_VALUES[state]);
      breakerTransitions.inc({ host: h, state });
    },
  };

  return {
    registry,
    fetchObserver,
    init(opts) {
      host = opts.host;
      concurrency.set({ queue: opts.queue }, opts.concurrency);
      active.set({ queue: opts.queue }, 0);
      lockDuration.set(opts.lockDurationMs / 1000);
      for (const c of STATUS_CLASSES) requests.inc({ host, status_class: c }, 0);
      for (const code of FETCH_ERROR_CODES) fetchErrors.inc({ host, code }, 0);
      rateLimited.inc({ host }, 0);
      blocked.inc({ host }, 0);
      breakerState.set({ host }, BREAKER_STATE_VALUES.closed);
      for (const state of Object.keys(BREAKER_STATE_VALUES)) breakerTransitions.inc({ host, state }, 0);
      gamesStored.inc(0);
      for (const kind of JOB_KINDS) {
        completed.inc({ queue: opts.queue, kind }, 0);
        stalled.inc({ queue: opts.queue, kind }, 0);
        for (const code of JOB_ERROR_CODES) {
          failed.inc({ queue: opts.queue, kind, code }, 0);
          retried.inc({ queue: opts.queue, kind, code }, 0);
        }
      }
    },
    jobStarted(queue) {
      active.inc({ queue });
    },
    jobRan(queue, job, seconds, error, thrown) {
      active.dec({ queue });
      const outcome = classifyOutcome(thrown, job.attemptsMade + 1, job.opts.attempts);
      jobDuration.observe({ queue, kind: job.name, outcome }, seconds);
      if (isScraperError(error) && error.code === 'ERR_BLOCKED') blocked.inc({ host });
    },
    jobCompleted(queue, kind) {
      completed.inc({ queue, kind });
    },
    jobFailed(queue, kind, code, willRetry) {
      (willRetry ? retried : failed).inc({ queue, kind, code });
    },
    stalledRecovered(queue, kind) {
      stalled.inc({ queue, kind });
    },
    breakerChanged(h, state) {
      fetchObserver.breakerChanged?.(h, state);
    },
    parsed(kind, seconds) {
      parseDuration.observe({ kind }, seconds);
    },
    storeOperation(operation, ok, seconds) {
      storeDuration.observe({ operation, outcome: ok ? 'ok' : 'error' }, seconds);
    },
    gameStored() {
      gamesStored.inc();
    },
  };
}
