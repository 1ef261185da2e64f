/**
 * What the fleet can do with a queue's backlog now, for the host its jobs fetch: the numbers the
 * exporter publishes for the autoscaler (`nba_scraper_queue_serviceable_backlog` and
 * `nba_scraper_queue_useful_workers`, docs/politeness.md).
 *
 *   serviceable backlog = the queue's waiting + prioritized jobs, or 0 while no worker can take
 *                         them: the queue is paused, the host is on hold (a 429 or a block), or
 *                         a worker reported the host's breaker open less than BREAKER_RESET_MS
 *                         ago (an open breaker lets a probe through after that time, so an older
 *                         report is stale, e.g. of a worker that is gone);
 *   host job cap        = for a host with a budget (HOST_RATE_LIMITS), the jobs that can do work
 *                         at once: min(HOST_MAX_ACTIVE_JOBS, ceil(FETCH_TOTAL_TIMEOUT_MS /
 *                         spacing) + 1). Requests to the host start at least one spacing apart
 *                         (60 s / budget + 2 %, fetch/host-budget.ts) and last at most
 *                         FETCH_TOTAL_TIMEOUT_MS, so no more than that many are ever in flight,
 *                         plus one job parsing and storing the page it got; other running jobs
 *                         only wait for their turn. A host without a budget has no cap;
 *   useful workers      = ceil(min(serviceable backlog, host job cap) / WORKER_CONCURRENCY): the
 *                         most workers that can all be busy on it at once. More only idle.
 *
 * The chart scales on sum over hosts of min(serviceable backlog, useful workers x jobsPerReplica)
 * with an AverageValue target of jobsPerReplica: desired = ceil(that / jobsPerReplica), the useful
 * workers of a budgeted host whatever its backlog, ceil(backlog / jobsPerReplica) for a host
 * without a budget. The cap is published in workers, not jobs: in backlog units it would depend
 * on the autoscaler's jobsPerReplica, which the exporter does not need to know.
 */
import { budgetFor } from '../config/host-rules.ts';
import type { Config } from '../config.ts';
import { spacingMs } from '../fetch/host-budget.ts';
import type { HostStatus } from '../fetch/host-state.ts';
import type { QueueStatus } from '../queue/status.ts';

/** The settings the numbers depend on: the same ones the workers run with (one ConfigMap). */
export type ScalingSettings = Pick<
  Config,
  'workerConcurrency' | 'hostMaxActiveJobs' | 'hostRateLimits' | 'fetchTotalTimeoutMs' | 'breakerResetMs'
>;

/** Why no worker can take the queue's jobs now, or null. */
export type Stopped = 'paused' | 'on-hold' | 'breaker-open' | null;

export interface Serviceability {
  /** Waiting + prioritized jobs. */
  readonly backlog: number;
  readonly stopped: Stopped;
  /** The backlog, or 0 while stopped. */
  readonly serviceableBacklog: number;
  /** Jobs of the host that can do work at once; null when the host has no budget. */
  readonly jobCap: number | null;
  readonly usefulWorkers: number;
}

/** Jobs of `host` that can do work at once across the fleet, or null when it has no budget. */
export function hostJobCap(host: string, s: ScalingSettings): number | null {
  const requestsPerMinute = budgetFor(host, s.hostRateLimits);
  if (requestsPerMinute === null) return null;
  const inFlight = Math.ceil(s.fetchTotalTimeoutMs / spacingMs(requestsPerMinute));
  return Math.min(s.hostMaxActiveJobs, inFlight + 1);
}

/** Waiting + prioritized jobs of a queue: what a worker could take next. */
export function backlogOf(status: QueueStatus): number {
  return (status.counts.waiting ?? 0) + (status.counts.prioritized ?? 0);
}

export function stoppedBy(status: QueueStatus, host: HostStatus, s: ScalingSettings, now: number): Stopped {
  if (status.paused) return 'paused';
  if (host.holdUntil > now) return 'on-hold';
  const changedAt = host.breakerChangedAt;
  if (host.breaker === 'open' && changedAt !== null && now - changedAt < s.breakerResetMs)
    return 'breaker-open';
  return null;
}

/** The queue's backlog as the fleet can serve it now, from its host's state. */
export function serviceability(
  status: QueueStatus,
  host: HostStatus,
  s: ScalingSettings,
  now: number,
): Serviceability {
  const backlog = backlogOf(status);
  const stopped = stoppedBy(status, host, s, now);
  const serviceableBacklog = stopped === null ? backlog : 0;
  const jobCap = hostJobCap(host.host, s);
  const busy = jobCap === null ? serviceableBacklog : Math.min(serviceableBacklog, jobCap);
  return {
    backlog,
    stopped,
    serviceableBacklog,
    jobCap,
    usefulWorkers: Math.ceil(busy / s.workerConcurrency),
  };
}
