/**
 * The project's static checks, run as tests so CI reports them with everything else:
 * typecheck, lint + format, the import rules of src/ (.dependency-cruiser.cjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

function run(cmd: string, args: string[]): { code: number | null; out: string } {
  const res = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: res.status, out: `${res.stdout}\n${res.stderr}`.trim() };
}

test('TypeScript typechecks (strict)', () => {
  const r = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  assert.equal(r.code, 0, r.out);
});

test('biome finds no lint or format problem', () => {
  const r = run('node_modules/.bin/biome', ['check', '--colors=off', '.']);
  assert.equal(r.code, 0, r.out.slice(-4000));
});

test('src keeps its import rules: no cycles between files or folders, no production import of the harness, pure sources', () => {
  const r = run(process.execPath, [
    'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs',
    'src',
    '--config',
    '.dependency-cruiser.cjs',
  ]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /no dependency violations found/);
});
