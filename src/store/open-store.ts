/**
 * Opens the store a STORE_URL names: `file://DIR` (relative DIR resolved against the working
 * directory: `file://./data`, `file:///var/lib/nba`) or `postgres://` / `postgresql://`.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.ts';
import { StoreError } from '../errors/store-error.ts';
import { type Logger, redactUrl } from '../log/logger.ts';
import { FileStore } from './file-store.ts';
import { PostgresStore } from './postgres-store.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  logger?: Logger;
  /** PostgreSQL: connections in the pool. Default 4. */
  poolSize?: number;
  /** PostgreSQL: deadline to open a connection, in ms. Default 10000. */
  connectTimeoutMs?: number;
  /** File store: fsync each document before it replaces the old one. Default true. */
  fsync?: boolean;
}

const ACCEPTED =
  'STORE_URL must be file://DIR (a directory, e.g. file://./data or file:///var/lib/nba-scraper) ' +
  'or postgres://user:password@host:port/database (postgresql:// also works)';

/** The URL for an error message: password redacted; unparseable text shown only if it holds no secret. */
function shown(raw: string): string {
  if (URL.canParse(raw)) return redactUrl(raw);
  return raw.includes('@') || raw.includes(':') ? '[unparseable url]' : JSON.stringify(raw);
}

/** The directory a `file://` URL names, or null when it names none. */
export function fileStoreDir(storeUrl: string, cwd: string = process.cwd()): string | null {
  const path = storeUrl.slice('file://'.length);
  if (path === '' || path.includes('\0')) return null;
  return resolve(cwd, path);
}

export async function openStore(storeUrl: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const url = storeUrl.trim();
  const log = opts.logger?.child({ component: 'store' });
  if (url.startsWith('file://')) {
    const dir = fileStoreDir(url);
    if (dir === null) throw new ConfigError(`${ACCEPTED}; got ${shown(url)}, which names no directory.`);
    try {
      await mkdir(dir, { recursive: true });
    } catch (err) {
      throw new StoreError(
        `file store: cannot create the directory ${dir}: ${(err as Error).message}. Create it or point STORE_URL elsewhere.`,
        { cause: err },
      );
    }
    log?.info({ kind: 'file', dir }, 'store opened');
    return new FileStore(dir, { fsync: opts.fsync });
  }
  if (/^postgres(ql)?:\/\//.test(url) && URL.canParse(url)) {
    const store = await PostgresStore.open(url, {
      poolSize: opts.poolSize,
      connectTimeoutMs: opts.connectTimeoutMs,
      logger: log,
    });
    log?.info({ kind: 'postgres', url: redactUrl(url) }, 'store opened');
    return store;
  }
  throw new ConfigError(`${ACCEPTED}; got ${shown(url)}.`);
}
