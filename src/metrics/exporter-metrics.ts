/**
 * The exporter's metrics: the system's global values, exported once (one exporter process for the
 * whole deployment), from the snapshot of each poll of Redis and of each read of the store. Series
 * of seasons and hosts that are gone are dropped; when polls or reads keep failing their values are
 * dropped too rather than shown stale. The values from Redis and those from the store are set and
 * dropped independently: a store that cannot be read never hides the queue. The autoscaling
 * signal (serviceable backlog, useful workers: serviceable-backlog.ts) comes from the same poll and
 * the settings the workers run with.
 */
import type { Registry } from 'prom-client';
import { quietHost } from '../fetch/host-state.ts';
import { JOB_STATES } from '../queue/status.ts';
import {
  BREAKER_STATE_VALUES,
  EXPORTER_METRICS as E,
  HOLD_KINDS,
  JOB_ERROR_CODES,
  SEASON_STATES,
} from './catalog.ts';
import { type DatasetMetricsSink, type DatasetSnapshot, datasetValues } from './dataset-snapshot.ts';
import { counter, gauge, histogram } from './registry.ts';
import { type ScalingSettings, serviceability } from './serviceable-backlog.ts';
import type { SystemSnapshot } from './system-snapshot.ts';

export interface ExporterMetrics extends DatasetMetricsSink {
  readonly registry: Registry;
  /** Sets every gauge from a poll's snapshot (synchronously: a scrape sees one poll or the next). */
  update(snapshot: SystemSnapshot, pollSeconds: number): void;
  /** A poll failed. */
  pollFailed(pollSeconds: number): void;
  /** Drops the values read from Redis (they are too old to show). */
  clear(): void;
  /** Sets the dataset gauges from a read of the store; seasons no longer stored disappear. */
  updateDataset(snapshot: DatasetSnapshot, readSeconds: number): void;
  /** A read of the store failed. */
  datasetReadFailed(readSeconds: number): void;
  /** Drops the values read from the store. */
  clearDataset(): void;
}

