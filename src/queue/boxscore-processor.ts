/**
 * The `boxscore` job: fetches one game's box score page (archived; fetch-page.ts), parses it and
 * upserts it. Idempotent by game id, so a job run twice (a worker died after storing) stores the
 * same rows once.
 */
import type { Job } from 'bullmq';
import { fetchSourcePage } from './fetch-page.ts';
import type { BoxScoreJobData } from './job-types.ts';
import type { JobRun, WorkerContext } from './worker-context.ts';

export interface BoxScoreResult {
  gameId: string;
  players: number;
}

export async function processBoxScore(
  ctx: WorkerContext,
  job: Job<BoxScoreJobData>,
  { signal }: JobRun,
): Promise<BoxScoreResult> {
  const { gameId, path } = job.data;
  const box = await fetchSourcePage(
    ctx,
    { path, season: job.data.season, kind: 'boxscore', signal },
    async (raw) => {
      const parsed = ctx.site.parseBoxScore(raw, gameId);
      signal.throwIfAborted();
      await ctx.store.upsertBoxScore(parsed);
      return parsed;
    },
  );
  return { gameId, players: box.visitor.players.length + box.home.players.length };
}
