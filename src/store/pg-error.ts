/**
 * node-postgres errors as StoreErrors: one sentence saying where (host:port, never the password),
 * what failed and, for connection problems, what to do. The original error stays as `cause`.
 */
import { StoreError } from '../errors/store-error.ts';

/** Node socket error codes that mean the server could not be reached. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** SQLSTATEs of connection, authentication and startup problems (classes 08, 28, 3D, 57P). */
const CONNECTION_STATE = /^(08|28|3D|57P)/;

/** `host:port` of a PostgreSQL URL, for messages. */
export function pgTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return 'the configured server';
  }
}

function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && !err.message) {
    return err.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ');
  }
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || err.name;
  return String(err);
}

/** The text with the URL's password (raw or percent-decoded) replaced, should a driver echo it. */
function scrubPassword(text: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (password === '') return text;
  let out = text.split(password).join('***');
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // not percent-encoded
  }
  if (decoded !== password) out = out.split(decoded).join('***');
  return out;
}

export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || CONNECTION_STATE.test(code))) return true;
  if (err instanceof AggregateError) return err.errors.some(isConnectionError);
  const msg = err instanceof Error ? err.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(msg);
}

function hintFor(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (code === '28P01' || code === '28000') return 'Check the user name and password in STORE_URL.';
  if (code === '3D000') return 'Create the database first (createdb) or fix its name in STORE_URL.';
  return 'Check that PostgreSQL is running and reachable from here, and that STORE_URL names the right host, port and database.';
}

/**
 * Wraps an error from node-postgres. `action` says what the store was doing (`upsertBoxScore
 * 201801010TOR`); `redactedUrl` is the store URL with its password replaced.
 */
export function toStoreError(err: unknown, action: string, url: string, redactedUrl: string): StoreError {
  if (err instanceof StoreError) return err;
  const reason = scrubPassword(reasonOf(err), url);
  if (isConnectionError(err)) {
    return new StoreError(
      `cannot ${action}: PostgreSQL at ${pgTarget(url)} (${redactedUrl}) failed: ${reason}. ${hintFor(err)}`,
      { cause: err },
    );
  }
  const code = (err as { code?: unknown })?.code;
  const state = typeof code === 'string' ? ` (SQLSTATE ${code})` : '';
  return new StoreError(`PostgreSQL store: ${action} failed: ${reason}${state}`, { cause: err });
}
