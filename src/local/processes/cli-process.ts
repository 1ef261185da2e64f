/**
 * One `nba-scraper` command in its own OS process, started by this program (the demo, tests,
 * chaos runs, benchmarks): its stdout and stderr go to a log file; stopping sends a signal
 * (SIGTERM: graceful) and SIGKILL after a deadline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path of this build's CLI entry (src/cli/main.ts when run from source, dist/cli/main.js when built). */
export function cliEntry(): string {
  const self = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`../../cli/main${extname(self)}`, import.meta.url));
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

/** Runs `node <argv>` with exactly `env`, appending its output to `logFile`. */
export function spawnCliProcess(argv: string[], env: Record<string, string>, logFile: string): CliProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      log.end();
      resolve(code ?? signal ?? -1);
    });
  });
  return { child, logFile, exited };
}

/** Sends `signal` (unless the process has already ended) and SIGKILL after `timeoutMs`; resolves when it has exited. */
export async function stopCliProcess(
  p: CliProcess,
  signal: NodeJS.Signals,
  timeoutMs: number,
): Promise<number | string> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  try {
    return await p.exited;
  } finally {
    clearTimeout(timer);
  }
}
