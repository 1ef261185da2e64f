/** Runs a bench child process (a contender) to its end, with a deadline; returns its JSON line. */
import { spawn } from 'node:child_process';
import { peakRssMb } from './procfs.ts';

export interface ChildResult {
  pages: number;
  errors: number;
  startedAt: number;
  endedAt: number;
  cpuSeconds: number;
  peakRssMb: number;
}

export function runChild(
  script: string,
  arg: unknown,
  opts: { timeoutMs: number; cwd?: string; nodeArgs?: string[] },
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), script, JSON.stringify(arg)], {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: baseEnv(),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 20_000) err += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${opts.timeoutMs} ms: ${err.slice(0, 2_000)}`));
    }, opts.timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(line) as ChildResult);
      } catch (e) {
        reject(new Error(`${script} failed (${(e as Error).message}): ${err.slice(0, 2_000)}`));
      }
    });
  });
}

/**
 * The environment of every process the benchmark starts: PATH and locale only, so that no
 * setting of the shell (HOST_RATE_LIMITS, LOG_LEVEL, ...) changes what is measured.
 */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * What a contender prints last, on stdout: its result as one JSON line, with its CPU time since
 * `cpu0` (process.cpuUsage()) and its peak RSS.
 */
export function printChildResult(
  r: Pick<ChildResult, 'pages' | 'errors' | 'startedAt' | 'endedAt'>,
  cpu0: NodeJS.CpuUsage,
): void {
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = {
    ...r,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRssMb(process.pid),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
