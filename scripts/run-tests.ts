/**
 * Runs the whole test suite: starts the shared PostgreSQL on loopback, runs every
 * `test/**\/*.test.ts` with node:test (spec output, then the summary line), and stops
 * PostgreSQL. Redis servers are started per test file by the tests themselves.
 * Usage: node scripts/run-tests.ts [file-or-glob ...]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { startPostgres } from '../test/helpers/postgres-server.ts';

const patterns = process.argv.slice(2);
const files = patterns.length > 0 ? patterns : ['test/**/*.test.ts'];

const summaryFile = `.tmp/test-summary-${process.pid}.txt`;
mkdirSync('.tmp', { recursive: true });
rmSync(summaryFile, { force: true });

const pg = await startPostgres();
let code = 1;
try {
  code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--test',
        '--test-concurrency=2',
        '--test-timeout=600000',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./test/helpers/summary-reporter.ts',
        `--test-reporter-destination=${summaryFile}`,
        ...files,
      ],
      { stdio: 'inherit', env: { ...process.env, NBA_TEST_PG_URL: pg.url } },
    );
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    child.on('exit', (c) => resolve(c ?? 1));
  });
} finally {
  pg.stop();
}
// The summary is printed last so that it is the last line of the run.
try {
  process.stdout.write(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile, { force: true });
} catch {
  process.stdout.write('\n0 passed, 1 failed (the test runner wrote no summary)\n');
  code ||= 1;
}
process.exit(code);
