/**
 * Per-client limit like the real site's: at most N accepted requests in a sliding window; the
 * next one gets 429 with Retry-After (seconds until the oldest accepted request leaves the
 * window). A client that keeps asking while limited (more than `blockAfter` 429s in a row) is
 * blocked for `blockMs`: every request is refused until the block ends, then it starts afresh.
 * Refused requests do not count in the window.
 */
export type RateVerdict =
  | { verdict: 'ok'; remaining: number }
  | { verdict: 'limited'; retryAfterSeconds: number }
  | { verdict: 'blocked'; untilMs: number; newlyBlocked: boolean };

export interface RateLimitSettings {
  maxPerMinute: number;
  windowMs: number;
  blockAfter: number;
  blockMs: number;
}

interface ClientState {
  /** Arrival times of accepted requests in the window, oldest first. */
  accepted: number[];
  /** 429 answers since the last accepted request. */
  limitedInRow: number;
  blockedUntil: number;
}

export class RateLimiter {
  readonly #settings: RateLimitSettings;
  readonly #clients = new Map<string, ClientState>();

  constructor(settings: RateLimitSettings) {
    this.#settings = settings;
  }

  check(client: string, now: number): RateVerdict {
    const s = this.#settings;
    let st = this.#clients.get(client);
    if (!st) {
      st = { accepted: [], limitedInRow: 0, blockedUntil: 0 };
      this.#clients.set(client, st);
    }
    if (st.blockedUntil > now) return { verdict: 'blocked', untilMs: st.blockedUntil, newlyBlocked: false };
    if (st.blockedUntil > 0) {
      st.accepted = [];
      st.limitedInRow = 0;
      st.blockedUntil = 0;
    }
    const from = now - s.windowMs;
    let drop = 0;
    while (drop < st.accepted.length && st.accepted[drop]! <= from) drop++;
    if (drop > 0) st.accepted.splice(0, drop);
    if (st.accepted.length < s.maxPerMinute) {
      st.accepted.push(now);
      st.limitedInRow = 0;
      return { verdict: 'ok', remaining: s.maxPerMinute - st.accepted.length };
    }
    st.limitedInRow++;
    if (st.limitedInRow > s.blockAfter) {
      st.blockedUntil = now + s.blockMs;
      return { verdict: 'blocked', untilMs: st.blockedUntil, newlyBlocked: true };
    }
    const retryAfterMs = st.accepted[0]! + s.windowMs - now;
    return { verdict: 'limited', retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  /** Clients currently blocked, with the end of their block (ms since epoch). */
  blocked(now: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [client, st] of this.#clients) if (st.blockedUntil > now) out[client] = st.blockedUntil;
    return out;
  }
}
