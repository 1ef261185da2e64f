/**
 * The fetcher of the configured source host, assembled from the settings: HTTP client, the
 * host's shared politeness budget (HOST_RATE_LIMITS), its protection (hold and breaker) and the
 * fetcher that runs every request through them. What a worker process needs to reach its source.
 */

import { budgetFor } from '../config/host-rules.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import type { RedisClient } from '../redis/connection.ts';
import { createHostBudget } from './host-budget.ts';
import { createHostProtection, type HostProtection, type HostProtectionOptions } from './host-protection.ts';
import { createHostStateStore } from './host-state.ts';
import { createHttpClient, type PageFetcher } from './http-client.ts';
import { createSourceFetcher, type FetchObserver } from './source-fetcher.ts';

export interface HostFetcherOptions {
  config: Config;
  logger: Logger;
  /** Connection for the shared host state (holds, breaker reports). */
  redis: RedisClient;
  /** A connection for the politeness limiter alone: closed with the fetcher. */
  limiterRedis: RedisClient;
  /** Told of requests, answers, waits and breaker transitions (metrics). */
  observer?: FetchObserver;
}

export interface HostFetcher {
  readonly fetcher: PageFetcher;
  readonly protection: HostProtection;
  /** The host's budget (HOST_RATE_LIMITS); null when it has none. */
  readonly requestsPerMinute: number | null;
}

/** The HTTP client of the configured source (SOURCE_BASE_URL, USER_AGENT, FETCH_*_TIMEOUT_MS). */
export function sourceHttpClient(config: Config): PageFetcher {
  return createHttpClient({
    baseUrl: config.sourceBaseUrl,
    userAgent: config.userAgent,
    connectTimeoutMs: config.fetchConnectTimeoutMs,
    responseTimeoutMs: config.fetchResponseTimeoutMs,
    totalTimeoutMs: config.fetchTotalTimeoutMs,
  });
}

/** The circuit breaker's thresholds from the BREAKER_* settings. */
export function breakerSettings(config: Config): HostProtectionOptions['breaker'] {
  return {
    errorThresholdPercentage: config.breakerErrorPercent,
    volumeThreshold: config.breakerMinRequests,
    rollingWindowMs: config.breakerWindowMs,
    resetTimeoutMs: config.breakerResetMs,
  };
}

export async function createHostFetcher(opts: HostFetcherOptions): Promise<HostFetcher> {
  const { config, observer } = opts;
  const http = sourceHttpClient(config);
  const host = http.host;
  const requestsPerMinute = budgetFor(host, config.hostRateLimits);
  const budget = await createHostBudget({
    host,
    requestsPerMinute,
    redis: opts.limiterRedis,
    prefix: config.queuePrefix,
  });
  const protection = createHostProtection({
    host,
    hostState: createHostStateStore(opts.redis, config.queuePrefix),
    breaker: breakerSettings(config),
    blockBackoffMs: config.blockBackoffMs,
    logger: opts.logger,
    onBreakerChange: (h, state) => observer?.breakerChanged?.(h, state),
  });
  const fetcher = createSourceFetcher({ http, budget, protection, observer });
  return { fetcher, protection, requestsPerMinute };
}