/** `scaling`: the settings the workers run with (WORKER_CONCURRENCY, HOST_*, ...). */
export function createExporterMetrics(registry: Registry, scaling: ScalingSettings): ExporterMetrics {
  const queueJobs = gauge(registry, E.queueJobs);
  const serviceable = gauge(registry, E.queueServiceableBacklog);
  const usefulWorkers = gauge(registry, E.queueUsefulWorkers);
  const queuePaused = gauge(registry, E.queuePaused);
  const queueRateLimit = gauge(registry, E.queueRateLimit);
  const queueFailed = gauge(registry, E.queueFailedByCode);
  const seasonState = gauge(registry, E.seasonState);
  const seasonPages = gauge(registry, E.seasonPages);
  const seasonPagesExpected = gauge(registry, E.seasonPagesExpected);
  const seasonGames = gauge(registry, E.seasonGames);
  const boxExpected = gauge(registry, E.seasonBoxScoresExpected);
  const boxDone = gauge(registry, E.seasonBoxScoresDone);
  const boxFailed = gauge(registry, E.seasonBoxScoresFailed);
  const hostBreaker = gauge(registry, E.hostBreakerState);
  const hostHold = gauge(registry, E.hostHoldRemaining);
  const memUsed = gauge(registry, E.redisMemoryUsed);
  const memMax = gauge(registry, E.redisMemoryMax);
  const pollDuration = histogram(registry, E.pollDuration);
  const pollErrors = counter(registry, E.pollErrors);
  const lastSuccess = gauge(registry, E.lastSuccess);
  pollErrors.inc(0);
  const dataGames = gauge(registry, E.datasetGames);
  const dataBoxExpected = gauge(registry, E.datasetBoxScoresExpected);
  const dataBoxStored = gauge(registry, E.datasetBoxScoresStored);
  const dataTotals = gauge(registry, E.datasetTotalsRows);
  const dataComplete = gauge(registry, E.datasetComplete);
  const readDuration = histogram(registry, E.datasetReadDuration);
  const readErrors = counter(registry, E.datasetReadErrors);
  const readLastSuccess = gauge(registry, E.datasetLastSuccess);
  readErrors.inc(0);

  const fromRedis = [
    queueJobs,
    serviceable,
    usefulWorkers,
    queuePaused,
    queueRateLimit,
    queueFailed,
    seasonState,
    seasonPages,
    seasonPagesExpected,
    seasonGames,
    boxExpected,
    boxDone,
    boxFailed,
    hostBreaker,
    hostHold,
    memUsed,
    memMax,
  ];
  const clear = (): void => {
    for (const g of fromRedis) g.reset();
  };
  const fromStore = [dataGames, dataBoxExpected, dataBoxStored, dataTotals, dataComplete];
  const clearDataset = (): void => {
    for (const g of fromStore) g.reset();
  };

  return {
    registry,
    update(snapshot, pollSeconds) {
      clear();
      const hosts = new Map(snapshot.hosts.map((h) => [h.host, h]));
      for (const { status, host, rateLimitMs } of snapshot.queues) {
        const queue = status.queue;
        for (const state of JOB_STATES) queueJobs.set({ queue, state }, status.counts[state] ?? 0);
        const s = serviceability(status, hosts.get(host) ?? quietHost(host), scaling, snapshot.at);
        serviceable.set({ queue, host }, s.serviceableBacklog);
        usefulWorkers.set({ queue, host }, s.usefulWorkers);
        queuePaused.set({ queue }, status.paused ? 1 : 0);
        queueRateLimit.set({ queue }, rateLimitMs / 1000);
        for (const code of JOB_ERROR_CODES) queueFailed.set({ queue, code }, 0);
        for (const f of status.failures) queueFailed.set({ queue, code: f.code }, f.count);
        for (const s of status.seasons) {
          const season = String(s.season);
          for (const state of SEASON_STATES)
            seasonState.set({ queue, season, state }, s.state === state ? 1 : 0);
          seasonPages.set({ queue, season }, s.pagesDone);
          seasonPagesExpected.set({ queue, season }, s.pagesTotal);
          seasonGames.set({ queue, season }, s.games);
          boxExpected.set({ queue, season }, s.boxScores);
          boxDone.set({ queue, season }, s.boxScoresDone);
          boxFailed.set({ queue, season }, s.boxScoresFailed);
        }
      }
      for (const h of snapshot.hosts) {
        hostBreaker.set({ host: h.host }, BREAKER_STATE_VALUES[h.breaker]);
        for (const kind of HOLD_KINDS) {
          const remaining = h.holdKind === kind ? Math.max(0, h.holdUntil - snapshot.at) / 1000 : 0;
          hostHold.set({ host: h.host, kind }, remaining);
        }
      }
      if (snapshot.redisMemory) {
        memUsed.set(snapshot.redisMemory.used);
        memMax.set(snapshot.redisMemory.max);
      }
      pollDuration.observe(pollSeconds);
      lastSuccess.set(snapshot.at / 1000);
    },
    pollFailed(pollSeconds) {
      pollDuration.observe(pollSeconds);
      pollErrors.inc();
    },
    clear,
    updateDataset(snapshot, readSeconds) {
      clearDataset();
      for (const v of datasetValues(snapshot)) {
        const labels = { season: v.season };
        dataGames.set(labels, v.games);
        dataBoxExpected.set(labels, v.boxScoresExpected);
        dataBoxStored.set(labels, v.boxScoresStored);
        dataTotals.set(labels, v.totalsRows);
        dataComplete.set(labels, v.complete);
      }
      readDuration.observe(readSeconds);
      readLastSuccess.set(snapshot.at / 1000);
    },
    datasetReadFailed(readSeconds) {
      readDuration.observe(readSeconds);
      readErrors.inc();
    },
    clearDataset,
  };
}
