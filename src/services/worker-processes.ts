/**
 * Worker processes started by this program (the demo, tests, chaos runs, benchmarks): each one is
 * `nba-scraper worker` in its own OS process with its own environment. Logs go to one file per
 * worker. Stopping sends SIGTERM (graceful) and SIGKILL after a deadline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_NODE_FLAGS } from './worker-node-flags.ts';

/** Path of this build's CLI entry (src/cli/main.ts when run from source, dist/cli/main.js when built). */
export function cliEntry(): string {
  const self = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`../cli/main${extname(self)}`, import.meta.url));
}

export interface WorkerProcess {
  readonly index: number;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

export interface WorkerPoolOptions {
  env: Record<string, string>;
  logDir: string;
  /** Extra CLI arguments after `worker` (e.g. `--concurrency 4`). */
  args?: string[];
  /**
   * Node's arguments for each process, in place of `<WORKER_NODE_FLAGS> <cli> worker <args>`
   * (benchmarks: Node flags such as `--cpu-prof`, or another entry script).
   */
  argv?: string[];
}

export class WorkerPool {
  readonly #opts: WorkerPoolOptions;
  readonly #workers = new Map<number, WorkerProcess>();
  #next = 0;

  constructor(opts: WorkerPoolOptions) {
    this.#opts = opts;
    mkdirSync(opts.logDir, { recursive: true });
  }

  get running(): WorkerProcess[] {
    return [...this.#workers.values()].filter(
      (w) => w.child.exitCode === null && w.child.signalCode === null,
    );
  }

  start(count = 1): WorkerProcess[] {
    return Array.from({ length: count }, () => this.#spawn());
  }

  #spawn(): WorkerProcess {
    const index = ++this.#next;
    const logFile = join(this.#opts.logDir, `worker-${index}.log`);
    const log: WriteStream = createWriteStream(logFile, { flags: 'a' });
    const argv = this.#opts.argv ?? [...WORKER_NODE_FLAGS, cliEntry(), 'worker', ...(this.#opts.args ?? [])];
    const child = spawn(process.execPath, argv, {
      env: this.#opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => {
        log.end();
        resolve(code ?? signal ?? -1);
      });
    });
    const w: WorkerProcess = { index, child, logFile, exited };
    this.#workers.set(index, w);
    return w;
  }

  /** Sends `signal` to one worker and waits for it to exit (SIGKILL after `timeoutMs`). */
  async stop(
    w: WorkerProcess,
    signal: NodeJS.Signals = 'SIGTERM',
    timeoutMs = 40_000,
  ): Promise<number | string> {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill(signal);
    const timer = setTimeout(() => w.child.kill('SIGKILL'), timeoutMs);
    try {
      return await w.exited;
    } finally {
      clearTimeout(timer);
      this.#workers.delete(w.index);
    }
  }

  async stopAll(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 40_000): Promise<void> {
    await Promise.all(this.running.map((w) => this.stop(w, signal, timeoutMs)));
    this.#workers.clear();
  }
}
