/**
 * One archived page as a file: `<url-safe-name>@<ISO fetch time>.html.gz`, a standard gzip file
 * (`zcat` gives the HTML) whose header comment (RFC 1952 FCOMMENT) holds the page's metadata as
 * JSON, so the URL, status and kind survive without a side file.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { crc32, deflateRaw, gunzipSync } from 'node:zlib';

// Compression runs on libuv's thread pool: a 400 KB page takes milliseconds of CPU that would
// otherwise block the worker's event loop (lock renewals, other jobs' I/O).
const deflateRawAsync = promisify(deflateRaw);

export interface RawPageMeta {
  url: string;
  fetchedAt: string;
  status: number;
  season: number | null;
  kind: string | null;
}

export const RAW_SUFFIX = '.html.gz';
const MAX_NAME = 180;

/** encodeURIComponent that also escapes `!'()*~`, so `~` can mark shortened names. */
function strictEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The URL as a file name part: percent-encoded (no `/`, no `@`), reversible. URLs too long for a
 * file name are cut and suffixed with `~` and a hash of the whole URL.
 */
export function urlSafeName(url: string): string {
  const enc = strictEncode(url);
  if (enc.length <= MAX_NAME) return enc;
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
  return `${enc.slice(0, MAX_NAME - 17)}~${hash}`;
}

/** The URL a name stands for, or null when the name was shortened (read the file's metadata). */
export function urlFromSafeName(name: string): string | null {
  return name.includes('~') ? null : decodeURIComponent(name);
}

export function rawPageFileName(url: string, fetchedAt: Date): string {
  return `${urlSafeName(url)}@${fetchedAt.toISOString()}${RAW_SUFFIX}`;
}

/** Splits an archive file name into its URL part and ISO time, or null when it is not one. */
export function parseRawPageFileName(file: string): { name: string; time: string } | null {
  if (!file.endsWith(RAW_SUFFIX) || file.startsWith('.')) return null;
  const stem = file.slice(0, -RAW_SUFFIX.length);
  const at = stem.lastIndexOf('@');
  if (at <= 0) return null;
  return { name: stem.slice(0, at), time: stem.slice(at + 1) };
}

const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

/** The bytes an archive stores for a page body (RawPageInput.body): bytes as they are, text as UTF-8. */
export function rawPageBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/**
 * Gzip of `body` (text, stored as UTF-8, or its bytes) with `meta` as JSON in the header comment.
 * Same input, same bytes (mtime 0).
 */
export async function encodeRawPage(body: string | Uint8Array, meta: RawPageMeta): Promise<Buffer> {
  const data = rawPageBytes(body);
  // The comment field is Latin-1 and NUL-terminated: escape everything outside printable ASCII.
  const json = JSON.stringify(meta).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const header = Buffer.from([0x1f, 0x8b, 0x08, FCOMMENT, 0, 0, 0, 0, 0x00, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([header, Buffer.from(`${json}\0`, 'latin1'), await deflateRawAsync(data), trailer]);
}

/** The metadata in a gzip header comment, or null when there is none (reads only the header). */
export function readRawPageMeta(head: Buffer): RawPageMeta | null {
  if (head.length < 10 || head[0] !== 0x1f || head[1] !== 0x8b) return null;
  const flags = head[3] ?? 0;
  let pos = 10;
  if (flags & FEXTRA) pos += 2 + head.readUInt16LE(pos);
  if (flags & FNAME) pos = head.indexOf(0, pos) + 1;
  if (!(flags & FCOMMENT) || pos <= 0) return null;
  const end = head.indexOf(0, pos);
  if (end < 0) return null;
  try {
    return JSON.parse(head.toString('latin1', pos, end)) as RawPageMeta;
  } catch {
    return null;
  }
}

export function decodeRawPage(file: Buffer): { meta: RawPageMeta | null; body: string } {
  return { meta: readRawPageMeta(file), body: gunzipSync(file).toString('utf8') };
}
