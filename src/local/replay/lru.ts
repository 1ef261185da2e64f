/**
 * A least-recently-used cache bounded by total byte size, for rendered pages. A Map keeps
 * insertion order, so re-inserting on every hit makes its first key the least recently used.
 */
export class ByteLru {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Buffer>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  /** @param maxBytes total size kept; an entry larger than this is never kept. */
  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get(key: string): Buffer | undefined {
    const hit = this.#entries.get(key);
    if (hit === undefined) {
      this.#misses++;
      return undefined;
    }
    this.#hits++;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  set(key: string, value: Buffer): void {
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= old.length;
    }
    if (value.length > this.#maxBytes) return;
    this.#entries.set(key, value);
    this.#bytes += value.length;
    while (this.#bytes > this.#maxBytes) {
      const [oldest, buf] = this.#entries.entries().next().value as [string, Buffer];
      this.#entries.delete(oldest);
      this.#bytes -= buf.length;
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  stats(): { entries: number; bytes: number; maxBytes: number; hits: number; misses: number } {
    return {
      entries: this.#entries.size,
      bytes: this.#bytes,
      maxBytes: this.#maxBytes,
      hits: this.#hits,
      misses: this.#misses,
    };
  }
}
