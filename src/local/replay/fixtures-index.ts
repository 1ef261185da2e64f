/**
 * Real pages saved from the site, served verbatim at their real paths. File names encode paths:
 * `leagues__NBA_2018_games-october.html` -> `/leagues/NBA_2018_games-october.html`,
 * `boxscores__index.fcgi_month-1_day-1_year-2018.html` -> `/boxscores/index.fcgi?month=1&day=1&year=2018`,
 * and a second capture of the same page, `boxscores__201701010ATL.crawl-2026.html`, is served
 * at `/boxscores/201701010ATL.html?capture=crawl-2026`. Files are read on first use and kept.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureEntry {
  file: string;
  /** Path with its query string, as the site serves it. */
  path: string;
}

/** The site path a fixture file name stands for, or null when the name is not a saved page. */
export function fixturePathOf(fileName: string): string | null {
  if (!fileName.endsWith('.html')) return null;
  let name = fileName.slice(0, -'.html'.length);
  let capture: string | null = null;
  const c = /^(.*)\.([a-z]+-\d{4})$/.exec(name);
  if (c) {
    name = c[1]!;
    capture = c[2]!;
  }
  const segments = name.split('__');
  if (segments.some((s) => s === '')) return null;
  const last = segments.pop()!;
  let path: string;
  const params: Array<[string, string]> = [];
  const fcgi = last.indexOf('.fcgi_');
  if (fcgi >= 0) {
    path = `/${[...segments, last.slice(0, fcgi + '.fcgi'.length)].join('/')}`;
    for (const pair of last.slice(fcgi + '.fcgi_'.length).split('_')) {
      const dash = pair.indexOf('-');
      if (dash <= 0) return null;
      params.push([pair.slice(0, dash), pair.slice(dash + 1)]);
    }
  } else {
    path = `/${[...segments, `${last}.html`].join('/')}`;
  }
  if (capture) params.push(['capture', capture]);
  return params.length === 0 ? path : `${path}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** `path?b=2&a=1` -> `path?a=1&b=2`, so lookups do not depend on parameter order. */
function normalise(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?');
  if (q < 0) return pathWithQuery;
  const params = new URLSearchParams(pathWithQuery.slice(q + 1));
  params.sort();
  const query = params.toString();
  return query === '' ? pathWithQuery.slice(0, q) : `${pathWithQuery.slice(0, q)}?${query}`;
}

export class FixtureIndex {
  readonly #dir: string | null;
  readonly #byKey = new Map<string, FixtureEntry>();
  readonly #bodies = new Map<string, Buffer>();

  /** @param dir folder of saved pages; null or a missing folder gives an empty index. */
  constructor(dir: string | null | undefined) {
    this.#dir = dir && existsSync(dir) ? dir : null;
    if (!this.#dir) return;
    for (const file of readdirSync(this.#dir).sort()) {
      const path = fixturePathOf(file);
      if (path) this.#byKey.set(normalise(path), { file, path });
    }
  }

  get size(): number {
    return this.#byKey.size;
  }

  entries(): FixtureEntry[] {
    return [...this.#byKey.values()];
  }

  /**
   * The saved page for a request: exact path and query first; without a `capture` parameter,
   * the path alone (other query parameters are ignored, as the site does).
   */
  find(pathWithQuery: string): { entry: FixtureEntry; body: Buffer } | undefined {
    let entry = this.#byKey.get(normalise(pathWithQuery));
    if (!entry) {
      const q = pathWithQuery.indexOf('?');
      if (q >= 0 && !new URLSearchParams(pathWithQuery.slice(q + 1)).has('capture')) {
        entry = this.#byKey.get(pathWithQuery.slice(0, q));
      }
    }
    if (!entry || !this.#dir) return undefined;
    let body = this.#bodies.get(entry.file);
    if (!body) {
      body = readFileSync(join(this.#dir, entry.file));
      this.#bodies.set(entry.file, body);
    }
    return { entry, body };
  }
}
