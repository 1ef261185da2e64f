/**
 * Loading a page for a parser: the guards every parser runs first (block page, 404 page,
 * truncated body, missing `div#content`), the DOM of `div#content`, and the URLs a page states
 * about itself.
 *
 * Only `div#content` is parsed (every selector of the parsers is scoped to it; the site-wide header
 * carries its own scores): it is cut out of the raw HTML from its start tag to the footer
 * (`div#footer`) before parsing, which skips the large header (up to 230 KB on schedule pages) and
 * footer. A parser may also name tables it never reads (the per-quarter box score tables, two thirds
 * of a box score page); they are cut out of the HTML too. When the cut cannot be made safely (the
 * start tag might sit in a comment or a script) the whole page is parsed instead.
 *
 * A page may come as text or as the UTF-8 bytes it was fetched as (`PageBody`). From bytes, the
 * guards and cuts are found window by window on their Latin-1 view (page-scan.ts), and only the
 * kept parts are decoded, in pieces of at most `PIECE_BYTES` that the parser reads as a stream:
 * no string of the whole page is ever made. Such a string (300 KB to 1 MB, two bytes per character
 * as soon as one name is not Latin-1) is a V8 large object: it costs about a millisecond to
 * allocate, and the first scavenge during the parse promotes it to the old generation. Pieces are
 * small objects that die young with the DOM; the header, the footer and the cut tables are never
 * decoded at all.
 */
import { BlockedError } from '../../errors/blocked-error.ts';
import { NetworkError } from '../../errors/network-error.ts';
import { PageNotFoundError } from '../../errors/page-not-found-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody } from '../source.ts';
import { type Element, isElement, parseHtml, selectFirst, textOf, withId } from './dom.ts';
import { isBlockPage, isCompletePage, isNotFoundPage } from './page-guards.ts';
import { bufferOf, type PageScan, scanOf } from './page-scan.ts';
import { gameIdFromPath, seasonFromPath, teamFromPath } from './urls.ts';

export interface LoadedPage {
  /** `div#content`: every query of the parsers is scoped to it (the site header has its own scores). */
  content: Element;
  /** The URLs the page gives for itself (from its head). */
  urls: PageUrls;
  /** The text of the page's `<title>`, entities decoded ('' when none); decoded when asked for. */
  title(): string;
}

export interface LoadOptions {
  /** Ids of tables the parser never reads: cut out of the HTML before parsing. */
  skipTables?: RegExp;
}

