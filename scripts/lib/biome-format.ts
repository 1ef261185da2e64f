import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: biome runs there, with the project's configuration, whatever the caller's cwd. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIOME = fileURLToPath(new URL('../../node_modules/@biomejs/biome/bin/biome', import.meta.url));

/**
 * `text` as the project's formatter (biome, pinned by the lockfile) writes a file at `path`, so that
 * `biome check --write` and the generators agree on every file they both touch (JSON, Markdown).
 */
export function biomeFormat(path: string, text: string): string {
  const r = spawnSync(process.execPath, [BIOME, 'format', `--stdin-file-path=${path}`], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`biome format ${path}: ${r.stderr}`);
  return r.stdout;
}
