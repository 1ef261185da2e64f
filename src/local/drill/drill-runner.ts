/**
 * `nba-scraper demo --chaos`: the fault drill. Runs one season on the local stack (its own Redis,
 * the replay site, N worker processes) and, as the crawl goes, injects one fault after the other
 * (drill-faults.ts), printing a line when each is injected, detected and recovered beside the
 * progress. It ends with a table (fault, time to recovery, pages redone, attempts used) and the
 * dataset's verdict against the replay site's ground truth: every game stored exactly once, no
 * duplicate rows, no job stuck. Exit 0 only when every fault was recovered and the verdict holds.
 */
import type { Config } from '../../config.ts';
import { createHostStateStore } from '../../fetch/host-state.ts';
import type { Logger } from '../../log/logger.ts';
import { enqueueSeasons } from '../../queue/producer.ts';
import { readStatus } from '../../queue/status.ts';
import type { Row, TableName } from '../../store/rows.ts';
import { TABLES } from '../../store/rows.ts';
import type { Store } from '../../store/store.ts';
import { checkSeason } from '../demo/ground-truth.ts';
import { type LocalStack, startLocalStack } from '../demo/local-stack.ts';
import { checkSeasonTables, describeTableCheck, tableMatches } from '../demo/season-tables-truth.ts';
import type { FaultConfig } from '../replay/faults.ts';
import { DRILL_FAULTS, type DrillContext, type FaultTimes, waitFor } from './drill-faults.ts';
import { attemptsUsed, pagesRedone } from './drill-measure.ts';

export interface DrillOptions {
  config: Config;
  logger: Logger;
  season: number;
  workers: number;
  storeUrl: string;
  out: NodeJS.WriteStream;
}

/** The workers' settings for the drill: short holds and retries, so that it fits in minutes. */
const DRILL_WORKER_ENV: Record<string, string> = {
  BLOCK_BACKOFF_MS: '5000',
  RETRY_INTERVALS_MS: '500,1000,2000',
  JOB_ATTEMPTS: '10',
  FETCH_TOTAL_TIMEOUT_MS: '3000',
  BREAKER_ERROR_PERCENT: '90',
  BREAKER_RESET_MS: '2000',
  LOG_LEVEL: 'info',
  METRICS_HOST: '127.0.0.1',
  METRICS_PORT: '0',
};

/** Pages take a little time, as on a real site, so the season lasts long enough for every fault. */
const BASE_FAULTS: FaultConfig = { seed: 1, latency: { fixedMs: 150, jitterMs: 100 } };

/** Share of the season's box scores done before each fault is injected, in order. */
const AT_PROGRESS = [0.08, 0.18, 0.28, 0.4, 0.5, 0.88];

interface FaultResult {
  name: string;
  times: FaultTimes | null;
  error: string | null;
  redone: number;
  attempts: number;
}

