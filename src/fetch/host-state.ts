/**
 * What every worker must know about a host, shared through Redis: whether it is on hold (it
 * blocked us: no request may go out until the hold ends, from any pod) and the last breaker
 * state a pod reported (for `status`). One Redis hash per deployment prefix.
 */
import type { RedisClient } from '../redis/connection.ts';
import type { BreakerState } from './host-breaker.ts';

/** Why a host is on hold: it answered 429 (wait the Retry-After) or it blocked us (long backoff). */
export const HOLD_KINDS = ['rate-limited', 'blocked'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

export interface HostHold {
  /** Epoch ms until which no request may go to the host. */
  until: number;
  kind: HoldKind;
  reason: string;
}

export interface HostStatus {
  host: string;
  breaker: BreakerState;
  breakerChangedAt: number | null;
  /** Epoch ms until which no request may go to the host (0 when not on hold). */
  holdUntil: number;
  holdKind?: HoldKind | null;
  holdReason: string | null;
}

export interface HostStateStore {
  /** The host's current hold, or null. */
  currentHold(host: string): Promise<HostHold | null>;
  hold(host: string, ms: number, kind: HoldKind, reason: string): Promise<void>;
  reportBreaker(host: string, state: BreakerState): Promise<void>;
  readAll(): Promise<HostStatus[]>;
}

/** A host nobody reported anything about: breaker closed, no hold. */
export function quietHost(host: string): HostStatus {
  return { host, breaker: 'closed', breakerChangedAt: null, holdUntil: 0, holdKind: null, holdReason: null };
}

export function createHostStateStore(redis: RedisClient, prefix: string): HostStateStore {
  const key = `${prefix}:hosts`;
  return {
    async currentHold(host) {
      const raw = await redis.hget(key, `${host}|hold`);
      if (!raw) return null;
      const h = JSON.parse(raw) as HostHold;
      return h.until > Date.now() ? h : null;
    },
    async hold(host, ms, kind, reason) {
      const until = Date.now() + ms;
      // Never shorten a longer hold that another pod set.
      const current = await this.currentHold(host);
      if (current && current.until >= until) return;
      await redis.hset(key, `${host}|hold`, JSON.stringify({ until, kind, reason }));
    },
    async reportBreaker(host, state) {
      await redis.hset(key, `${host}|breaker`, JSON.stringify({ state, at: Date.now() }));
    },
    async readAll() {
      const all = await redis.hgetall(key);
      const hosts = new Map<string, HostStatus>();
      const entry = (host: string): HostStatus => {
        let h = hosts.get(host);
        if (!h) {
          h = quietHost(host);
          hosts.set(host, h);
        }
        return h;
      };
      for (const [field, value] of Object.entries(all)) {
        const [host, kind] = field.split('|') as [string, string];
        const v = JSON.parse(value) as {
          state?: BreakerState;
          at?: number;
          until?: number;
          kind?: HoldKind;
          reason?: string;
        };
        if (kind === 'breaker') {
          entry(host).breaker = v.state ?? 'closed';
          entry(host).breakerChangedAt = v.at ?? null;
        } else if (kind === 'hold' && (v.until ?? 0) > Date.now()) {
          entry(host).holdUntil = v.until ?? 0;
          entry(host).holdKind = v.kind ?? 'blocked';
          entry(host).holdReason = v.reason ?? null;
        }
      }
      return [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host));
    },
  };
}
