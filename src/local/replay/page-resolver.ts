/**
 * Which page a path gets: a generated page first (a box score broken by the layout fault when
 * the fault picks its game), else a saved real page from the fixtures folder, else the 404 page.
 * Rendered pages are kept in a byte-bounded LRU keyed by the content version, so moving the
 * clock never serves a stale page; `clear()` drops them all.
 */
import type { Answer } from './answer.ts';
import type { SiteContent } from './content.ts';
import { breakLayout, layoutBroken, type NormalisedFaults } from './faults.ts';
import type { FixtureIndex } from './fixtures-index.ts';
import { ByteLru } from './lru.ts';
import { render404Page } from './render-errors.ts';

export type CacheStats = ReturnType<ByteLru['stats']>;

export class PageResolver {
  readonly #content: SiteContent;
  readonly #fixtures: FixtureIndex;
  readonly #cache: ByteLru;

  constructor(content: SiteContent, fixtures: FixtureIndex, cacheBytes: number) {
    this.#content = content;
    this.#fixtures = fixtures;
    this.#cache = new ByteLru(cacheBytes);
  }

  /**
   * The page for a path with its query string. A `capture` parameter asks for a saved page only
   * (a second capture of a real page), never a generated one.
   */
  resolve(url: string, faults: NormalisedFaults): Answer {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const wantsCapture = q >= 0 && new URLSearchParams(url.slice(q + 1)).has('capture');
    if (!wantsCapture) {
      const generated = this.#content.lookup(path);
      if (generated?.type === 'page') {
        const key = `${this.#content.version()}|${path}`;
        const gameId = generated.gameId;
        if (gameId !== null && layoutBroken(faults, gameId)) {
          const variant = faults.layoutChange.variant;
          return {
            status: 200,
            body: this.#cached(`${key}|layout:${variant}`, () =>
              breakLayout(this.#cached(key, generated.render).toString('utf8'), variant),
            ),
            fault: 'layout',
          };
        }
        return { status: 200, body: this.#cached(key, generated.render), fault: null };
      }
      if (generated?.type === 'missing') return this.#notFound();
    }
    const fixture = this.#fixtures.find(url);
    if (fixture) return { status: 200, body: fixture.body, fault: null };
    return this.#notFound();
  }

  /** Drops every rendered page (after a clock change). */
  clear(): void {
    this.#cache.clear();
  }

  cacheStats(): CacheStats {
    return this.#cache.stats();
  }

  #cached(key: string, render: () => string): Buffer {
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const body = Buffer.from(render(), 'utf8');
    this.#cache.set(key, body);
    return body;
  }

  #notFound(): Answer {
    return {
      status: 404,
      body: this.#cached(`${this.#content.version()}|404`, () => render404Page('')),
      fault: null,
    };
  }
}
