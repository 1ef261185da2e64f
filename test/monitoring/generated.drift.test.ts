/**
 * The committed dashboards, rule files, promtool tests and docs/metrics.md are exactly what
 * `npm run monitoring` (scripts/gen-monitoring.ts) generates from their sources.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderAll } from '../../scripts/monitoring/render.ts';

test('generated monitoring files are up to date (npm run monitoring)', async () => {
  const stale: string[] = [];
  for (const [file, content] of await renderAll()) {
    let onDisk = '';
    try {
      onDisk = readFileSync(file, 'utf8');
    } catch {
      // missing
    }
    if (onDisk !== content) stale.push(file);
  }
  assert.deepEqual(stale, [], `out of date: ${stale.join(', ')}: run npm run monitoring`);
});
