/**
 * Every command given bad input prints one clear line on stderr, exits 2 and writes nothing:
 * no Redis key, no store file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { freePort } from '../../../src/local/processes/free-port.ts';
import { type LocalRedis, startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { runCli } from '../../helpers/cli.ts';

let redis: LocalRedis;
let client: Redis;
let dir: string;

before(async () => {
  redis = await startLocalRedis();
  client = new Redis(redis.url);
  dir = mkdtempSync(join(tmpdir(), 'nba-cli-bad-'));
});
after(async () => {
  client.disconnect();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

function assertOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `exactly one line on stderr, got:\n${stderr}`);
  assert.match(lines[0]!, /^nba-scraper: /);
  assert.match(lines[0]!, pattern);
}

describe('bad input exits 2 with one clear line and writes nothing', () => {
  const cases: { name: string; args: string[]; env?: Record<string, string>; error: RegExp }[] = [
    { name: 'malformed season', args: ['enqueue', '18'], error: /"18" is not a season/ },
    { name: 'reversed range', args: ['enqueue', '2021-2019'], error: /ends before it starts/ },
    { name: 'unknown season', args: ['enqueue', '1900'], error: /outside the seasons the source has/ },
    { name: 'missing season', args: ['enqueue'], error: /missing required argument/ },
    { name: 'unknown command', args: ['scrape'], error: /unknown command/ },
    { name: 'unknown option', args: ['status', '--verbose'], error: /unknown option/ },
    { name: 'bad workers', args: ['demo', '--workers', '0'], error: /--workers must be a whole number/ },
    {
      name: 'bad export format',
      args: ['export', '--out', 'x', '--format', 'xml'],
      error: /--format must be one of csv, jsonl/,
    },
    {
      name: 'bad setting',
      args: ['status'],
      env: { WORKER_CONCURRENCY: 'lots' },
      error: /WORKER_CONCURRENCY: expected an integer/,
    },
    {
      name: 'bad STORE_URL',
      args: ['export', '--out', 'x'],
      env: { STORE_URL: 'mysql://db/x' },
      error: /STORE_URL/,
    },
    {
      name: 'parse: missing file',
      args: ['parse', '/nonexistent/page.html'],
      error: /cannot read \/nonexistent\/page.html: ENOENT/,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const keysBefore = await client.dbsize();
      const r = await runCli(
        c.args,
        { REDIS_URL: redis.url, STORE_URL: `file://${join(dir, 'store')}`, ...c.env },
        30_000,
      );
      assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
      assertOneLine(r.stderr, c.error);
      assert.equal(r.stdout, '');
      assert.equal(await client.dbsize(), keysBefore, 'no Redis key written');
      assert.equal(existsSync(join(dir, 'store')), false, 'no store written');
    });
  }

  test('unreachable Redis: enqueue, status and worker say where they looked', async () => {
    const port = await freePort();
    for (const args of [['enqueue', '2018'], ['status'], ['worker']]) {
      const r = await runCli(
        args,
        { REDIS_URL: `redis://:secret@127.0.0.1:${port}`, STORE_URL: `file://${join(dir, 'store')}` },
        30_000,
      );
      assert.equal(r.code, 2, `${args[0]}: exit code (stderr: ${r.stderr})`);
      assertOneLine(r.stderr, new RegExp(`cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
      assert.doesNotMatch(r.stderr, /secret/, 'the password is never printed');
    }
    assert.equal(existsSync(join(dir, 'store')), false);
  });

  test('unreachable PostgreSQL store: export names the server and hides the password', async () => {
    const port = await freePort();
    const r = await runCli(
      ['export', '--out', join(dir, 'out')],
      { STORE_URL: `postgres://u:hunter2@127.0.0.1:${port}/nba` },
      30_000,
    );
    assert.equal(r.code, 2, r.stderr);
    assertOneLine(r.stderr, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.doesNotMatch(r.stderr, /hunter2/);
    assert.equal(existsSync(join(dir, 'out')), false, 'no export written');
    assert.deepEqual(readdirSync(dir), []);
  });
});
