import { spawnSync } from 'node:child_process';

/** `text` as the project's formatter (biome, pinned by the lockfile) writes a file at `path`. */
export function biomeFormat(path: string, text: string): string {
  const r = spawnSync(
    process.execPath,
    ['node_modules/@biomejs/biome/bin/biome', 'format', `--stdin-file-path=${path}`],
    {
      input: text,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`biome format ${path}: ${r.stderr}`);
  return r.stdout;
}
