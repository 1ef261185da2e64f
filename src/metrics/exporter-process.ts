/**
 * `nba-scraper exporter` as a child process of this program (the demo, the tests), logging to a
 * file; its /metrics port is read from its log (it listens on METRICS_PORT=0).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { waitForListeningPort } from '../health/listening-port.ts';
import { cliEntry } from '../services/worker-processes.ts';

export interface ExporterProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
  /** The port of its /metrics, once it listens. */
  port(timeoutMs?: number): Promise<number>;
  /** SIGTERM, SIGKILL after `timeoutMs`; resolves when it has exited. */
  stop(timeoutMs?: number): Promise<number | string>;
}

export function startExporterProcess(env: Record<string, string>, logFile: string): ExporterProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [cliEntry(), 'exporter'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      log.end();
      resolve(code ?? signal ?? -1);
    });
  });
  return {
    child,
    logFile,
    exited,
    port: (timeoutMs = 30_000) => waitForListeningPort(logFile, { timeoutMs, exited }),
    async stop(timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
