/**
 * This build's version, read once from package.json (one directory above `src/` and `dist/`, so
 * it works from source, from the build and in the image). Shown by `nba-scraper --version` and in
 * the `nba_scraper_build_info` metric.
 */
import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The `version` of package.json, or `unknown` when it cannot be read. */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        version?: string;
      };
      version = pkg.version ?? 'unknown';
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
