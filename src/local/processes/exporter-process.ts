/**
 * `nba-scraper exporter` as a child process of this program (the demo, the tests), logging to a
 * file; its /metrics port is read from its log (it listens on METRICS_PORT=0).
 */

import { type CliProcess, cliEntry, spawnCliProcess, stopCliProcess } from './cli-process.ts';
import { waitForListeningPort } from './listening-port.ts';

export interface ExporterProcess extends CliProcess {
  /** The port of its /metrics, once it listens. */
  port(timeoutMs?: number): Promise<number>;
  /** SIGTERM, SIGKILL after `timeoutMs`; resolves when it has exited. */
  stop(timeoutMs?: number): Promise<number | string>;
}

export function startExporterProcess(env: Record<string, string>, logFile: string): ExporterProcess {
  const p = spawnCliProcess([cliEntry(), 'exporter'], env, logFile);
  return {
    ...p,
    port: (timeoutMs = 30_000) => waitForListeningPort(logFile, { timeoutMs, exited: p.exited }),
    stop: (timeoutMs = 15_000) => stopCliProcess(p, 'SIGTERM', timeoutMs),
  };
}
