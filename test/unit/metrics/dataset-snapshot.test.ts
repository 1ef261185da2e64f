/**
 * The exporter's dataset metrics: the completeness ledger of each stored season mapped to gauges
 * (seasons gone disappear; values from Redis and from the store set and dropped independently),
 * and the reader of the store: opened lazily, never created, failures counted and logged once,
 * values dropped after three failed reads in a row, back when the store is. Real file stores in
 * temporary directories.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import type { SeasonLedger } from '../../../src/dataset/ledger.ts';
import { seasonLedger } from '../../../src/dataset/ledger.ts';
import { createLogger } from '../../../src/log/logger.ts';
import {
  createDatasetPoller,
  type DatasetSnapshot,
  datasetValues,
  readDatasetSnapshot,
  STALE_AFTER_FAILURES,
} from '../../../src/metrics/dataset-snapshot.ts';
import { createExporterMetrics } from '../../../src/metrics/exporter-metrics.ts';
import { createMetricsRegistry } from '../../../src/metrics/registry.ts';
import type { SystemSnapshot } from '../../../src/metrics/system-snapshot.ts';
import { FileStore } from '../../../src/store/file-store.ts';
import {
  januaryListings,
  marchListings,
  overtimeBoxScore,
  plainBoxScore,
  runningSeasonPageWrites,
  seasonTotals,
} from '../../helpers/store-records.ts';
import { waitUntil } from '../../helpers/wait.ts';

const root = mkdtempSync(join(tmpdir(), 'nba-dataset-metrics-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function samples(text: Promise<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const line of (await text).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

const ledger = (season: number, over: Partial<SeasonLedger> = {}): SeasonLedger => ({
  season,
  games: 1230,
  played: 600,
  boxScoresStored: 597,
  missingBoxScores: ['a', 'b', 'c'],
  totalsRows: 0,
  pages: [],
  complete: false,
  ...over,
});

test('datasetValues: one entry per stored season, expected = played games', () => {
  const snapshot: DatasetSnapshot = {
    at: 1_000,
    ledgers: [
      ledger(2017, {
        played: 1230,
        boxScoresStored: 1230,
        missingBoxScores: [],
        totalsRows: 664,
        complete: true,
      }),
      ledger(2018),
      ledger(2019, { games: 0, played: 0, boxScoresStored: 0, missingBoxScores: [], totalsRows: 12 }),
    ],
  };
  assert.deepEqual(datasetValues(snapshot), [
    {
      season: '2017',
      games: 1230,
      boxScoresExpected: 1230,
      boxScoresStored: 1230,
      totalsRows: 664,
      complete: 1,
    },
    { season: '2018', games: 1230, boxScoresExpected: 600, boxScoresStored: 597, totalsRows: 0, complete: 0 },
    { season: '2019', games: 0, boxScoresExpected: 0, boxScoresStored: 0, totalsRows: 12, complete: 0 },
  ]);
  assert.deepEqual(datasetValues({ at: 1, ledgers: [] }), []);
});

const redisSnapshot: SystemSnapshot = {
  at: 5_000,
  queues: [
    {
      status: {
        queue: 'q',
        paused: false,
        counts: {
          waiting: 1,
          prioritized: 0,
          active: 0,
          delayed: 0,
          'waiting-children': 0,
          completed: 0,
          failed: 0,
        },
        seasons: [],
        failures: [],
      },
      host: 'q.example',
      rateLimitMs: 0,
    },
  ],
  hosts: [],
  redisMemory: null,
};

test('the dataset gauges: set per season, seasons gone dropped, independent of the values from Redis', async () => {
  const m = createExporterMetrics(createMetricsRegistry('exporter'), loadConfig({}));
  const before = await samples(m.registry.metrics());
  assert.equal(before.get('nba_scraper_exporter_dataset_read_errors_total'), 0);
  assert.equal(before.get('nba_scraper_exporter_dataset_last_success_timestamp_seconds'), 0);
  assert.ok(![...before.keys()].some((k) => k.startsWith('nba_scraper_dataset_')));

  m.update(redisSnapshot, 0.01);
  m.updateDataset(
    {
      at: 2_000_000,
      ledgers: [ledger(2018), ledger(2017, { boxScoresStored: 600, missingBoxScores: [], complete: true })],
    },
    0.25,
  );
  const s = await samples(m.registry.metrics());
  assert.equal(s.get('nba_scraper_dataset_games{season="2018"}'), 1230);
  assert.equal(s.get('nba_scraper_dataset_boxscores_expected{season="2018"}'), 600);
  assert.equal(s.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), 597);
  assert.equal(s.get('nba_scraper_dataset_player_totals_rows{season="2018"}'), 0);
  assert.equal(s.get('nba_scraper_dataset_complete{season="2018"}'), 0);
  assert.equal(s.get('nba_scraper_dataset_complete{season="2017"}'), 1);
  assert.equal(s.get('nba_scraper_exporter_dataset_last_success_timestamp_seconds'), 2000);
  assert.equal(s.get('nba_scraper_exporter_dataset_read_duration_seconds_count'), 1);
  assert.equal(s.get('nba_scraper_exporter_dataset_read_duration_seconds_sum'), 0.25);

  // A poll of Redis leaves the dataset alone, and the other way round.
  m.update(redisSnapshot, 0.01);
  m.clear();
  m.updateDataset(
    { at: 3_000_000, ledgers: [ledger(2018, { boxScoresStored: 600, missingBoxScores: [] })] },
    0.1,
  );
  const again = await samples(m.registry.metrics());
  assert.equal(again.has('nba_scraper_queue_jobs{queue="q",state="waiting"}'), false);
  assert.equal(again.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), 600);
  assert.equal(again.has('nba_scraper_dataset_games{season="2017"}'), false, 'a season no longer stored');

  m.update(redisSnapshot, 0.01);
  m.datasetReadFailed(5);
  m.clearDataset();
  const cleared = await samples(m.registry.metrics());
  assert.ok(![...cleared.keys()].some((k) => k.startsWith('nba_scraper_dataset_')));
  assert.equal(cleared.get('nba_scraper_queue_jobs{queue="q",state="waiting"}'), 1);
  assert.equal(cleared.get('nba_scraper_exporter_dataset_read_errors_total'), 1);
  assert.equal(cleared.get('nba_scraper_exporter_dataset_read_duration_seconds_count'), 3);
  assert.equal(cleared.get('nba_scraper_exporter_dataset_last_success_timestamp_seconds'), 3000);
});

async function fillStore(store: FileStore): Promise<void> {
  await store.upsertSchedule(2018, 'january', januaryListings());
  await store.upsertSchedule(2018, 'march', marchListings());
  await store.upsertBoxScore(overtimeBoxScore());
  await store.upsertPlayerTotals(2018, seasonTotals());
  await store.upsertPlayerTotals(
    2017,
    seasonTotals().map((r) => ({ ...r, season: 2017 })),
  );
}

test('readDatasetSnapshot: the ledger of every stored season', async () => {
  const store = new FileStore(join(root, 'snapshot'), { fsync: false });
  assert.deepEqual((await readDatasetSnapshot(store)).ledgers, []);
  await fillStore(store);
  const snapshot = await readDatasetSnapshot(store);
  assert.deepEqual(snapshot.ledgers, [await seasonLedger(store, 2017), await seasonLedger(store, 2018)]);
  assert.deepEqual(
    datasetValues(snapshot).find((v) => v.season === '2018'),
    { season: '2018', games: 4, boxScoresExpected: 2, boxScoresStored: 1, totalsRows: 5, complete: 0 },
  );
});

function capture(): {
  logger: ReturnType<typeof createLogger>;
  lines: () => { level: string; msg: string }[];
} {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger({ level: 'info', destination }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { level: string; msg: string }),
  };
}

test('the poller: lazy, never creates the store, logs once, drops stale values, recovers', async () => {
  const dir = join(root, 'poller');
  const m = createExporterMetrics(createMetricsRegistry('exporter'), loadConfig({}));
  const log = capture();
  const poller = createDatasetPoller({
    storeUrl: `file://${dir}`,
    intervalMs: 60_000,
    metrics: m,
    logger: log.logger,
  });
  const dataset = async (): Promise<Map<string, number>> => samples(m.registry.metrics());

  // No directory: an error (not an empty dataset), counted every time, warned about once.
  await poller.poll();
  await poller.poll();
  assert.equal(poller.failing, true);
  let s = await dataset();
  assert.equal(s.get('nba_scraper_exporter_dataset_read_errors_total'), 2);
  const warnings = log.lines().filter((l) => l.level === 'warn');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]?.msg ?? '', /cannot read the store for the dataset metrics/);
  assert.match(
    JSON.stringify(warnings[0]),
    /is not a directory; the exporter reads the store and never creates it/,
  );
  assert.throws(() => renameSync(dir, `${dir}-x`), /ENOENT/, 'the directory was not created');

  // The store appears: read on the next poll, values equal the ledger.
  const store = new FileStore(dir, { fsync: false });
  await fillStore(store);
  await poller.poll();
  assert.equal(poller.failing, false);
  s = await dataset();
  const ledger2018 = await seasonLedger(store, 2018);
  assert.equal(s.get('nba_scraper_dataset_games{season="2018"}'), ledger2018.games);
  assert.equal(s.get('nba_scraper_dataset_boxscores_expected{season="2018"}'), ledger2018.played);
  assert.equal(s.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), ledger2018.boxScoresStored);
  assert.equal(s.get('nba_scraper_dataset_player_totals_rows{season="2017"}'), 5);
  assert.equal(s.get('nba_scraper_dataset_boxscores_expected{season="2017"}'), 0);
  assert.ok(log.lines().some((l) => l.msg === 'reading the store again'));

  // New data shows on the next read: the last box score, then the season-level pages, which
  // complete the season.
  await store.upsertBoxScore(plainBoxScore());
  await poller.poll();
  s = await dataset();
  assert.equal(s.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), 2);
  assert.equal(s.get('nba_scraper_dataset_complete{season="2018"}'), 0, 'its season pages are missing');
  for (const w of runningSeasonPageWrites()) await store.replaceSeasonRows(w.table, w.scope, w.rows);
  await poller.poll();
  s = await dataset();
  assert.equal(s.get('nba_scraper_dataset_complete{season="2018"}'), 1);

  // Unreadable (a file where the directory was): values kept for two failed reads, dropped on the third.
  renameSync(dir, `${dir}-away`);
  writeFileSync(dir, 'not a directory');
  for (let i = 1; i <= STALE_AFTER_FAILURES; i++) {
    await poller.poll();
    const now = await dataset();
    assert.equal(now.has('nba_scraper_dataset_games{season="2018"}'), i < STALE_AFTER_FAILURES, `after ${i}`);
  }
  assert.equal(log.lines().filter((l) => l.level === 'warn').length, 2, 'one warning per outage');
  rmSync(dir);
  renameSync(`${dir}-away`, dir);
  await poller.poll();
  s = await dataset();
  assert.equal(s.get('nba_scraper_dataset_boxscores_stored{season="2018"}'), 2);
  assert.equal(s.get('nba_scraper_exporter_dataset_read_errors_total'), 2 + STALE_AFTER_FAILURES);
  await poller.stop();
});

test('the poller: start reads at once and on its interval; stop waits and closes', async () => {
  const dir = join(root, 'timer');
  mkdirSync(dir);
  await fillStore(new FileStore(dir, { fsync: false }));
  const m = createExporterMetrics(createMetricsRegistry('exporter'), loadConfig({}));
  let opened = 0;
  let closed = 0;
  const poller = createDatasetPoller({
    storeUrl: `file://${dir}`,
    intervalMs: 50,
    metrics: m,
    logger: capture().logger,
    open: async () => {
      opened++;
      return new (class extends FileStore {
        override async close(): Promise<void> {
          closed++;
        }
      })(dir, { fsync: false });
    },
  });
  poller.start();
  await waitUntil(
    'three reads',
    async () =>
      ((await samples(m.registry.metrics())).get(
        'nba_scraper_exporter_dataset_read_duration_seconds_count',
      ) ?? 0) >= 3,
    { intervalMs: 20 },
  );
  await poller.stop();
  const s = await samples(m.registry.metrics());
  assert.ok((s.get('nba_scraper_exporter_dataset_read_duration_seconds_count') ?? 0) >= 3);
  assert.equal(s.get('nba_scraper_dataset_player_totals_rows{season="2018"}'), 5);
  assert.equal(opened, 1, 'opened once, kept open');
  assert.equal(closed, 1, 'closed on stop');
  const count = s.get('nba_scraper_exporter_dataset_read_duration_seconds_count');
  await new Promise((r) => setTimeout(r, 150));
  const later = await samples(m.registry.metrics());
  assert.equal(
    later.get('nba_scraper_exporter_dataset_read_duration_seconds_count'),
    count,
    'no read after stop',
  );
});

test('EXPORTER_DATASET_INTERVAL_MS: 60 s by default, 0 turns it off, 1-499 rejected', () => {
  assert.equal(loadConfig({}).exporterDatasetIntervalMs, 60_000);
  assert.equal(loadConfig({ EXPORTER_DATASET_INTERVAL_MS: '0' }).exporterDatasetIntervalMs, 0);
  assert.equal(loadConfig({ EXPORTER_DATASET_INTERVAL_MS: '1500' }).exporterDatasetIntervalMs, 1500);
  assert.throws(
    () => loadConfig({ EXPORTER_DATASET_INTERVAL_MS: '100' }),
    /EXPORTER_DATASET_INTERVAL_MS: expected an integer from 500 to 86400000, got 100 \(or 0: off\)/,
  );
});
