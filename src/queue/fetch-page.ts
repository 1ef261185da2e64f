/**
 * How every job reads a page of the source: fetch it (politeness, breaker and retry rules are the
 * fetcher's), archive it before anything parses it — so a page whose layout changed stays for
 * inspection and a parser fix can re-parse it without fetching it again — and refuse a block or
 * captcha page served with 200 OK: that is a BlockedError (the host is held off), never data.
 */
import { BlockedError } from '../errors/blocked-error.ts';
import type { FetchedPage } from '../fetch/http-client.ts';
import type { WorkerContext } from './worker-context.ts';

export interface PageRequest {
  path: string;
  season: number;
  /** Page kind, as archived (`season`, `schedule`, `boxscore`, `totals`). */
  kind: string;
  /** What the page should hold, for the error message (`the box score`). */
  what: string;
  signal: AbortSignal | undefined;
}

export async function fetchSourcePage(ctx: WorkerContext, req: PageRequest): Promise<FetchedPage> {
  const page = await ctx.fetcher.fetch(req.path, { signal: req.signal });
  await ctx.store.archivePage({
    url: page.url,
    fetchedAt: page.fetchedAt,
    status: page.status,
    body: page.body,
    season: req.season,
    kind: req.kind,
  });
  if (ctx.site.isBlockPage(page.body)) {
    throw new BlockedError(`${page.url} answered 200 with a block page instead of ${req.what}`);
  }
  return page;
}