const CONTENT_START = /<div\b[^>]*\sid\s*=\s*["']?content["'\s>/]/gi;
const FOOTER_START = /<div\b[^>]*\sid\s*=\s*["']?footer["'\s>/]/gi;

/** True when `index` is inside a comment, a script or a style element of the page (by string search). */
function inRawText(scan: PageScan, index: number): boolean {
  const comment = scan.lastIndexOf('<!--', index);
  if (comment >= 0 && scan.lastIndexOf('-->', index) < comment) return true;
  for (const tag of ['script', 'style']) {
    const open = scan.lastIndexOf(`<${tag}`, index);
    if (open >= 0 && scan.lastIndexOf(`</${tag}`, index) < open) return true;
  }
  return false;
}

function firstTagAt(scan: PageScan, re: RegExp, from: number): number | undefined {
  for (const m of scan.matches(re, from)) return m.index;
  return undefined;
}

/**
 * The parts of the page's `[from, to)` that remain once the tables whose id matches `skip` are cut
 * out (a table with another table inside is kept), as `[start, end)` ranges.
 */
function keptRanges(
  scan: PageScan,
  from: number,
  to: number,
  skip: RegExp | undefined,
): Array<[number, number]> {
  if (skip === undefined) return [[from, to]];
  const ranges: Array<[number, number]> = [];
  let kept = from;
  let cut = -1; // start of the table being cut out, -1 when none
  for (const m of scan.matches(/<(\/?)table\b[^>]*>/gi, from, to)) {
    if (m.text[1] !== '/') {
      const id = /\sid\s*=\s*["']?([^"'\s>]+)/i.exec(m.text)?.[1];
      cut = id !== undefined && skip.test(id) ? m.index : -1;
    } else if (cut >= 0) {
      if (cut > kept) ranges.push([kept, cut]);
      kept = Math.min(to, m.index + m.text.length);
      cut = -1;
    }
  }
  if (kept < to) ranges.push([kept, to]);
  return ranges;
}

/**
 * `html` without the tables whose id matches `skip` (a table with another table inside is kept), as
 * the list of the kept pieces: they are parsed one after the other, as a stream, rather than joined
 * (joining copies hundreds of kilobytes into a new string on every page).
 */
export function withoutTables(html: string, skip: RegExp): string[] {
  return keptRanges(scanOf(html), 0, html.length, skip).map(([a, b]) => html.slice(a, b));
}

/** Bytes decoded per piece: under V8's large-object size (128 KB) even at two bytes a character. */
const PIECE_BYTES = 32_768;

/** True for a UTF-8 continuation byte (`10xxxxxx`): a piece must not start on one. */
const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

/** The text of `bytes` in `ranges`, decoded as UTF-8 in pieces of at most PIECE_BYTES. */
function* decodedPieces(bytes: Uint8Array, ranges: Array<[number, number]>): Generator<string> {
  const buf = bufferOf(bytes);
  for (const [from, to] of ranges) {
    let at = from;
    while (at < to) {
      let end = Math.min(to, at + PIECE_BYTES);
      while (end < to && end > at + 1 && isContinuation(buf[end]!)) end--;
      yield buf.toString('utf8', at, end);
      at = end;
    }
  }
}

/** The text of `body` in `[from, to)`, decoded when it is bytes. */
function textAt(body: PageBody, from: number, to: number): string {
  if (typeof body === 'string') return body.slice(from, to);
  return bufferOf(body).toString('utf8', from, to);
}

/** The text of a page body: itself, or its bytes decoded as UTF-8. */
export function pageText(body: PageBody): string {
  return textAt(body, 0, typeof body === 'string' ? body.length : body.byteLength);
}

/** The parts of the body in `ranges`, as text pieces for the parser. */
function piecesOf(body: PageBody, ranges: Array<[number, number]>): Iterable<string> {
  if (typeof body === 'string') return ranges.map(([a, b]) => body.slice(a, b));
  return decodedPieces(body, ranges);
}

/** What precedes the footer when it directly follows the end of `div#content`: `</div>`, comments, blanks. */
const CONTENT_END = /<\/div\s*>\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*$/i;

/**
 * Where to end the cut of `div#content` that starts at `start`: at the footer when it directly
 * follows a closing `</div>` (the content's own, on every real and generated page), else at the end.
 */
function contentEnd(scan: PageScan, start: number): number {
  const footer = firstTagAt(scan, FOOTER_START, start + 1);
  if (footer === undefined) return scan.length;
  return CONTENT_END.test(scan.text(Math.max(start, footer - 200), footer)) ? footer : scan.length;
}

/** Where the `div#content` start tag is in `html` (the first one, possibly in a comment), if any. */
export function contentStart(html: string): number | undefined {
  return firstTagAt(scanOf(html), CONTENT_START, 0);
}

/**
 * `div#content` of the page `scan` searches: its cut parsed alone when it can be made safely, else
 * the whole page parsed (the whole page's tables are searched only then).
 */
function contentFrom(body: PageBody, scan: PageScan, skip: RegExp | undefined): Element | undefined {
  const start = firstTagAt(scan, CONTENT_START, 0);
  if (start !== undefined && !inRawText(scan, start)) {
    const cut = keptRanges(scan, start, contentEnd(scan, start), skip);
    const first = parseHtml(piecesOf(body, cut)).children.find(isElement);
    if (first?.name === 'div' && first.attribs.id === 'content') return first;
  }
  const whole = keptRanges(scan, 0, scan.length, skip);
  return selectFirst(parseHtml(piecesOf(body, whole)), withId('div', 'content'));
}

/**
 * The `div#content` element of a page (the first one in document order), undefined when the page
 * has none. Parsed alone (from its start tag to the footer) when it can be cut out safely, else
 * from the whole page.
 */
export function contentOf(body: PageBody, options: LoadOptions = {}): Element | undefined {
  return contentFrom(body, scanOf(body), options.skipTables);
}

/**
 * How much of a page's start the block and 404 guards read: all of a block or 404 page (a few
 * kilobytes), and far past the title and markers of a content page.
 */
const GUARDED_START = 64 * 1024;

/**
 * Parses `div#content` of a page after the guards. `what` names the page in error messages (`box
 * score page`). Throws BlockedError for a block page, PageNotFoundError for the 404 page,
 * NetworkError for a truncated body (retryable: the next fetch may be whole), ParseError when
 * `div#content` is missing (a page that is not a block page but has no content: the layout changed).
 */
export function loadPage(body: PageBody, what: string, options: LoadOptions = {}): LoadedPage {
  const scan = scanOf(body);
  const start = scan.text(0, Math.min(scan.length, GUARDED_START));
  if (isNotFoundPage(start)) {
    throw new PageNotFoundError(`${what}: the site answered with its "Page Not Found (404 error)" page`);
  }
  if (isBlockPage(start)) {
    throw new BlockedError(`${what}: the site answered with a block / rate-limit page instead of content`);
  }
  if (!isCompletePage(scan.text(Math.max(0, scan.length - 4096), scan.length))) {
    const size = typeof body === 'string' ? `${body.length} characters` : `${body.byteLength} bytes`;
    throw new NetworkError(`${what}: the body is truncated (${size}, no closing </html>)`);
  }
  const head = headOfScan(scan);
  const content = contentFrom(body, scan, options.skipTables);
  if (content === undefined) {
    throw new ParseError(
      `${what} has no div#content and is not a block page: the layout changed (or this is not a basketball-reference.com page)`,
    );
  }
  return { content, urls: head.urls, title: () => titleText(body, head.titles) };
}

/**
 * `value` (a parser's result: plain objects, arrays, strings, numbers) with every string that could
 * be a slice of the page replaced by a copy of its own, in place. The DOM's texts and attribute
 * values are slices of the page string, and V8 keeps a whole string alive for any slice of it of 13
 * characters or more: without the copies, every record kept in memory (a season's schedule, a
 * batch of box scores) would keep its whole page, hundreds of kilobytes, alive with it.
 */
export function ownStrings<T>(value: T): T {
  if (typeof value === 'string') return (value.length >= 13 ? ` ${value}`.slice(1) : value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = ownStrings(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = ownStrings(record[key]);
  return value;
}

/** Where the head ends: at `</head>` or `<body>`; after the first 200 000 characters when neither. */
function headEnd(scan: PageScan): number {
  for (const m of scan.matches(/<\/head\s*>|<body\b/gi)) return m.index;
  return Math.min(scan.length, 200_000);
}

const TITLE_TAG = /<title\b[^>]*>[\s\S]*?<\/title\s*>/gi;

/** The text of the title tags at `titles` (start, length) of the body, entities decoded; '' when none. */
function titleText(body: PageBody, titles: Array<[number, number]>): string {
  if (titles.length === 0) return '';
  return textOf(parseHtml(titles.map(([at, length]) => textAt(body, at, at + length))));
}

/** The URLs a page gives for itself, most specific first. */
export interface PageUrls {
  /** `<!-- saved from url=(0073)https://... -->` of browser-saved pages: the URL that was really fetched. */
  savedFrom: string | undefined;
  /** `<link rel="canonical">` (month pages give their season page here). */
  canonical: string | undefined;
  /** `<meta property="og:url">`. */
  ogUrl: string | undefined;
}

/** A copy of `text`, not a slice of the (scanned) page: a slice would keep the page alive. */
const copied = (text: string | undefined): string | undefined =>
  text === undefined ? text : ` ${text}`.slice(1);

function tagAttr(scan: PageScan, end: number, tag: string, when: RegExp, attr: string): string | undefined {
  for (const m of scan.matches(new RegExp(`<${tag}\\b[^>]*>`, 'gi'), 0, end)) {
    if (!when.test(m.text)) continue;
    const value = new RegExp(`\\s${attr}\\s*=\\s*["']([^"']*)["']`, 'i').exec(m.text)?.[1]?.trim();
    if (value) return copied(value);
  }
  return undefined;
}

/** What the parsers read of a page's head: its own URLs and where its title tags are. */
interface HeadFacts {
  urls: PageUrls;
  /** Start and length of each `<title>` tag in the head. */
  titles: Array<[number, number]>;
}

function headOfScan(scan: PageScan): HeadFacts {
  const end = headEnd(scan);
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(scan.text(0, Math.min(end, 2000)))?.[1];
  return {
    urls: {
      savedFrom: copied(saved),
      canonical: tagAttr(scan, end, 'link', /\brel\s*=\s*["']?canonical\b/i, 'href'),
      ogUrl: tagAttr(scan, end, 'meta', /\bproperty\s*=\s*["']og:url["']/i, 'content'),
    },
    titles: [...scan.matches(TITLE_TAG, 0, end)].map((m) => [m.index, m.text.length]),
  };
}

/** The text of the page's `<title>` in its head, entities decoded; '' when none. */
export function pageTitle(html: PageBody): string {
  return titleText(html, headOfScan(scanOf(html)).titles);
}

/** Reads the page's own URLs from the raw HTML (its head), without a DOM. */
export function pageUrls(html: PageBody): PageUrls {
  return headOfScan(scanOf(html)).urls;
}

/** The page's own URLs, most specific first. */
export function ownUrls(urls: PageUrls): string[] {
  return [urls.savedFrom, urls.canonical, urls.ogUrl].filter((u): u is string => u !== undefined);
}

function firstOf<T>(urls: PageUrls, read: (url: string) => T | undefined): T | undefined {
  for (const url of ownUrls(urls)) {
    const value = read(url);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The season the page's own URLs name (`/leagues/NBA_2018_games.html` -> 2018), if any. */
export function statedSeason(urls: PageUrls): number | undefined {
  return firstOf(urls, seasonFromPath);
}

/** The game the page's own URLs name (`/boxscores/201801010TOR.html`), if any. */
export function statedGameId(urls: PageUrls): string | undefined {
  return firstOf(urls, gameIdFromPath);
}

/** The team whose season page the page's own URLs name (`/teams/GSW/2023.html` -> `GSW`), if any. */
export function statedTeam(urls: PageUrls): string | undefined {
  return firstOf(urls, (url) => teamFromPath(url)?.code);
}

/** Throws ParseError when the page says it belongs to another season than `season`. */
export function checkSeason(urls: PageUrls, season: number, what: string): void {
  const stated = statedSeason(urls);
  if (stated !== undefined && stated !== season) {
    throw new ParseError(`${what} is the ${stated} season's page, not ${season}'s`);
  }
}
