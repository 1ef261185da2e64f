/**
 * What the drill measures around a fault, from what the system leaves behind: the replay site's
 * request log (pages fetched again after they had been served, pages a fault hit and whether they
 * were served later) and the workers' JSON log lines (failed attempts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestRecord } from '../replay/request-stats.ts';

/** Requests in [from, to] that fetched again a page already served with 200 before them. */
export function pagesRedone(log: readonly RequestRecord[], from: number, to: number): number {
  const served = new Set<string>();
  let redone = 0;
  for (const r of log) {
    if (r.status !== 200) continue;
    if (r.t >= from && r.t <= to && served.has(r.path)) redone++;
    served.add(r.path);
  }
  return redone;
}

/** Paths a fault hit (an injected fault, a 429 or a block) in [from, to]. */
export function faultedPaths(log: readonly RequestRecord[], from: number, to: number): Set<string> {
  const hit = new Set<string>();
  for (const r of log) if (r.t >= from && r.t <= to && r.fault !== null) hit.add(r.path);
  return hit;
}

/** True when every path of `paths` was answered 200 after `after`. */
export function servedAfter(
  log: readonly RequestRecord[],
  paths: ReadonlySet<string>,
  after: number,
): boolean {
  const pending = new Set(paths);
  for (const r of log) if (r.t > after && r.status === 200) pending.delete(r.path);
  return pending.size === 0;
}

/** The first request in the log after `after` that matches, or undefined. */
export function firstAfter(
  log: readonly RequestRecord[],
  after: number,
  match: (r: RequestRecord) => boolean,
): RequestRecord | undefined {
  return log.find((r) => r.t > after && match(r));
}

/** A failed job attempt as a worker logged it. */
interface AttemptLine {
  time: string;
  outcome: string;
}

/**
 * Failed job attempts (retried or failed for good) the workers logged in [from, to], from every
 * `worker-*.log` in `logDir` (pino JSON lines; other lines are skipped).
 */
export function attemptsUsed(logDir: string, from: number, to: number): number {
  let n = 0;
  for (const file of readdirSync(logDir).filter((f) => /^worker-\d+\.log$/.test(f))) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      let entry: AttemptLine;
      try {
        entry = JSON.parse(line) as AttemptLine;
      } catch {
        continue;
      }
      if (entry.outcome !== 'retry' && entry.outcome !== 'failed') continue;
      const t = Date.parse(entry.time);
      if (t >= from && t <= to) n++;
    }
  }
  return n;
}
