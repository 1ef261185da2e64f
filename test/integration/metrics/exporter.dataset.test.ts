/**
 * `nba-scraper exporter` as a real process reading a real store: per stored season it exports the
 * completeness ledger (`nba_scraper_dataset_*`), equal to what `seasonLedger` (and so `status
 * --season`) reads, for a file store and for a PostgreSQL store. A store that is not there at
 * start, or becomes unreadable, costs only those metrics: the queue metrics and /readyz stay, the
 * failures are counted and logged once, the values are dropped, and come back with the store.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seasonLedger } from '../../../src/dataset/ledger.ts';
import { type ExporterProcess, startExporterProcess } from '../../../src/local/processes/exporter-process.ts';
import { type LocalRedis, startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { DEFAULT_SOURCE } from '../../../src/sources/registry.ts';
import { openStore } from '../../../src/store/open-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { queryDatabase, testServerUrl } from '../../helpers/pg-database.ts';
import {
  januaryListings,
  marchListings,
  overtimeBoxScore,
  plainBoxScore,
  runningSeasonPageWrites,
  seasonTotals,
} from '../../helpers/store-records.ts';
import { waitFor, waitUntil } from '../../helpers/wait.ts';

type Samples = Map<string, number>;

async function scrape(port: number): Promise<Samples> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

const QUEUE_SERIES = `nba_scraper_queue_jobs{queue="${DEFAULT_SOURCE.id}",state="waiting"}`;
const READ_ERRORS = 'nba_scraper_exporter_dataset_read_errors_total';
const WARNING = 'cannot read the store for the dataset metrics';

/** The season 2018 of the store records (2 of 4 games played, 1 box score) and totals of 2017. */
async function fill(store: Store): Promise<void> {
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertSchedule(2018, 'march', marchListings());
  await store.upsertBoxScore(overtimeBoxScore());
  await store.upsertPlayerTotals(2018, seasonTotals());
  await store.upsertPlayerTotals(
    2017,
    seasonTotals().map((r) => ({ ...r, season: 2017 })),
  );
}

function datasetSeasons(s: Samples): string[] {
  return [...s.keys()]
    .filter((k) => k.startsWith('nba_scraper_dataset_games{'))
    .map((k) => /season="(\d+)"/.exec(k)?.[1] as string)
    .sort();
}

/** Waits until the exporter's dataset gauges are the store's ledger, season by season, and checks them. */
async function expectLedger(port: number, store: Store): Promise<Samples> {
  const ledgers = await Promise.all((await store.seasons()).map((s) => seasonLedger(store, s)));
  const expected = (l: (typeof ledgers)[number]): [string, number][] => [
    [`nba_scraper_dataset_games{season="${l.season}"}`, l.games],
    [`nba_scraper_dataset_boxscores_expected{season="${l.season}"}`, l.played],
    [`nba_scraper_dataset_boxscores_stored{season="${l.season}"}`, l.boxScoresStored],
    [`nba_scraper_dataset_player_totals_rows{season="${l.season}"}`, l.totalsRows],
    [`nba_scraper_dataset_complete{season="${l.season}"}`, l.complete ? 1 : 0],
  ];
  const s = await waitFor(
    'the dataset gauges are the ledger',
    () => scrape(port),
    (m) => ledgers.every((l) => expected(l).every(([k, v]) => m.get(k) === v)),
  );
  for (const l of ledgers) for (const [k, v] of expected(l)) assert.equal(s.get(k), v, k);
  assert.deepEqual(
    datasetSeasons(s),
    ledgers.map((l) => String(l.season)),
    'one series set per stored season, no other',
  );
  return s;
}

const warnings = (logFile: string): number =>
  readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes(WARNING)).length;

/** The exporter's log reaches its file through this process a moment after the metrics change. */
const logged = (logFile: string, text: RegExp): Promise<void> =>
  waitUntil(`the log says ${text}`, () => text.test(readFileSync(logFile, 'utf8')));

