/**
 * Fetches pages from one source host with got: keep-alive agents, per-phase timeouts, got's own
 * retries off (the queue owns retries), the job's AbortSignal wired through so a cancelled or
 * timed-out job stops its I/O. HTTP outcomes are mapped to the error taxonomy here, once.
 *
 * got hands over the body as bytes (`responseType: 'buffer'`): the archive stores them as they are,
 * and the parsers take them as they are too (they decode only the parts they read, in small
 * pieces: sources/basketball-reference/page.ts). got's own text decoding works chunk by chunk and
 * joins the pieces, which costs a few hundred kilobytes of short-lived strings and about a
 * millisecond of CPU per box score page; and a page's text is a string of up to 1 MB (two bytes per
 * character as soon as one is not Latin-1), which a garbage collection during its parse promotes to
 * the old generation, where only a full collection frees it.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import got, { type Got, TimeoutError as GotTimeoutError, RequestError, type Response } from 'got';
import { BlockedError } from '../errors/blocked-error.ts';
import { ClientHttpError } from '../errors/client-http-error.ts';
import { NetworkError } from '../errors/network-error.ts';
import { PageNotFoundError } from '../errors/page-not-found-error.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { ServerError } from '../errors/server-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import { releaseBytes } from './release-bytes.ts';
import { parseRetryAfter } from './retry-after.ts';

export interface HttpClientOptions {
  /** Scheme + host (+ optional path prefix) of the source, e.g. `https://www.basketball-reference.com`. */
  baseUrl: string;
  userAgent: string;
  /** DNS + TCP/TLS connect deadline. */
  connectTimeoutMs: number;
  /** Request sent -> first response byte deadline. */
  responseTimeoutMs: number;
  /** Whole request deadline, body included. */
  totalTimeoutMs: number;
  /** Retry-After to assume for a 429 without the header. Default 60 s. */
  defaultRetryAfterMs?: number;
  /** Keep-alive sockets per host. Default 16. */
  maxSockets?: number;
}

export interface FetchedPage {
  /** Absolute URL requested. */
  url: string;
  status: number;
  /** The body's bytes as received (after decompression): what the archive stores. */
  raw: Uint8Array;
  /**
   * The body as text: `raw` decoded as UTF-8, afresh on every call. The workers' parsers take
   * `raw` instead (see the file comment); keep the result no longer than it is needed.
   */
  text(): string;
  /**
   * Frees the body's memory at once: `raw` is empty afterwards (its ArrayBuffer is detached). Jobs
   * read pages through `fetchSourcePage` (queue/fetch-page.ts), which calls it once the page's
   * records are stored. Otherwise the bytes (300 KB a box score, outside
   * the V8 heap) wait for a full collection whenever the job outlived two scavenges, and V8 counts
   * that memory when it decides to start one: a worker ran twice as many full collections. A body
   * that shares its ArrayBuffer (a small one, cut from Node's buffer pool) is left alone
   * (release-bytes.ts).
   */
  release(): void;
  /** Body size in bytes as received (after decompression). */
  bytes: number;
  /** Wall time of the request, ms. */
  durationMs: number;
  fetchedAt: Date;
}

export interface PageFetcher {
  readonly host: string;
  /** GETs a path of the source. Resolves only with a 2xx page; every other outcome throws a ScraperError. */
  fetch(path: string, opts?: { signal?: AbortSignal }): Promise<FetchedPage>;
  close(): void;
}

export function createHttpClient(opts: HttpClientOptions): PageFetcher {
  const base = new URL(opts.baseUrl);
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 16, maxFreeSockets: 4 };
  const agent = { http: new HttpAgent(agentOpts), https: new HttpsAgent(agentOpts) };
  const client: Got = got.extend({
    prefixUrl: opts.baseUrl,
    agent,
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: true,
    headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml' },
    timeout: {
      lookup: opts.connectTimeoutMs,
      connect: opts.connectTimeoutMs,
      secureConnect: opts.connectTimeoutMs,
      response: opts.responseTimeoutMs,
      request: opts.totalTimeoutMs,
    },
  });
  const defaultRetryAfterMs = opts.defaultRetryAfterMs ?? 60_000;

  return {
    host: base.host,
    async fetch(path, fetchOpts = {}) {
      const url = new URL(path.replace(/^\//, ''), `${opts.baseUrl}/`).toString();
      const started = performance.now();
      let res: Response<Uint8Array>;
      try {
        res = await client.get(path.replace(/^\//, ''), { signal: fetchOpts.signal, responseType: 'buffer' });
      } catch (err) {
        throw mapRequestError(err, url, fetchOpts.signal);
      }
      const durationMs = performance.now() - started;
      const status = res.statusCode;
      if (status >= 200 && status < 300) {
        const raw = res.body;
        const text = () => Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
        const release = (): void => {
          releaseBytes(raw);
        };
        return { url, status, raw, text, release, bytes: raw.byteLength, durationMs, fetchedAt: new Date() };
      }
      const retryAfter = parseRetryAfter(res.headers['retry-after'], Date.now());
      const o = { status };
      if (status === 429) {
        throw new RateLimitedError(
          `${url} answered 429 Too Many Requests`,
          retryAfter ?? defaultRetryAfterMs,
          o,
        );
      }
      if (status === 503 && retryAfter !== null) {
        throw new RateLimitedError(`${url} answered 503 with Retry-After`, retryAfter, o);
      }
      if (status >= 500) throw new ServerError(`${url} answered ${status}`, o);
      if (status === 404 || status === 410)
        throw new PageNotFoundError(`${url} answered ${status}: the page does not exist`, o);
      if (status === 403)
        throw new BlockedError(`${url} answered 403 Forbidden: the source is refusing us`, o);
      throw new ClientHttpError(`${url} answered ${status}`, o);
    },
    close() {
      agent.http.destroy();
      agent.https.destroy();
    },
  };
}

function mapRequestError(err: unknown, url: string, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) {
    // The job's deadline or a shutdown aborted the request: surface the abort reason itself.
    const reason: unknown = signal.reason;
    return reason instanceof Error ? reason : new TimeoutError(`${url}: request aborted`, { cause: err });
  }
  if (err instanceof GotTimeoutError) {
    return new TimeoutError(`${url}: ${err.message}`, { cause: err });
  }
  if (err instanceof RequestError) {
    return new NetworkError(`${url}: ${err.code ?? 'request failed'}: ${err.message}`, { cause: err });
  }
  return new NetworkError(`${url}: ${(err as Error).message}`, { cause: err });
}
