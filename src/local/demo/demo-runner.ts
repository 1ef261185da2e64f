/**
 * The main job on one machine: a Redis on loopback (unless REDIS_URL is set), the replay site,
 * N worker processes; enqueue the seasons, follow them, check the store against the site's
 * ground truth (every game, and each season table row by row, one line per table), and stop
 * everything it started (also on Ctrl-C).
 */
import type { Queue } from 'bullmq';
import type { Config } from '../../config.ts';
import { seasonLabel } from '../../domain/season-range.ts';
import type { Logger } from '../../log/logger.ts';
import { enqueueSeasons } from '../../queue/producer.ts';
import { startLocalMonitoring } from '../monitoring/local-monitoring.ts';
import { checkSeason } from './ground-truth.ts';
import { type LocalStack, startLocalStack } from './local-stack.ts';
import { checkSeasonTables, describeTableCheck, tableMatches } from './season-tables-truth.ts';

/** Shows the seasons' progress until each has finished; resolves with whether anything failed. */
export type FollowSeasons = (
  queue: Queue,
  seasons: readonly number[],
  opts: { logger: Logger; out: NodeJS.WriteStream; signal: AbortSignal },
) => Promise<{ anyFailed: boolean }>;

export interface DemoOptions {
  config: Config;
  logger: Logger;
  seasons: number[];
  workers: number;
  storeUrl: string;
  /** Where progress lines go. */
  out: NodeJS.WriteStream;
  /** How progress is shown: the CLI's `--follow`. */
  follow: FollowSeasons;
  /**
   * Also start the exporter and a local Prometheus scraping every process, on this port of
   * 127.0.0.1 (0: a free one); after the run they stay up until Ctrl-C. Null: no monitoring.
   */
  prometheusPort?: number | null;
}

export async function runDemo(opts: DemoOptions): Promise<number> {
  const { config, logger, out } = opts;
  const say = (line: string): void => {
    out.write(`${line}\n`);
  };
  const abort = new AbortController();
  const onSignal = (): void => {
    say('\ninterrupted: stopping everything the demo started');
    abort.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let stack: LocalStack | undefined;
  try {
    const monitored = opts.prometheusPort !== undefined && opts.prometheusPort !== null;
    stack = await startLocalStack({
      config,
      logger,
      seasons: opts.seasons,
      workers: opts.workers,
      storeUrl: opts.storeUrl,
      say,
      workerEnv: {
        // With --prometheus the processes' ports are read from their `info` line: keep it.
        LOG_LEVEL:
          monitored && ['warn', 'error', 'fatal', 'silent'].includes(config.logLevel)
            ? 'info'
            : config.logLevel,
        // Every process serves /metrics on a free loopback port (it logs which).
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: '0',
      },
    });
    const { store, site, pool, env, logDir, queue } = stack;
    let prometheusUrl: string | null = null;
    if (monitored) {
      const monitoring = await startLocalMonitoring({ pool, env, logDir, port: opts.prometheusPort ?? 0 });
      stack.onStop(() => monitoring.stop());
      prometheusUrl = monitoring.prometheus.url;
      say(
        `Prometheus scraping the workers and the exporter: open ${prometheusUrl} (graphs: ${prometheusUrl}/graph, alerts: ${prometheusUrl}/alerts); Grafana dashboards to import: monitoring/grafana/*.json`,
      );
    }

    for (const o of await enqueueSeasons(queue, config, opts.seasons)) {
      say(
        `${o.outcome === 'added' ? 'enqueued' : 'already enqueued'} ${o.season} (${seasonLabel(o.season)})`,
      );
    }
    const result = await opts.follow(queue, opts.seasons, { logger, out, signal: abort.signal });

    let ok = !result.anyFailed;
    for (const season of opts.seasons) {
      const check = await checkSeason(store, site.url, season);
      const match = check.missing.length === 0 && check.unexpected.length === 0;
      ok &&= match;
      say(
        match
          ? `${season}: all ${check.expected} games the site lists are in the store`
          : `${season}: ${check.stored} stored of ${check.expected} listed; missing ${check.missing.slice(0, 5).join(', ')}${check.unexpected.length ? `; unexpected ${check.unexpected.slice(0, 5).join(', ')}` : ''}`,
      );
      for (const table of await checkSeasonTables(store, site.url, season)) {
        ok &&= tableMatches(table);
        say(describeTableCheck(season, table));
      }
    }
    say(
      ok
        ? `dataset written to ${opts.storeUrl}`
        : 'the demo did not store what the site shows: see the lines above and the worker logs',
    );
    if (prometheusUrl && !abort.signal.aborted) {
      say(`Prometheus stays up at ${prometheusUrl} with everything it scraped: press Ctrl-C to stop`);
      await new Promise<void>((resolve) =>
        abort.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
    }
    return ok ? 0 : 1;
  } catch (err) {
    if (abort.signal.aborted) return 130;
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stack?.stop();
  }
}
