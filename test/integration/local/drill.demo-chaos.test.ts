/**
 * `nba-scraper demo --chaos`, run as a user runs it: one season on a fresh store while the drill
 * kills a worker, scales one down, restarts Redis, and has the site answer 429, a block page and a
 * burst of 5xx and slow bodies. It exits 0 with a line per fault phase, the recovery table with a
 * row per fault, and the dataset verdict against the site's ground truth.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../helpers/cli.ts';

const FAULTS = [
  'SIGKILL of a worker',
  'SIGTERM of a worker (scale-down)',
  'Redis restart',
  '429 with Retry-After',
  'block page',
  'burst of 5xx and timeouts',
];

test('demo --chaos: every fault injected, detected and recovered; nothing lost or duplicated', {
  timeout: 900_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nba-drill-'));
  try {
    const r = await runCli(['demo', '--chaos', '--store', `file://${dir}`], {}, 840_000);
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    for (const fault of FAULTS) {
      for (const phase of ['injected', 'detected', 'recovered'])
        assert.ok(r.stdout.includes(`${fault}: ${phase}: `), `${fault} ${phase}\n${r.stdout}`);
    }
    // The table: one row per fault with its times and counts.
    const rows = r.stdout.split('\n').filter((l) => FAULTS.some((f) => l.startsWith(`${f} `)));
    assert.equal(rows.length, FAULTS.length, r.stdout);
    for (const row of rows) assert.match(row, /\d+\.\d s +\d+\.\d s +\d+ +\d+$/, row);
    const killed = rows.find((l) => l.startsWith('SIGKILL'))!;
    const recovery = Number(/ (\d+\.\d) s +\d+ +\d+$/.exec(killed)?.[1]);
    assert.ok(recovery > 0, `a killed worker's jobs take the lock expiry to come back: ${killed}`);
    assert.match(r.stdout, /dataset: all 1309 games the site lists are stored exactly once/);
    assert.match(r.stdout, /dataset: no duplicate rows/);
    assert.match(r.stdout, /queue: no job stuck, none failed/);
    assert.match(r.stdout, /drill passed in \d+ s/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('demo --chaos refuses more than one season and --prometheus, with exit 2', async () => {
  const two = await runCli(['demo', '--chaos', '--seasons', '2018,2019']);
  assert.equal(two.code, 2, two.stderr);
  assert.match(two.stderr, /--chaos runs one season, got "2018,2019"/);
  const prom = await runCli(['demo', '--chaos', '--prometheus']);
  assert.equal(prom.code, 2, prom.stderr);
  assert.match(prom.stderr, /--chaos does not run with --prometheus/);
});
