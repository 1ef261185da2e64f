/**
 * Monitoring for a run on one machine (the demo, the tests): `nba-scraper exporter` as a child
 * process, and a local Prometheus scraping it and every worker of a WorkerPool. Ports are found in
 * the processes' logs (they listen on METRICS_PORT=0); targets get `namespace` and `pod` labels
 * like a Kubernetes scrape, so the dashboards and rules work unchanged.
 */
import { join } from 'node:path';
import { startExporterProcess } from '../processes/exporter-process.ts';
import { waitForListeningPort } from '../processes/listening-port.ts';
import type { WorkerPool } from '../processes/worker-processes.ts';
import { EXPORTER_JOB, type LocalPrometheus, startLocalPrometheus, WORKER_JOB } from './local-prometheus.ts';

export interface LocalMonitoringOptions {
  pool: WorkerPool;
  /** Environment of the exporter (the workers' environment: same Redis, same prefix). */
  env: Record<string, string>;
  /** Where exporter.log goes. */
  logDir: string;
  /** Scrape and evaluation interval. Default 5000 ms. */
  intervalMs?: number;
  /** Prometheus port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** `namespace` label of every target. Default `local`. */
  namespace?: string;
}

export interface LocalMonitoring {
  readonly prometheus: LocalPrometheus;
  /** Ports of /metrics: the exporter's and each running worker's (by pool index). */
  readonly exporterPort: number;
  workerPorts(): ReadonlyMap<number, number>;
  /** Finds the ports of the pool's running workers again and rewrites the targets. */
  refreshTargets(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalMonitoring(opts: LocalMonitoringOptions): Promise<LocalMonitoring> {
  const namespace = opts.namespace ?? 'local';
  const exporterLog = join(opts.logDir, 'exporter.log');
  const exporter = startExporterProcess(opts.env, exporterLog);
  let prometheus: LocalPrometheus | undefined;
  const stop = async (): Promise<void> => {
    await prometheus?.stop();
    await exporter.stop();
  };
  try {
    const exporterPort = await exporter.port();
    const started = await startLocalPrometheus({ intervalMs: opts.intervalMs, port: opts.port });
    prometheus = started;
    started.setTargets(EXPORTER_JOB, [
      { address: `127.0.0.1:${exporterPort}`, labels: { namespace, pod: 'exporter' } },
    ]);
    const ports = new Map<number, number>();
    const refreshTargets = async (): Promise<void> => {
      const running = opts.pool.running;
      const found = await Promise.all(
        running.map((w) => waitForListeningPort(w.logFile, { timeoutMs: 30_000, exited: w.exited })),
      );
      ports.clear();
      for (const [i, w] of running.entries()) ports.set(w.index, found[i] as number);
      started.setTargets(
        WORKER_JOB,
        [...ports].map(([index, port]) => ({
          address: `127.0.0.1:${port}`,
          labels: { namespace, pod: `worker-${index}` },
        })),
      );
    };
    await refreshTargets();
    return { prometheus: started, exporterPort, workerPorts: () => ports, refreshTargets, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