describe('the exporter reads the store', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nba-exporter-dataset-'));
  let redis: LocalRedis;
  const running: ExporterProcess[] = [];

  before(async () => {
    redis = await startLocalRedis();
  });
  after(async () => {
    await Promise.all(running.map((e) => e.stop()));
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (storeUrl: string, name: string): Promise<{ port: number; logFile: string }> => {
    const logFile = join(dir, `${name}.log`);
    const exporter = startExporterProcess(
      {
        ...(process.env as Record<string, string>),
        REDIS_URL: redis.url,
        STORE_URL: storeUrl,
        SOURCE_BASE_URL: 'http://127.0.0.1:8123',
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: '0',
        EXPORTER_INTERVAL_MS: '500',
        EXPORTER_DATASET_INTERVAL_MS: '500',
        // Far above what a PING takes on a busy machine: /readyz says whether Redis answers.
        HEALTH_REDIS_PING_TIMEOUT_MS: '5000',
      },
      logFile,
    );
    running.push(exporter);
    return { port: await exporter.port(), logFile };
  };

  test('file store: the ledger per season; follows new data; unreadable: only the dataset goes, then comes back', async () => {
    const storeDir = join(dir, 'files');
    const store = await openStore(`file://${storeDir}`, { fsync: false });
    await fill(store);
    const { port, logFile } = await start(`file://${storeDir}`, 'file');

    const first = await expectLedger(port, store);
    assert.equal(first.get('nba_scraper_dataset_boxscores_expected{season="2018"}'), 2);
    assert.equal(first.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), 1);
    assert.equal(first.get('nba_scraper_dataset_boxscores_expected{season="2017"}'), 0);
    assert.equal(first.get(READ_ERRORS), 0);
    assert.ok((first.get('nba_scraper_exporter_dataset_last_success_timestamp_seconds') ?? 0) > 1e9);

    // A box score stored later shows on a later read; with its season-level pages (standings,
    // team pages, advanced stats) stored too, the season is then complete.
    await store.upsertBoxScore(plainBoxScore());
    const boxes = await expectLedger(port, store);
    assert.equal(boxes.get('nba_scraper_dataset_complete{season="2018"}'), 0, 'its season pages are missing');
    for (const w of runningSeasonPageWrites()) await store.replaceSeasonRows(w.table, w.scope, w.rows);
    const done = await expectLedger(port, store);
    assert.equal(done.get('nba_scraper_dataset_complete{season="2018"}'), 1);

    // The store becomes unreadable (a file where its directory was).
    renameSync(storeDir, `${storeDir}-away`);
    writeFileSync(storeDir, 'not a directory');
    const down = await waitFor(
      'dataset series dropped',
      () => scrape(port),
      (m) => datasetSeasons(m).length === 0,
    );
    const errors = down.get(READ_ERRORS) ?? 0;
    assert.ok(errors >= 3);
    assert.equal(down.get(QUEUE_SERIES), 0, 'the queue metrics are still served');
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    await waitFor(
      'more failed reads',
      () => scrape(port),
      (m) => (m.get(READ_ERRORS) ?? 0) >= errors + 2,
    );
    assert.equal(warnings(logFile), 1, 'the warning is logged once');

    rmSync(storeDir);
    renameSync(`${storeDir}-away`, storeDir);
    await expectLedger(port, store);
    await logged(logFile, /reading the store again/);
    await store.close();
  });

  test('PostgreSQL store: not there at start (errors, queue metrics served), then created: the ledger per season', async () => {
    const name = `nba_test_dataset_${process.pid}_${Date.now()}`;
    const url = new URL(testServerUrl());
    url.pathname = `/${name}`;
    const { port, logFile } = await start(url.toString(), 'postgres');

    const failing = await waitFor(
      'reads fail and are retried',
      () => scrape(port),
      (m) => (m.get(READ_ERRORS) ?? 0) >= 3 && m.has(QUEUE_SERIES),
    );
    assert.deepEqual(datasetSeasons(failing), []);
    assert.equal(failing.get('nba_scraper_exporter_dataset_last_success_timestamp_seconds'), 0);
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
    await logged(logFile, new RegExp(`database \\\\"${name}\\\\" does not exist`));
    assert.equal(warnings(logFile), 1, 'the warning is logged once');

    await queryDatabase(testServerUrl(), `CREATE DATABASE "${name}"`);
    const store = await openStore(url.toString());
    after(async () => {
      await store.close();
      await queryDatabase(testServerUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    await fill(store);
    const s = await expectLedger(port, store);
    assert.equal(s.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), 1);
    assert.equal(s.get('nba_scraper_dataset_player_totals_rows{season="2017"}'), 5);
    await store.upsertBoxScore(plainBoxScore());
    await expectLedger(port, store);
    await logged(logFile, /reading the store again/);
  });
});
