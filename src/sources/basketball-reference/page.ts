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
 */

import { BlockedError } from '../../errors/blocked-error.ts';
import { NetworkError } from '../../errors/network-error.ts';
import { PageNotFoundError } from '../../errors/page-not-found-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { type Element, isElement, parseHtml, selectFirst, textOf, withId } from './dom.ts';
import { headOf, isBlockPage, isCompletePage, isNotFoundPage } from './page-guards.ts';
import { gameIdFromPath, seasonFromPath, teamFromPath } from './urls.ts';

export interface LoadedPage {
  /** `div#content`: every query of the parsers is scoped to it (the site header has its own scores). */
  content: Element;
}

export interface LoadOptions {
  /** Ids of tables the parser never reads: cut out of the HTML before parsing. */
  skipTables?: RegExp;
}

const CONTENT_START = /<div\b[^>]*\sid\s*=\s*["']?content["'\s>/]/gi;
const FOOTER_START = /<div\b[^>]*\sid\s*=\s*["']?footer["'\s>/]/gi;

/** True when `index` is inside a comment, a script or a style element of `html` (by string search). */
function inRawText(html: string, index: number): boolean {
  const comment = html.lastIndexOf('<!--', index);
  if (comment >= 0 && html.lastIndexOf('-->', index) < comment) return true;
  for (const tag of ['script', 'style']) {
    const open = html.lastIndexOf(`<${tag}`, index);
    if (open >= 0 && html.lastIndexOf(`</${tag}`, index) < open) return true;
  }
  return false;
}

function firstTagAt(html: string, re: RegExp, from: number): number | undefined {
  re.lastIndex = from;
  const m = re.exec(html);
  return m === null ? undefined : m.index;
}

/**
 * `html` without the tables whose id matches `skip` (a table with another table inside is kept), as
 * the list of the kept pieces: they are parsed one after the other, as a stream, rather than joined
 * (joining copies hundreds of kilobytes into a new string on every page).
 */
export function withoutTables(html: string, skip: RegExp): string[] {
  const parts: string[] = [];
  let kept = 0;
  let cut = -1; // start of the table being cut out, -1 when none
  for (const m of html.matchAll(/<(\/?)table\b[^>]*>/gi)) {
    if (m[1] === '') {
      const id = /\sid\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
      cut = id !== undefined && skip.test(id) ? m.index : -1;
    } else if (cut >= 0) {
      if (cut > kept) parts.push(html.slice(kept, cut));
      kept = m.index + m[0].length;
      cut = -1;
    }
  }
  if (kept < html.length) parts.push(html.slice(kept));
  return parts;
}

/** What precedes the footer when it directly follows the end of `div#content`: `</div>`, comments, blanks. */
const CONTENT_END = /<\/div\s*>\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*$/i;

/**
 * Where to end the cut of `div#content` that starts at `start`: at the footer when it directly
 * follows a closing `</div>` (the content's own, on every real and generated page), else at the end.
 */
function contentEnd(html: string, start: number): number {
  const footer = firstTagAt(html, FOOTER_START, start + 1);
  if (footer === undefined) return html.length;
  return CONTENT_END.test(html.slice(Math.max(start, footer - 200), footer)) ? footer : html.length;
}

/** Where the `div#content` start tag is in `html` (the first one, possibly in a comment), if any. */
export function contentStart(html: string): number | undefined {
  return firstTagAt(html, CONTENT_START, 0);
}

/**
 * The `div#content` element of a page (the first one in document order), undefined when the page
 * has none. Parsed alone (from its start tag to the footer) when it can be cut out safely, else
 * from the whole page.
 */
export function contentOf(html: string, options: LoadOptions = {}): Element | undefined {
  const skip = options.skipTables;
  const start = contentStart(html);
  if (start !== undefined && !inRawText(html, start)) {
    const slice = html.slice(start, contentEnd(html, start));
    const first = parseHtml(skip ? withoutTables(slice, skip) : [slice]).children.find(isElement);
    if (first?.name === 'div' && first.attribs.id === 'content') return first;
  }
  return selectFirst(parseHtml(skip ? withoutTables(html, skip) : [html]), withId('div', 'content'));
}

/**
 * Parses `div#content` of `html` after the guards. `what` names the page in error messages (`box
 * score page`). Throws BlockedError for a block page, PageNotFoundError for the 404 page,
 * NetworkError for a truncated body (retryable: the next fetch may be whole), ParseError when
 * `div#content` is missing (a page that is not a block page but has no content: the layout changed).
 */
export function loadPage(html: string, what: string, options: LoadOptions = {}): LoadedPage {
  if (isNotFoundPage(html)) {
    throw new PageNotFoundError(`${what}: the site answered with its "Page Not Found (404 error)" page`);
  }
  if (isBlockPage(html)) {
    throw new BlockedError(`${what}: the site answered with a block / rate-limit page instead of content`);
  }
  if (!isCompletePage(html)) {
    throw new NetworkError(`${what}: the body is truncated (${html.length} characters, no closing </html>)`);
  }
  const content = contentOf(html, options);
  if (content === undefined) {
    throw new ParseError(
      `${what} has no div#content and is not a block page: the layout changed (or this is not a basketball-reference.com page)`,
    );
  }
  return { content };
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

/** The text of the page's `<title>` in its head, entities decoded; '' when none. */
export function pageTitle(html: string): string {
  const tags = headOf(html).match(/<title\b[^>]*>[\s\S]*?<\/title\s*>/gi);
  return tags === null ? '' : textOf(parseHtml(tags.join('')));
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

function tagAttr(html: string, tag: string, when: RegExp, attr: string): string | undefined {
  for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))) {
    if (!when.test(m[0])) continue;
    const value = new RegExp(`\\s${attr}\\s*=\\s*["']([^"']*)["']`, 'i').exec(m[0])?.[1]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Reads the page's own URLs from the raw HTML (its head), without a DOM. */
export function pageUrls(html: string): PageUrls {
  const head = headOf(html);
  return {
    savedFrom: /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head.slice(0, 2000))?.[1],
    canonical: tagAttr(head, 'link', /\brel\s*=\s*["']?canonical\b/i, 'href'),
    ogUrl: tagAttr(head, 'meta', /\bproperty\s*=\s*["']og:url["']/i, 'content'),
  };
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
