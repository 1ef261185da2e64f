/**
 * How every job reads a page of the source: fetch it (politeness, breaker and retry rules are the
 * fetcher's) and archive it before anything parses it, so a page whose layout changed stays for
 * inspection and a parser fix can re-parse it without fetching it again. A block or captcha page
 * served with 200 OK is refused by the parsers themselves (BlockedError, from the source's page
 * guards), so the host is held off and nothing is stored from it.
 */
import type { WorkerContext } from './worker-context.ts';

export interface PageRequest {
  path: string;
  season: number;
  /** Page kind, as archived (`season`, `schedule`, `boxscore`, `totals`). */
  kind: string;
  signal: AbortSignal | undefined;
}

/**
 * Fetches and archives the page, hands its bytes to `use` (the job's parse and store) and returns
 * what `use` returns. Once `use` has resolved the bytes are freed (`FetchedPage.release`): the
 * records are stored and nothing reads the page again.
 */
export async function fetchSourcePage<T>(
  ctx: WorkerContext,
  req: PageRequest,
  use: (raw: Uint8Array) => T | Promise<T>,
): Promise<T> {
  const page = await ctx.fetcher.fetch(req.path, { signal: req.signal });
  await ctx.store.archivePage({
    url: page.url,
    fetchedAt: page.fetchedAt,
    status: page.status,
    body: page.raw,
    season: req.season,
    kind: req.kind,
  });
  // `use` hands `page.raw` to the parser, which decodes what it reads after the archive's awaits.
  const result = await use(page.raw);
  page.release();
  return result;
}
