/**
 * Loading a page for a parser: the guards every parser runs first (block page, 404 page,
 * truncated body, missing `div#content`), and the URLs a page states about itself.
 */

import type { Cheerio, CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { BlockedError } from '../../errors/blocked-error.ts';
import { NetworkError } from '../../errors/network-error.ts';
import { PageNotFoundError } from '../../errors/page-not-found-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { headOf, isBlockPage, isCompletePage, isNotFoundPage } from './page-guards.ts';
import { gameIdFromPath, seasonFromPath } from './urls.ts';

export interface LoadedPage {
  $: CheerioAPI;
  /** `div#content`: every selector of the parsers is scoped to it (the site header has its own scores). */
  content: Cheerio<Element>;
}

/**
 * Parses `html` after the guards. `what` names the page in error messages (`box score page`).
 * Throws BlockedError for a block page, PageNotFoundError for the 404 page, NetworkError for a
 * truncated body (retryable: the next fetch may be whole), ParseError when `div#content` is missing.
 */
export function loadPage(html: string, what: string): LoadedPage {
  if (isNotFoundPage(html)) {
    throw new PageNotFoundError(`${what}: the site answered with its "Page Not Found (404 error)" page`);
  }
  if (isBlockPage(html)) {
    throw new BlockedError(`${what}: the site answered with a block / rate-limit page instead of content`);
  }
  if (!isCompletePage(html)) {
    throw new NetworkError(`${what}: the body is truncated (${html.length} characters, no closing </html>)`);
  }
  const $ = cheerio.load(html);
  const content = $('div#content').first();
  if (content.length === 0) throw new ParseError(`${what} has no div#content: the layout changed`);
  return { $, content };
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

/** Throws ParseError when the page says it belongs to another season than `season`. */
export function checkSeason(urls: PageUrls, season: number, what: string): void {
  const stated = statedSeason(urls);
  if (stated !== undefined && stated !== season) {
    throw new ParseError(`${what} is the ${stated} season's page, not ${season}'s`);
  }
}
