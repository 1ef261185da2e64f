/**
 * `nba-scraper demo --prometheus`: the demo also starts the exporter and a local Prometheus that
 * scrapes every process of the run (its targets up, the run's metrics in it), says where to open
 * it, and stops all of it on Ctrl-C.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliEntry } from '../../../src/local/processes/cli-process.ts';
import { eventually, value } from './prometheus-api.ts';

test('demo --prometheus: Prometheus scrapes the workers and the exporter; Ctrl-C stops everything', {
  timeout: 360_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nba-demo-prom-'));
  const env = { ...process.env } as Record<string, string>;
  delete env.REDIS_URL;
  const child = spawn(
    process.execPath,
    [
      cliEntry(),
      'demo',
      '--prometheus',
      '--prometheus-port',
      '0',
      '--workers',
      '2',
      '--store',
      `file://${dir}`,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (c, s) => resolve(c ?? s ?? -1)),
  );
  try {
    const url = await eventually(
      'the demo names its Prometheus',
      async () => /open (http:\/\/127\.0\.0\.1:\d+) /.exec(out)?.[1],
      (u) => u !== undefined,
      120_000,
    );
    const prom = url as string;
    assert.match(out, /Grafana dashboards to import: monitoring\/grafana\/\*\.json/);
    await eventually(
      'workers and exporter up',
      () => value(prom, 'count(up == 1)'),
      (n) => n === 3,
      60_000,
    );
    assert.equal(await value(prom, 'count(up{job="nba-scraper-worker", namespace="local"} == 1)'), 2);
    assert.equal(await value(prom, 'count(up{job="nba-scraper-exporter"} == 1)'), 1);
    await eventually(
      'the season is being scraped',
      () => value(prom, 'sum(nba_scraper_http_requests_total{status_class="2xx"})'),
      (n) => n > 10,
      120_000,
    );
    await eventually(
      'the exporter shows the season waiting for its box scores',
      () => value(prom, 'max(nba_scraper_season_state{season="2018", state="waiting-children"})'),
      (n) => n === 1,
      60_000,
    );
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    await assert.rejects(fetch(`${prom}/-/ready`), 'Prometheus stopped with the demo');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