export async function runDrill(opts: DrillOptions): Promise<number> {
  const started = Date.now();
  const at = (t = Date.now()): string => `+${((t - started) / 1000).toFixed(1).padStart(5)}s`;
  const say = (line: string): void => {
    opts.out.write(`${line}\n`);
  };
  let stack: LocalStack | undefined;
  try {
    stack = await startLocalStack({
      config: opts.config,
      // The site's own warnings (a client blocked) are the drill's injections: its lines say them.
      logger: opts.logger.child({}, { level: 'error' }),
      seasons: [opts.season],
      workers: opts.workers,
      storeUrl: opts.storeUrl,
      say,
      workerEnv: DRILL_WORKER_ENV,
      ownRedis: true,
      faults: BASE_FAULTS,
    });
    const s = stack;
    const total = s.site.groundTruth(opts.season).games.filter((g) => g.played).length;
    const progress = async (): Promise<number> => {
      const status = await readStatus(s.queue, { seasons: [opts.season] }).catch(() => null);
      return status?.seasons[0]?.boxScoresDone ?? 0;
    };
    const ctx: DrillContext = {
      stack: s,
      hosts: createHostStateStore(s.connection, opts.config.queuePrefix),
      host: new URL(s.site.url).host,
      base: BASE_FAULTS,
      progress,
    };
    await enqueueSeasons(s.queue, opts.config, [opts.season]);
    say(
      `${at()} season ${opts.season} enqueued: ${total} games to store; ${DRILL_FAULTS.length} faults to come`,
    );

    // Progress beside the fault lines.
    let last = -1;
    const ticker = setInterval(() => {
      void progress().then((done) => {
        if (done !== last) say(`${at()} progress: ${done}/${total} box scores`);
        last = done;
      });
    }, 5_000);
    const results: FaultResult[] = [];
    try {
      for (const [i, fault] of DRILL_FAULTS.entries()) {
        const target = Math.floor(total * (AT_PROGRESS[i] ?? 0.5));
        await waitFor(`${target} box scores done`, async () =>
          (await progress()) >= target ? true : undefined,
        );
        const result: FaultResult = { name: fault.name, times: null, error: null, redone: 0, attempts: 0 };
        try {
          result.times = await fault.run(ctx, (phase, text) =>
            say(`${at()} ${fault.name}: ${phase}: ${text}`),
          );
          const { injectedAt, recoveredAt } = result.times;
          result.redone = pagesRedone(s.site.stats({ log: true }).log, injectedAt, recoveredAt);
          result.attempts = attemptsUsed(s.logDir, injectedAt, recoveredAt);
        } catch (err) {
          result.error = (err as Error).message;
          say(`${at()} ${fault.name}: NOT RECOVERED: ${result.error}`);
        }
        results.push(result);
      }
      // Back to full strength to finish, as the Deployment's replica count would bring it.
      while (s.pool.running.length < opts.workers) s.pool.start(1);
      const finished = await waitFor('the season job to finish', async () => {
        const st = (await readStatus(s.queue, { seasons: [opts.season] }).catch(() => null))?.seasons[0];
        return st && (st.state === 'completed' || st.state === 'failed') ? st : undefined;
      }).catch(() => null);
      say(`${at()} season ${opts.season} ${finished?.state ?? 'did not finish'}`);
    } finally {
      clearInterval(ticker);
    }

    say('');
    say(reportTable(results));
    const verdict = await datasetVerdict(s, opts.season);
    say('');
    for (const line of verdict.lines) say(line);
    const recovered = results.every((r) => r.times !== null);
    const ok = recovered && verdict.ok;
    say(
      ok
        ? `drill passed in ${((Date.now() - started) / 1000).toFixed(0)} s: every fault recovered, nothing lost or duplicated`
        : 'drill FAILED: see the lines above and the worker logs in ' + s.logDir,
    );
    return ok ? 0 : 1;
  } finally {
    await stack?.stop();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The drill's table: one row per fault. */
export function reportTable(results: readonly FaultResult[]): string {
  const rows = results.map((r) =>
    r.times === null
      ? [r.name, 'NOT RECOVERED', '-', '-', '-']
      : [
          r.name,
          seconds(r.times.detectedAt - r.times.injectedAt),
          seconds(r.times.recoveredAt - r.times.injectedAt),
          String(r.redone),
          String(r.attempts),
        ],
  );
  const header = ['fault', 'detected after', 'time to recovery', 'pages redone', 'attempts used'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Natural keys of a table's rows that appear more than once. */
async function duplicateKeys(store: Store, table: TableName, season: number): Promise<number> {
  const seen = new Set<string>();
  let dup = 0;
  for await (const row of store.readRows(table, season)) {
    const key = JSON.stringify(TABLES[table].key.map((k) => (row as Row)[k] ?? null));
    if (seen.has(key)) dup++;
    seen.add(key);
  }
  return dup;
}

/** Every game once, every season table as the site shows it, no duplicate row, nothing stuck or failed in the queue. */
async function datasetVerdict(s: LocalStack, season: number): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  const check = await checkSeason(s.store, s.site.url, season);
  const games = check.missing.length === 0 && check.unexpected.length === 0;
  lines.push(
    games
      ? `dataset: all ${check.expected} games the site lists are stored exactly once`
      : `dataset: ${check.stored} stored of ${check.expected}; missing ${check.missing.slice(0, 5).join(', ')}${check.unexpected.length > 0 ? `; unexpected ${check.unexpected.slice(0, 5).join(', ')}` : ''}`,
  );
  let tables = true;
  for (const table of await checkSeasonTables(s.store, s.site.url, season)) {
    tables &&= tableMatches(table);
    lines.push(`dataset: ${describeTableCheck(season, table)}`);
  }
  let dups = 0;
  for (const table of ['games', 'team_lines', 'player_lines', 'line_scores'] as const)
    dups += await duplicateKeys(s.store, table, season);
  lines.push(dups === 0 ? 'dataset: no duplicate rows' : `dataset: ${dups} duplicate row(s)`);
  const counts = await s.queue.getJobCounts(
    'active',
    'waiting',
    'delayed',
    'prioritized',
    'waiting-children',
    'failed',
  );
  const stuck = Object.entries(counts).filter(([, n]) => n > 0);
  lines.push(
    stuck.length === 0
      ? 'queue: no job stuck, none failed'
      : `queue: ${stuck.map(([state, n]) => `${n} ${state}`).join(', ')}`,
  );
  return { ok: games && tables && dups === 0 && stuck.length === 0, lines };
}
