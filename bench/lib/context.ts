/** What every scenario gets from the runner: a temp directory, progress output, paths in bench/. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchContext {
  readonly quick: boolean;
  /** A temp directory removed when the run ends. */
  readonly tmp: string;
  /** A progress line on stderr. */
  progress(line: string): void;
  /** Absolute path of a file under bench/. */
  path(relative: string): string;
}

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

export function createContext(quick: boolean, tmp: string): BenchContext {
  const t0 = Date.now();
  return {
    quick,
    tmp,
    progress(line) {
      const s = ((Date.now() - t0) / 1000).toFixed(0).padStart(5);
      process.stderr.write(`[${s} s] ${line}\n`);
    },
    path: (relative) => join(BENCH_DIR, relative),
  };
}
