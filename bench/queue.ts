/**
 * Scenario 2 alone (queue overhead per job), its table on stdout:
 *
 *   node bench/queue.ts [--quick] [--backlogs 1,10,1000] [--jobs 1000] [--reps 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from './lib/context.ts';
import { queueOverheadMarkdown, runQueueOverhead } from './scenarios/queue-overhead.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    backlogs: { type: 'string' },
    jobs: { type: 'string' },
    reps: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
  },
});
const quick = args.quick;
const tmp = mkdtempSync(join(tmpdir(), 'nba-bench-queue-'));
try {
  const result = await runQueueOverhead(createContext(quick, tmp), {
    backlogs: args.backlogs?.split(',').map(Number) ?? (quick ? [1, 1_000] : [1, 10, 100, 1_000, 10_000]),
    jobs: Number(args.jobs ?? (quick ? 200 : 1_000)),
    reps: Number(args.reps ?? (quick ? 1 : 3)),
    concurrency: Number(args.concurrency),
  });
  process.stdout.write(`${queueOverheadMarkdown(result)}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
