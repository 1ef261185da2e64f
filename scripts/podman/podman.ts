/**
 * Runs podman (rootful, Debian's 4.3) with the project's own containers.conf, written to
 * `.tmp/podman/containers.conf` and passed by CONTAINERS_CONF, so the machine's configuration is
 * left alone:
 * - runtime `runc`: crun 1.8 refuses a host whose cgroups are mounted in hybrid (v1) mode;
 * - default ulimits at the limits this host allows: podman raises nofile to 1048576 and nproc
 *   to 4194304 for every container (the pause container of a pod included), which fails with
 *   "error setting rlimits … operation not permitted" where the host's hard limits are lower and
 *   the runtime may not raise them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../k8s/tools.ts';

export const PODMAN_DIR = join(REPO_ROOT, '.tmp', 'podman');

/** The hard limit of one resource of this process (`/proc/self/limits`), or null when unlimited. */
function hardLimit(row: string): number | null {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(row));
  const hard = line?.slice(row.length).trim().split(/\s+/)[1];
  return hard === undefined || hard === 'unlimited' ? null : Number(hard);
}

/** Writes the containers.conf once per process and returns the environment podman runs with. */
let env: NodeJS.ProcessEnv | undefined;
export function podmanEnv(): NodeJS.ProcessEnv {
  if (env) return env;
  const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim());
  const nofile = Math.min(hardLimit('Max open files') ?? 1_048_576, 1_048_576);
  const nproc = Math.min(hardLimit('Max processes') ?? pidMax, pidMax);
  mkdirSync(PODMAN_DIR, { recursive: true });
  const file = join(PODMAN_DIR, 'containers.conf');
  writeFileSync(
    file,
    [
      '# Written by scripts/podman/podman.ts: see there why.',
      '[containers]',
      `default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]`,
      '[engine]',
      'runtime = "runc"',
      '',
    ].join('\n'),
  );
  env = { ...process.env, CONTAINERS_CONF: file };
  return env;
}

export interface PodmanResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `podman <args>`; returns what it printed (does not throw on a non-zero exit). */
export function podmanRun(args: string[], opts: { input?: string; timeoutMs?: number } = {}): PodmanResult {
  const r = spawnSync('podman', args, {
    cwd: REPO_ROOT,
    env: podmanEnv(),
    encoding: 'utf8',
    input: opts.input,
    timeout: opts.timeoutMs ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  // Without systemd, podman cannot arm or remove the timers of health checks; it says so at
  // error level on every kube play and pod removal. The checks are run by the caller instead.
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !/healthcheck: unable to get systemd connection|Removing volume .* is being used/.test(l))
    .join('\n')
    .trim();
  return { code: r.status, stdout: r.stdout, stderr };
}

/** Runs `podman <args>` and returns its stdout; throws with podman's message when it fails. */
export function podman(args: string[], opts: { input?: string; timeoutMs?: number } = {}): string {
  const r = podmanRun(args, opts);
  if (r.code !== 0) {
    throw new Error(`podman ${args.join(' ')} exited ${r.code}:\n${r.stderr || r.stdout}`);
  }
  return r.stdout;
}
