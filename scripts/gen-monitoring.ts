/**
 * Writes the generated monitoring files (Grafana dashboards, Prometheus recording and alerting
 * rules, docs/metrics.md) from their sources in scripts/monitoring/ and src/metrics/catalog.ts.
 * `--check` only reports files that are out of date (exit 1), for CI.
 * Usage: node scripts/gen-monitoring.ts [--check]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderAll } from './monitoring/render.ts';

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of await renderAll()) {
  let before: string | null = null;
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // missing: written below, or reported in --check mode
  }
  if (before === content) continue;
  stale++;
  if (check) console.error(`${file} is out of date: run npm run monitoring (node scripts/gen-monitoring.ts)`);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${file}`);
  }
}
process.exit(check && stale > 0 ? 1 : 0);
