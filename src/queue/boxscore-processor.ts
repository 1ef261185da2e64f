/**
 * The `boxscore` job: fetches one game's box score page, parses it and upserts it. Idempotent by
 * game id, so a job run twice (a worker died after storing) stores the same rows once.
 */
import type { Job } from 'bullmq';
import { BlockedError } from '../errors/blocked-error.ts';
import type { BoxScoreJobData } from './job-types.ts';
import type { WorkerContext } from './worker-context.ts';

export interface BoxScoreResult {
  gameId: string;
  players: number;
}

export async function processBoxScore(
  ctx: WorkerContext,
  job: Job<BoxScoreJobData>,
  signal: AbortSignal | undefined,
): Promise<BoxScoreResult> {
  const { gameId, path } = job.data;
  const page = await ctx.fetcher.fetch(path, { signal });
  // Every page is archived before parsing: a page whose layout changed stays for inspection and
  // a parser fix can re-parse it without fetching it again.
  await ctx.store.archivePage({
    url: page.url,
    fetchedAt: page.fetchedAt,
    status: page.status,
    body: page.body,
    season: job.data.season,
    kind: 'boxscore',
  });
  if (ctx.site.isBlockPage(page.body)) {
    throw new BlockedError(`${page.url} answered 200 with a block page instead of the box score`);
  }
  const box = ctx.site.parseBoxScore(page.body, gameId);
  signal?.throwIfAborted();
  await ctx.store.upsertBoxScore(box);
  return { gameId, players: box.visitor.players.length + box.home.players.length };
}
