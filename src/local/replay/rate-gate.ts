/**
 * The rate gate in front of every page request when the `rateLimit` fault is set: a client over
 * the limit gets the 429 page with Retry-After, one that keeps asking gets the block page (with
 * the configured status) until its block ends. A client is the remote address, or address plus
 * the `X-Replay-Client` header with `by: 'client'` (the request stats always count that way).
 */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../log/logger.ts';
import { type Answer, htmlAnswer } from './answer.ts';
import type { RateLimitFault } from './faults.ts';
import { RateLimiter } from './rate-limit.ts';
import { renderBlockPage, renderRateLimitPage } from './render-errors.ts';

export function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** The remote address, followed by the `X-Replay-Client` header when there is one. */
export function clientOf(req: IncomingMessage): string {
  const tag = req.headers['x-replay-client'];
  const value = Array.isArray(tag) ? tag[0] : tag;
  return value ? `${remoteAddress(req)} ${value}` : remoteAddress(req);
}

export class RateGate {
  readonly #limits: Required<RateLimitFault>;
  readonly #limiter: RateLimiter;
  readonly #log: Logger;

  constructor(limits: Required<RateLimitFault>, log: Logger) {
    this.#limits = limits;
    this.#limiter = new RateLimiter(limits);
    this.#log = log;
  }

  /** The refusal (429 or block page) for a request of `client` arriving at `arrival`, or null to let it in. */
  refusal(req: IncomingMessage, client: string, arrival: number): Answer | null {
    const limits = this.#limits;
    const verdict = this.#limiter.check(limits.by === 'client' ? client : remoteAddress(req), arrival);
    if (verdict.verdict === 'blocked') {
      if (verdict.newlyBlocked) this.#log.warn({ client, untilMs: verdict.untilMs }, 'client blocked');
      const minutes = Math.max(1, Math.ceil((verdict.untilMs - arrival) / 60_000));
      return htmlAnswer(limits.blockStatus, renderBlockPage(minutes), 'blocked');
    }
    if (verdict.verdict === 'limited') {
      const seconds = String(verdict.retryAfterSeconds);
      return htmlAnswer(429, renderRateLimitPage(verdict.retryAfterSeconds), 'rate-limited', {
        'retry-after': seconds,
      });
    }
    return null;
  }
}
