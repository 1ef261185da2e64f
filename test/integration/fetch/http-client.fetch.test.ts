/**
 * The HTTP client against the real replay site on loopback: every way a request can go wrong
 * comes back as the error class (and stable code) that decides what the queue does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isScraperError } from '../../../src/errors/scraper-error.ts';
import { createHttpClient, type PageFetcher } from '../../../src/fetch/http-client.ts';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';

let site: ReplaySite;
let http: PageFetcher;
let gameId: string;
let boxPath: string;
/** The request deadline of the client below: generous for a page on loopback, however busy the machine. */
const DEADLINE_MS = 30_000;

const client = (totalTimeoutMs: number): PageFetcher =>
  createHttpClient({
    baseUrl: site.url,
    userAgent: 'nba-scraper-test',
    connectTimeoutMs: totalTimeoutMs,
    responseTimeoutMs: totalTimeoutMs,
    totalTimeoutMs,
  });

before(async () => {
  site = await createReplaySite({ seasons: [2018], port: 0 });
  http = client(DEADLINE_MS);
  gameId = site.groundTruth(2018).games[0]!.gameId;
  boxPath = `/boxscores/${gameId}.html`;
});
after(async () => {
  http.close();
  await site.close();
});

async function codeOf(
  path: string,
  signal?: AbortSignal,
  fetcher = http,
): Promise<{ code: string; err: unknown }> {
  try {
    await fetcher.fetch(path, { signal });
  } catch (err) {
    return { code: isScraperError(err) ? err.code : `not ours: ${(err as Error).name}`, err };
  }
  return { code: 'OK', err: null };
}

describe('HTTP outcomes map to the error taxonomy', () => {
  test('200: the page, its size and timing', async () => {
    site.setFaults(null);
    const page = await http.fetch(boxPath);
    assert.equal(page.status, 200);
    assert.equal(page.url, `${site.url}${boxPath}`);
    const text = page.text();
    assert.ok(text.includes(`${gameId}`));
    assert.equal(page.bytes, Buffer.byteLength(text));
    assert.equal(page.raw.byteLength, page.bytes);
    assert.equal(Buffer.from(page.raw).toString('utf8'), text, 'text() is the bytes decoded as UTF-8');
    assert.ok(page.durationMs > 0);
  });

  test("release() frees a page's bytes and leaves another page's alone", async () => {
    site.setFaults(null);
    const [page, other] = await Promise.all([http.fetch(boxPath), http.fetch(boxPath)]);
    const bytes = page.bytes;
    assert.ok(bytes > 100_000, `a box score is a large body (${bytes} bytes)`);
    page.release();
    assert.equal(page.raw.byteLength, 0);
    assert.equal(page.bytes, bytes, 'the size received is still known');
    assert.equal(other.raw.byteLength, bytes);
    assert.ok(other.text().includes(gameId));
  });

  test('404 -> ERR_NOT_FOUND (never retried)', async () => {
    site.setFaults(null);
    const { code, err } = await codeOf('/boxscores/209901010XXX.html');
    assert.equal(code, 'ERR_NOT_FOUND');
    assert.equal((err as { retry: string }).retry, 'never');
    assert.equal((err as { status: number }).status, 404);
  });

  test('5xx -> ERR_HTTP_5XX (retried)', async () => {
    site.setFaults({ serverErrors: { rate: 1, statuses: [502] } });
    const { code, err } = await codeOf(boxPath);
    assert.equal(code, 'ERR_HTTP_5XX');
    assert.equal((err as { retry: string }).retry, 'retry');
    assert.equal((err as { status: number }).status, 502);
  });

  test('503 with Retry-After -> ERR_RATE_LIMITED with the wait', async () => {
    site.setFaults({ serverErrors: { rate: 1, statuses: [503], retryAfterSeconds: 7 } });
    const { code, err } = await codeOf(boxPath);
    assert.equal(code, 'ERR_RATE_LIMITED');
    assert.equal((err as { retryAfterMs: number }).retryAfterMs, 7_000);
  });

  test('429 with Retry-After -> ERR_RATE_LIMITED; ignoring it gets a 403 block -> ERR_BLOCKED', async () => {
    site.setFaults({ rateLimit: { maxPerMinute: 1, blockAfter: 1, blockMs: 60_000 } });
    assert.equal((await codeOf(boxPath)).code, 'OK');
    const limited = await codeOf(boxPath);
    assert.equal(limited.code, 'ERR_RATE_LIMITED');
    assert.ok((limited.err as { retryAfterMs: number }).retryAfterMs > 0);
    const blocked = await codeOf(boxPath);
    assert.equal(blocked.code, 'ERR_BLOCKED');
    assert.equal((blocked.err as { retry: string }).retry, 'host-blocked');
    site.setFaults(null);
  });

  test('connection reset -> ERR_NETWORK', async () => {
    site.setFaults({ resets: { rate: 1, phase: 'before-headers' } });
    assert.equal((await codeOf(boxPath)).code, 'ERR_NETWORK');
    site.setFaults({ resets: { rate: 1, phase: 'mid-body' } });
    assert.equal((await codeOf(boxPath)).code, 'ERR_NETWORK');
  });

  test('truncated body -> ERR_NETWORK, never a partial page', async () => {
    site.setFaults({ truncated: { rate: 1, fraction: 0.3 } });
    assert.equal((await codeOf(boxPath)).code, 'ERR_NETWORK');
  });

  test('a body slower than the request deadline -> ERR_TIMEOUT, and the socket is closed', async () => {
    // A 3 s deadline and a body that takes a minute: giving up anywhere near the deadline is far
    // from the end of the body, however busy the machine.
    site.setFaults({ slowBody: { rate: 1, durationMs: 60_000, chunks: 60 } });
    const short = client(3_000);
    try {
      const started = Date.now();
      const { code } = await codeOf(boxPath, undefined, short);
      assert.equal(code, 'ERR_TIMEOUT');
      assert.ok(Date.now() - started < 30_000, 'gave up at the 3 s deadline, not after the body');
    } finally {
      short.close();
      site.setFaults(null);
    }
  });

  test("the job's abort signal stops the request and surfaces its reason", async () => {
    // The page is held back for a minute and the client's own deadline is 30 s: only the 300 ms
    // signal can end the request within 15 s.
    site.setFaults({ latency: { fixedMs: 60_000 } });
    const reason = new Error('job deadline');
    const started = Date.now();
    const { err } = await codeOf(boxPath, AbortSignal.timeout(300));
    assert.ok(Date.now() - started < DEADLINE_MS / 2, 'stopped at the signal');
    assert.equal((err as Error).name, 'TimeoutError');
    const ac = new AbortController();
    setTimeout(() => ac.abort(reason), 100);
    const aborted = await codeOf(boxPath, ac.signal);
    assert.equal(aborted.err, reason);
    site.setFaults(null);
  });
});
