/**
 * Worker processes started by this program (the demo, tests, chaos runs, benchmarks): each one is
 * `nba-scraper worker` in its own OS process with its own environment. Logs go to one file per
 * worker. Stopping sends SIGTERM (graceful) and SIGKILL after a deadline.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CliProcess, cliEntry, spawnCliProcess, stopCliProcess } from './cli-process.ts';
import { WORKER_NODE_FLAGS } from './worker-node-flags.ts';

export interface WorkerProcess extends CliProcess {
  readonly index: number;
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
    const argv = this.#opts.argv ?? [...WORKER_NODE_FLAGS, cliEntry(), 'worker', ...(this.#opts.args ?? [])];
    const w: WorkerProcess = { index, ...spawnCliProcess(argv, this.#opts.env, logFile) };
    this.#workers.set(index, w);
    return w;
  }

  /** Sends `signal` to one worker and waits for it to exit (SIGKILL after `timeoutMs`). */
  async stop(
    w: WorkerProcess,
    signal: NodeJS.Signals = 'SIGTERM',
    timeoutMs = 40_000,
  ): Promise<number | string> {
    try {
      return await stopCliProcess(w, signal, timeoutMs);
    } finally {
      this.#workers.delete(w.index);
    }
  }

  async stopAll(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 40_000): Promise<void> {
    await Promise.all(this.running.map((w) => this.stop(w, signal, timeoutMs)));
    this.#workers.clear();
  }
}
