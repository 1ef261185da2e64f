/**
 * Seeded pseudo-random numbers for the replay site. Everything the site generates comes from
 * these generators, keyed by stable strings (`season:2018`, `box:201801010TOR`), so the same
 * inputs give the same pages on every run and on every machine. Not for cryptography.
 */

/** FNV-1a 32-bit hash of a string, then avalanche-mixed. Stable across runs and platforms. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 finaliser: spreads nearby inputs over the whole 32-bit range. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) fixed by the key: the same key always gives the same value. */
export function unitHash(key: string): number {
  return hashString(key) / 4294967296;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Normal distribution (Box-Muller). */
  normal(mean: number, sd: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights (at least one must be > 0). */
  weighted(weights: readonly number[]): number;
  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
}

/** sfc32-style generator seeded from a string key. */
export function createRng(key: string): Rng {
  let a = hashString(`a:${key}`);
  let b = hashString(`b:${key}`);
  let c = hashString(`c:${key}`);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: they still carry the seed's structure.
  for (let i = 0; i < 12; i++) next();

  let spare: number | null = null;
  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    normal(mean, sd) {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return mean + sd * v;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    pick(items) {
      return items[Math.floor(next() * items.length)]!;
    },
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += Math.max(w, 0);
      let x = next() * total;
      let last = -1;
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i]!;
        if (w <= 0) continue;
        last = i;
        if (x < w) return i;
        x -= w;
      }
      return last;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i]!;
        items[i] = items[j]!;
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}
