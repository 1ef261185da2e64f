/**
 * Prometheus's own tool on the rule files: they load, and the unit tests of every alert (silent
 * below its threshold and before its `for`, firing after) and of the recording rules pass. The
 * local Prometheus configuration of monitoring/prometheus/ is valid.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { withIntervals } from '../../src/local/monitoring/local-prometheus.ts';

const DIR = 'monitoring/prometheus';

function promtool(args: string[], cwd?: string): { code: number | null; out: string } {
  const r = spawnSync('promtool', args, { encoding: 'utf8', cwd });
  if (r.error) throw new Error(`promtool: ${r.error.message} (run bash scripts/setup.sh test)`);
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

test('promtool check rules: the recording rules and alerts load', () => {
  const r = promtool(['check', 'rules', `${DIR}/recording-rules.yaml`, `${DIR}/alerts.yaml`]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /SUCCESS: \d+ rules found/);
});

test('promtool test rules: every alert silent below its threshold and before its for, firing after', () => {
  const r = promtool(['test', 'rules', 'rules.test.yaml'], `${DIR}/tests`);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /SUCCESS/);
});

test('promtool check config: the local Prometheus configuration, as the harness writes it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nba-promcfg-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'targets'));
  for (const f of ['recording-rules.yaml', 'alerts.yaml']) copyFileSync(join(DIR, f), join(dir, f));
  for (const job of ['nba-scraper-worker', 'nba-scraper-exporter'])
    writeFileSync(join(dir, 'targets', `${job}.json`), '[]\n');
  writeFileSync(
    join(dir, 'prometheus.yml'),
    withIntervals(readFileSync(join(DIR, 'prometheus.yml'), 'utf8'), 1000),
  );
  const r = promtool(['check', 'config', join(dir, 'prometheus.yml')]);
  assert.equal(r.code, 0, r.out);
  assert.doesNotMatch(r.out, /WARNING/);
});
