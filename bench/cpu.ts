/**
 * CPU per page of one worker process against the raw loop, over a season on the replay site, for
 * before/after work on the per-job path (scenario 1's measurement, one configuration):
 *
 *   node bench/cpu.ts [--as-of 2017-11-10] [--reps 3] [--concurrency 4] [--processes 1] [--contenders raw,ours]
 *                     [--prof <dir>]   (our worker under `node --cpu-prof`, profiles into <dir>)
 *                     [--flags --max-semi-space-size=2,...]   (our worker's V8 flags; default WORKER_NODE_FLAGS)
 *
 * Prints one line per run (pages/s, CPU ms per page, peak RSS) and the medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORKER_NODE_FLAGS } from '../src/local/processes/worker-node-flags.ts';
import { createContext } from './lib/context.ts';
import { deployedWorkerArgv } from './lib/ours.ts';
import { runChild } from './lib/run-process.ts';
import { num, range, summarise } from './lib/stats.ts';
import { type Contender, measure, type ThroughputRun, withSeasonSite } from './scenarios/throughput.ts';

const { values: args } = parseArgs({
  options: {
    'as-of': { type: 'string' },
    reps: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '4' },
    /** Our worker processes (each at --concurrency); the raw loop and Crawlee run their total concurrency. */
    processes: { type: 'string', default: '1' },
    contenders: { type: 'string', default: 'raw,ours' },
    prof: { type: 'string' },
    /** Node flags of our worker in place of WORKER_NODE_FLAGS ('' for none). */
    flags: { type: 'string' },
    /** Also run the raw loop with our worker's V8 flags (contender `raw+flags`). */
    'raw-flags': { type: 'boolean', default: false },
  },
});
const season = 2018;
const asOf = args['as-of'] ?? null;
const reps = Number(args.reps);
const concurrency = Number(args.concurrency);
const processes = Number(args.processes);
const contenders = args.contenders.split(',').filter((c) => c !== '') as Contender[];
if (args['raw-flags']) contenders.push('raw+flags' as Contender);
const flags = args.flags === undefined ? WORKER_NODE_FLAGS : args.flags.split(',').filter((f) => f !== '');
const prof = args.prof ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.prof)}`] : [];
const argv = await deployedWorkerArgv([...flags, ...prof]);
const tmp = mkdtempSync(join(tmpdir(), 'nba-bench-cpu-'));
const ctx = createContext(false, tmp);
try {
  const runs = await withSeasonSite(ctx, season, asOf, async (s) => {
    const out: ThroughputRun[] = [];
    for (let rep = 0; rep < reps; rep++) {
      for (const contender of contenders) {
        const run =
          (contender as string) === 'raw+flags'
            ? await rawWithFlags(s.site.url, s.itemsFile, rep)
            : await measure(
                ctx,
                s.site,
                { season, asOf, reps, processes: [processes], perProcessConcurrency: concurrency, argv },
                { contender, processes, rep, itemsFile: s.itemsFile },
              );
        ctx.progress(
          `  rep ${rep + 1} ${contender}: ${run.pages} pages, ${num(run.pagesPerSecond)} pages/s, ` +
            `${num(run.cpuMsPerPage, 2)} CPU ms/page, peak RSS ${num(run.peakRssMb, 0)} MB`,
        );
        out.push(run);
      }
    }
    return out;
  });
  for (const c of contenders) {
    const of = runs.filter((r) => r.contender === c);
    process.stdout.write(
      `${c}: CPU ms/page ${range(summarise(of.map((r) => r.cpuMsPerPage)), 2)}, pages/s ` +
        `${range(summarise(of.map((r) => r.pagesPerSecond)))}, peak RSS ${range(summarise(of.map((r) => r.peakRssMb)), 0)} MB\n`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** The raw loop under our worker's V8 flags: what the flags cost the per-page work alone. */
async function rawWithFlags(baseUrl: string, itemsFile: string, rep: number): Promise<ThroughputRun> {
  const storeDir = mkdtempSync(join(tmp, 'store-raw-flags-'));
  try {
    const res = await runChild(
      ctx.path('contenders/raw-loop.ts'),
      { baseUrl, storeDir, concurrency: processes * concurrency, itemsFile },
      { timeoutMs: 600_000, cwd: storeDir, nodeArgs: [...flags] },
    );
    const seconds = (res.endedAt - res.startedAt) / 1000;
    return {
      contender: 'raw+flags' as Contender,
      processes: 1,
      concurrency: processes * concurrency,
      rep,
      pages: res.pages,
      seconds,
      pagesPerSecond: res.pages / seconds,
      cpuMsPerPage: (1000 * res.cpuSeconds) / res.pages,
      peakRssMb: res.peakRssMb,
    };
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
}
