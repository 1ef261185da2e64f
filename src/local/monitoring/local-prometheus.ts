/**
 * A private Prometheus on loopback, for `nba-scraper demo --prometheus` and the monitoring tests:
 * Debian's `prometheus` binary, the configuration and rule files of monitoring/prometheus/ copied
 * into a temporary folder with the intervals asked for, a data folder beside them, and the scrape
 * targets written by the caller (file_sd: Prometheus picks changes up by itself). Stopped and
 * removed with the process that started it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../processes/free-port.ts';

/** monitoring/prometheus/ of this checkout (from src/local/monitoring/ or dist/local/monitoring/). */
export const MONITORING_PROMETHEUS_DIR = fileURLToPath(
  new URL('../../../monitoring/prometheus/', import.meta.url),
);

export const WORKER_JOB = 'nba-scraper-worker';
export const EXPORTER_JOB = 'nba-scraper-exporter';

export interface ScrapeTarget {
  /** `host:port`. */
  address: string;
  /** Target labels (e.g. `namespace`, `pod`), attached to every series scraped from it. */
  labels?: Record<string, string>;
}

export interface LocalPrometheus {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** The temporary folder: config, rules, targets/, data/. */
  readonly dir: string;
  /** Replaces the targets of one scrape job (`nba-scraper-worker`, `nba-scraper-exporter`). */
  setTargets(job: string, targets: readonly ScrapeTarget[]): void;
  /** Stops Prometheus (SIGTERM, SIGKILL after 5 s) and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

export interface LocalPrometheusOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Scrape and rule evaluation interval. Default 5000 ms. */
  intervalMs?: number;
  /** Folder holding prometheus.yml and the rule files. Default monitoring/prometheus/. */
  configDir?: string;
  /** Keep the data folder after stop (for a look afterwards). Default false. */
  keep?: boolean;
}

export class PrometheusNotInstalledError extends Error {}

/** The configuration text with the intervals set (scrape timeout 80 % of the interval). */
export function withIntervals(config: string, intervalMs: number): string {
  return config
    .replace(/^(\s*scrape_interval:\s*)\S+/m, `$1${intervalMs}ms`)
    .replace(/^(\s*scrape_timeout:\s*)\S+/m, `$1${Math.max(100, Math.floor(intervalMs * 0.8))}ms`)
    .replace(/^(\s*evaluation_interval:\s*)\S+/m, `$1${intervalMs}ms`)
    .replace(/^(\s*refresh_interval:\s*)\S+/gm, `$1${Math.min(intervalMs, 5_000)}ms`);
}

export async function startLocalPrometheus(opts: LocalPrometheusOptions = {}): Promise<LocalPrometheus> {
  const configDir = opts.configDir ?? MONITORING_PROMETHEUS_DIR;
  const intervalMs = opts.intervalMs ?? 5_000;
  const port = opts.port || (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'nba-prometheus-'));
  const config = readFileSync(join(configDir, 'prometheus.yml'), 'utf8');
  writeFileSync(join(dir, 'prometheus.yml'), withIntervals(config, intervalMs));
  for (const rules of ['recording-rules.yaml', 'alerts.yaml'])
    copyFileSync(join(configDir, rules), join(dir, rules));
  await mkdir(join(dir, 'targets'));

  const setTargets = (job: string, targets: readonly ScrapeTarget[]): void => {
    const file = join(dir, 'targets', `${job}.json`);
    const sd = targets.map((t) => ({ targets: [t.address], labels: t.labels ?? {} }));
    // Write then rename, so Prometheus never reads half a file.
    writeFileSync(`${file}.tmp`, `${JSON.stringify(sd, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  };
  setTargets(WORKER_JOB, []);
  setTargets(EXPORTER_JOB, []);

  const args = [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=1d',
    '--log.level=warn',
  ];
  let child: ChildProcess;
  let stderr = '';
  const removeDir = (): void => {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    child = spawn('prometheus', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT'
            ? new PrometheusNotInstalledError(
                'prometheus is not installed: run `bash scripts/setup.sh test` (or apt-get install prometheus)',
              )
            : err,
        ),
      );
      child.once('exit', (code) =>
        reject(new Error(`prometheus exited with code ${code}: ${stderr.trim()}`)),
      );
    });
    failed.catch(() => {});
    await Promise.race([waitReady(`http://127.0.0.1:${port}`, 30_000), failed]);
  } catch (err) {
    removeDir();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    setTargets,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        removeDir();
      })();
      return stopping;
    },
  };
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`prometheus did not get ready at ${url} within ${timeoutMs} ms`);
    await sleep(100);
  }
}
