/**
 * Rewrites the generated tables in the docs. `--check` only reports files that are out of date
 * (exit 1), for CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fillGenerated } from './lib/doc-tables.ts';

export const DOC_FILES = ['README.md', 'docs/errors.md'];

const check = process.argv.includes('--check');
let stale = 0;
for (const file of DOC_FILES) {
  const before = readFileSync(file, 'utf8');
  const after = fillGenerated(file, before);
  if (after === before) continue;
  stale++;
  if (check) console.error(`${file} is out of date: run npm run docs`);
  else writeFileSync(file, after);
}
process.exit(check && stale > 0 ? 1 : 0);
