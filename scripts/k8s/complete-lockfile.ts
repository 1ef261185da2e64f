/**
 * Makes package-lock.json acceptable to `npm ci` (CI's setup, the Docker build, the image test).
 *
 * Why: the npm registry reachable from our machines serves only the Linux builds of packages
 * that ship one optional package per platform (@biomejs/cli-*, @msgpackr-extract/*). An
 * `npm install` here therefore writes a lock without the other platforms' entries, and npm 11's
 * `npm ci` refuses such a lock ("package.json and package-lock.json are not in sync ... Missing:
 * @biomejs/cli-darwin-arm64@ from lock file"). This adds the missing entries (name, version,
 * os / cpu / libc from the platform in the name; no integrity: npm skips them on other
 * platforms and never downloads them here). Entries npm wrote itself are never touched, and
 * `npm install` keeps the added ones.
 *
 * Usage: node scripts/k8s/complete-lockfile.ts [--check]   (--check: exit 1 when entries are missing)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './tools.ts';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  [key: string]: unknown;
}

interface Lockfile {
  packages: Record<string, LockPackage>;
  [key: string]: unknown;
}

const PLATFORM =
  /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(arm64|x64|arm|ia32|ppc64|s390x|riscv64|loong64)(-(musl|gnu|msvc))?$/;

/** os / cpu / libc of a per-platform package, from its name; null when the name has no platform. */
export function platformOf(name: string): Pick<LockPackage, 'os' | 'cpu' | 'libc'> | null {
  const m = PLATFORM.exec(name);
  if (!m) return null;
  const [, os, cpu, , flavour] = m;
  const libc = os === 'linux' ? (flavour === 'musl' ? ['musl'] : ['glibc']) : undefined;
  return { os: [os!], cpu: [cpu!], ...(libc ? { libc } : {}) };
}

/** Adds the missing per-platform optional entries; returns their keys. Pure on the object. */
export function completeLockfile(lock: Lockfile): string[] {
  const added: string[] = [];
  for (const [key, pkg] of Object.entries(lock.packages)) {
    for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
      // Hoisted next to its dependent, as npm places these packages.
      const parent = key === '' ? '' : `${key}/`;
      const nested = `${parent}node_modules/${dep}`;
      const hoisted = `node_modules/${dep}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      const platform = platformOf(dep);
      if (!platform) continue; // not a per-platform package: a real problem for npm to report
      lock.packages[hoisted] = {
        version,
        ...platform,
        ...(pkg.dev ? { dev: true } : {}),
        optional: true,
      };
      added.push(hoisted);
    }
  }
  // npm's own order (localeCompare), so that the diff shows only the added entries.
  const sorted = Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, 'en'));
  lock.packages = Object.fromEntries(sorted);
  return added;
}

export const LOCKFILE = join(REPO_ROOT, 'package-lock.json');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8')) as Lockfile;
  const added = completeLockfile(lock);
  if (process.argv.includes('--check')) {
    if (added.length > 0) {
      process.stdout.write(
        `package-lock.json lacks ${added.join(', ')}: run node scripts/k8s/complete-lockfile.ts\n`,
      );
      process.exitCode = 1;
    }
  } else {
    if (added.length > 0) writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
    process.stdout.write(
      added.length > 0 ? `added ${added.join(', ')}\n` : 'package-lock.json is complete\n',
    );
  }
}
