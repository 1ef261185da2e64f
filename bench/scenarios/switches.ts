/**
 * Scenario 6, what checkpoints and metrics cost: one season's box scores through our workers
 * (1 process, WORKER_CONCURRENCY 4) with per-page checkpoints of the season job and the metrics
 * on and off, in every combination (bench/lib/worker-entry.ts: the same runWorker with
 * `--no-metrics` / `--no-checkpoints`). The variants of one repetition run back to back in a
 * rotating order, and each is compared with "both on" of the same repetition.
 */
import { WORKER_NODE_FLAGS } from '../../src/local/processes/worker-node-flags.ts';
import type { BenchContext } from '../lib/context.ts';
import { num, percent, range, ratios, summarise } from '../lib/stats.ts';
import { measureOneWorker, type ThroughputRun, withSeasonSite } from './throughput.ts';

export interface SwitchesOptions {
  season: number;
  asOf: string | null;
  reps: number;
  concurrency: number;
}

interface Variant {
  label: string;
  flags: string[];
}

const VARIANTS: Variant[] = [
  { label: 'checkpoints on, metrics on (as deployed)', flags: [] },
  { label: 'checkpoints off, metrics on', flags: ['--no-checkpoints'] },
  { label: 'checkpoints on, metrics off', flags: ['--no-metrics'] },
  { label: 'checkpoints off, metrics off', flags: ['--no-checkpoints', '--no-metrics'] },
];

export interface SwitchesResult {
  opts: SwitchesOptions;
  pages: number;
  runs: { variant: string; run: ThroughputRun }[];
}

export async function runSwitches(ctx: BenchContext, opts: SwitchesOptions): Promise<SwitchesResult> {
  return withSeasonSite(ctx, opts.season, opts.asOf, async (site) => {
    const runs: SwitchesResult['runs'] = [];
    const s = { ...site, season: opts.season, asOf: opts.asOf };
    for (let rep = 0; rep < opts.reps; rep++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + rep) % VARIANTS.length]!);
      for (const v of order) {
        const argv = [...WORKER_NODE_FLAGS, ctx.path('lib/worker-entry.ts'), ...v.flags];
        const run = await measureOneWorker(ctx, s, {
          concurrency: opts.concurrency,
          rep,
          argv,
          label: v.label,
        });
        ctx.progress(`  rep ${rep + 1}/${opts.reps} ${v.label}: ${num(run.pagesPerSecond)} pages/s`);
        runs.push({ variant: v.label, run });
      }
    }
    return { opts, pages: site.pages, runs };
  });
}

export function switchesMarkdown(r: SwitchesResult): string {
  const of = (label: string) =>
    r.runs
      .filter((x) => x.variant === label)
      .map((x) => x.run)
      .sort((a, b) => a.rep - b.rep);
  const base = of(VARIANTS[0]!.label).map((x) => x.pagesPerSecond);
  const rows = VARIANTS.map((v) => {
    const runs = of(v.label);
    const pps = runs.map((x) => x.pagesPerSecond);
    const rel = ratios(pps, base);
    return (
      `| ${v.label} | ${range(summarise(pps))} | ${percent(rel.median - 1, 1)} ` +
      `(${percent(rel.min - 1, 1)} to ${percent(rel.max - 1, 1)}) | ${range(summarise(runs.map((x) => x.cpuMsPerPage)), 2)} |`
    );
  });
  return [
    `One worker process at WORKER_CONCURRENCY ${r.opts.concurrency}, season ${r.opts.season} (${r.pages} ` +
      `pages: box scores, totals and season-level pages), ${r.opts.reps} repetition(s); median (min–max). "Change" is against "both on" of the ` +
      "same repetition. Checkpoints are the season job's saves after every schedule page (the checkpoint " +
      'that ends its fan-out is always written); metrics are every counter, histogram and gauge of the worker.',
    '',
    '| variant | pages/s | change | CPU ms / page |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
