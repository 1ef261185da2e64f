/**
 * Searching a page without making it one string. A page's markers (tags, comments) are ASCII, so a
 * page fetched as UTF-8 bytes is searched on its Latin-1 view (one character per byte: offsets are
 * byte offsets), window by window. Each window is a string under V8's large-object size (128 KB):
 * allocating a string above it costs about half a millisecond more than copying its bytes (it gets
 * memory of its own from the system), and a page of 300-500 KB viewed whole cost a worker about a
 * millisecond per page that way. A page given as text is searched as it is.
 */
import type { PageBody } from '../source.ts';

/** A match of a regular expression in a page: where it starts, and its text. */
export interface ScanMatch {
  index: number;
  text: string;
}

export interface PageScan {
  /** Length of the page (bytes, or characters of a text). */
  readonly length: number;
  /** The text of `[from, to)` (of bytes: their Latin-1 view). For short ranges. */
  text(from: number, to: number): string;
  /**
   * The matches of `re` (global: `g`) that start in `[from, to)`, in order, none overlapping the
   * one before. In bytes a match is found only if shorter than WINDOW_OVERLAP (every tag searched for is).
   */
  matches(re: RegExp, from?: number, to?: number): Generator<ScanMatch>;
  /** Where the last `needle` (ASCII) starting at or before `at` is, -1 when none. */
  lastIndexOf(needle: string, at: number): number;
}

/** Window size of a search in bytes, and how far each window reaches into the next. */
const WINDOW = 64 * 1024;
export const WINDOW_OVERLAP = 8 * 1024;

function* stringMatches(html: string, re: RegExp, from: number, to: number): Generator<ScanMatch> {
  re.lastIndex = from;
  for (let m = re.exec(html); m !== null && m.index < to; m = re.exec(html)) {
    yield { index: m.index, text: m[0] };
    if (m[0] === '') re.lastIndex++;
  }
}

function textScan(html: string): PageScan {
  return {
    length: html.length,
    text: (from, to) => html.slice(from, to),
    matches: (re, from = 0, to = html.length) => stringMatches(html, re, from, to),
    lastIndexOf: (needle, at) => html.lastIndexOf(needle, at),
  };
}

/** `bytes` as a Buffer over the same memory (no copy). */
export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function byteScan(bytes: Uint8Array): PageScan {
  const buf = bufferOf(bytes);
  const text = (from: number, to: number): string => buf.toString('latin1', from, to);
  return {
    length: buf.length,
    text,
    *matches(re, from = 0, to = buf.length) {
      let after = from; // end of the last match: the next may not start before it
      for (let start = from; start < to; start += WINDOW) {
        const window = text(start, Math.min(buf.length, start + WINDOW + WINDOW_OVERLAP));
        const own = Math.min(WINDOW, to - start); // matches starting past it are the next window's
        for (const m of stringMatches(window, re, Math.max(0, after - start), own)) {
          after = start + m.index + m.text.length;
          yield { index: start + m.index, text: m.text };
        }
      }
    },
    lastIndexOf: (needle, at) => buf.lastIndexOf(needle, Math.max(0, at), 'latin1'),
  };
}

/** The search of a page body: on its text, or window by window on its bytes. */
export function scanOf(body: PageBody): PageScan {
  return typeof body === 'string' ? textScan(body) : byteScan(body);
}
