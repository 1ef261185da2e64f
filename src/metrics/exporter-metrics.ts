/**
 * The exporter's metrics: the system's global values, exported once (one exporter process for the
 * whole deployment), from the snapshot of each poll. Series of seasons and hosts that are gone are
 * dropped; when polls keep failing the values are dropped too rather than shown stale.
 */
import type { Registry } from 'prom-client';
import { JOB_STATES } from '../queue/status.ts';
import {
  BREAKER_STATE_VALUES,
  EXPORTER_METRICS as E,
  HOLD_KINDS,
  JOB_ERROR_CODES,
  SEASON_STATES,
} from './catalog.ts';
import { counter, gauge, histogram } from './registry.ts';
import type { SystemSnapshot } from './system-snapshot.ts';

export interface ExporterMetrics {
  readonly registry: Registry;
  /** Sets every gauge from a poll's snapshot (synchronously: a scrape sees one poll or the next). */
  update(snapshot: SystemSnapshot, pollSeconds: number): void;
  /** A poll failed. */
  pollFailed(pollSeconds: number): void;
  /** Drops the values read from Redis (they are too old to show). */
  clear(): void;
}

export function createExporterMetrics(registry: Registry): ExporterMetrics {
  const queueJobs = gauge(registry, E.queueJobs);
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

  const fromRedis = [
    queueJobs,
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

  return {
    registry,
    update(snapshot, pollSeconds) {
      clear();
      for (const { status, rateLimitMs } of snapshot.queues) {
        const queue = status.queue;
        for (const state of JOB_STATES) queueJobs.set({ queue, state }, status.counts[state] ?? 0);
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
  };
}
