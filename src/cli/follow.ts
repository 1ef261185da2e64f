/**
 * `--follow`: shows live progress per season until every season job has finished. On a
 * terminal, one progress bar per season; otherwise a status line per season whenever it changes.
 * Rides out a Redis restart (keeps polling). Resolves with whether anything failed for good.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import cliProgress from 'cli-progress';
import type { Logger } from '../log/logger.ts';
import { readStatus, type SeasonStatus } from '../queue/status.ts';
import { seasonLine } from './status-text.ts';

export interface FollowResult {
  seasons: SeasonStatus[];
  anyFailed: boolean;
}

export async function follow(
  queue: Queue,
  seasons: readonly number[],
  opts: { logger: Logger; intervalMs?: number; out?: NodeJS.WriteStream; signal?: AbortSignal },
): Promise<FollowResult> {
  const out = opts.out ?? process.stdout;
  const tty = out.isTTY === true;
  const bars = tty
    ? new cliProgress.MultiBar(
        {
          format: ' {season} [{bar}] {value}/{total} {detail}',
          hideCursor: true,
          clearOnComplete: false,
          stream: out,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const barBySeason = new Map<number, cliProgress.SingleBar>();
  const lastLine = new Map<number, { line: string; state: string; at: number }>();
  try {
    for (;;) {
      opts.signal?.throwIfAborted();
      let current: SeasonStatus[];
      try {
        current = (await readStatus(queue, { seasons })).seasons;
      } catch (err) {
        opts.logger.warn({ err }, 'cannot read status (Redis down?); retrying');
        await sleep(opts.intervalMs ?? 1_000);
        continue;
      }
      for (const s of current) {
        if (bars) {
          const total = Math.max(1, s.pagesTotal + s.boxScores);
          const value = s.pagesDone + s.boxScoresDone;
          const payload = { season: s.season, detail: `${s.state}` };
          const bar = barBySeason.get(s.season);
          if (bar) {
            bar.setTotal(total);
            bar.update(value, payload);
          } else barBySeason.set(s.season, bars.create(total, value, payload));
        } else {
          // Without a terminal: a line when the state changes, else at most every 5 s.
          const line = seasonLine(s);
          const last = lastLine.get(s.season);
          const now = Date.now();
          if (!last || last.state !== s.state || (last.line !== line && now - last.at >= 5_000)) {
            out.write(`${line}\n`);
            lastLine.set(s.season, { line, state: s.state, at: now });
          }
        }
      }
      const finished =
        current.length === seasons.length &&
        current.every((s) => s.state === 'completed' || s.state === 'failed');
      if (finished) {
        return {
          seasons: current,
          anyFailed: current.some(
            (s) => s.state === 'failed' || s.boxScoresFailed > 0 || s.otherJobsFailed > 0,
          ),
        };
      }
      await sleep(opts.intervalMs ?? 1_000);
    }
  } finally {
    bars?.stop();
  }
}
