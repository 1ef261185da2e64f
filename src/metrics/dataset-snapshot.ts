/**
 * What the exporter reads from the store (STORE_URL) for the `nba_scraper_dataset_*` metrics: the
 * completeness ledger (src/dataset/ledger.ts, the numbers `nba-scraper status --season` prints)
 * of every season the store holds, every EXPORTER_DATASET_INTERVAL_MS.
 *
 * The store is opened on the first read, not at start, and a store that cannot be opened or read
 * costs only these metrics: the exporter logs a warning once, counts the failure, retries every
 * interval, and after STALE_AFTER_FAILURES failed reads in a row drops the values rather than
 * show them stale. It never creates anything: a file store directory that does not exist is an
 * error, not an empty dataset (an exporter pod without the store's volume must say so).
 */
import { stat } from 'node:fs/promises';
import { type SeasonLedger, seasonLedger } from '../dataset/ledger.ts';
import { StoreError } from '../errors/store-error.ts';
import { type Logger, redactUrl } from '../log/logger.ts';
import { fileStoreDir, openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

export interface DatasetSnapshot {
  /** When the read finished (ms since the epoch). */
  at: number;
  /** One ledger per season the store holds, ascending. */
  ledgers: SeasonLedger[];
}

/** The gauge values of one season (`season` as its label value). */
export interface DatasetSeasonValues {
  season: string;
  games: number;
  boxScoresExpected: number;
  boxScoresStored: number;
  totalsRows: number;
  complete: 0 | 1;
}

/** Failed reads in a row after which the values read before are dropped. */
export const STALE_AFTER_FAILURES = 3;

/** The ledger of every season the store holds, one season after the other (bounded load). */
export async function readDatasetSnapshot(store: Store): Promise<DatasetSnapshot> {
  const ledgers: SeasonLedger[] = [];
  for (const season of await store.seasons()) ledgers.push(await seasonLedger(store, season));
  return { at: Date.now(), ledgers };
}

/** The gauges' values: one entry per season, in the snapshot's order. */
export function datasetValues(snapshot: DatasetSnapshot): DatasetSeasonValues[] {
  return snapshot.ledgers.map((l) => ({
    season: String(l.season),
    games: l.games,
    boxScoresExpected: l.played,
    boxScoresStored: l.boxScoresStored,
    totalsRows: l.totalsRows,
    complete: l.complete ? 1 : 0,
  }));
}

/** Where the reads go (ExporterMetrics implements it). */
export interface DatasetMetricsSink {
  updateDataset(snapshot: DatasetSnapshot, readSeconds: number): void;
  datasetReadFailed(readSeconds: number): void;
  clearDataset(): void;
}

export interface DatasetPollerOptions {
  storeUrl: string;
  intervalMs: number;
  metrics: DatasetMetricsSink;
  logger: Logger;
  /** Opens the store (default: openStore with a pool of 2 and a 5 s connect deadline). */
  open?: (storeUrl: string) => Promise<Store>;
}

export interface DatasetPoller {
  /** Reads now, then every interval after the previous read ended, until stop(). */
  start(): void;
  /** One read: opens the store when it is not open yet. Never throws. */
  poll(): Promise<void>;
  /** Whether the last read failed. */
  readonly failing: boolean;
  /** Stops the timer, waits for a read in progress, closes the store. */
  stop(): Promise<void>;
}

/** Opens the store to read it: like openStore, but a missing file store directory is an error. */
export async function openStoreForReading(storeUrl: string, logger?: Logger): Promise<Store> {
  if (storeUrl.trim().startsWith('file://')) {
    const dir = fileStoreDir(storeUrl.trim());
    if (dir !== null && !(await stat(dir).catch(() => null))?.isDirectory()) {
      throw new StoreError(
        `file store: ${dir} is not a directory; the exporter reads the store and never creates it (mount the workers' store volume, or set EXPORTER_DATASET_INTERVAL_MS=0)`,
      );
    }
  }
  return openStore(storeUrl, { logger, poolSize: 2, connectTimeoutMs: 5_000 });
}

export function createDatasetPoller(opts: DatasetPollerOptions): DatasetPoller {
  const { metrics, logger } = opts;
  const open = opts.open ?? ((url: string) => openStoreForReading(url, logger));
  let store: Store | null = null;
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;

  const read = async (): Promise<void> => {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    try {
      if (store === null) {
        const opened = await open(opts.storeUrl);
        if (stopped) {
          await opened.close();
          return;
        }
        store = opened;
      }
      const snapshot = await readDatasetSnapshot(store);
      if (stopped) return;
      metrics.updateDataset(snapshot, seconds());
      if (failures > 0) logger.info({ seasons: snapshot.ledgers.length }, 'reading the store again');
      failures = 0;
    } catch (err) {
      if (stopped) return;
      metrics.datasetReadFailed(seconds());
      if (failures === 0) {
        logger.warn(
          { err, store: redactUrl(opts.storeUrl), intervalMs: opts.intervalMs },
          'cannot read the store for the dataset metrics; retrying every interval (queue metrics are not affected)',
        );
      }
      failures++;
      if (failures === STALE_AFTER_FAILURES) metrics.clearDataset();
    }
  };

  const poll = (): Promise<void> => {
    current ??= read().finally(() => {
      current = null;
    });
    return current;
  };

  const loop = async (): Promise<void> => {
    await poll();
    if (!stopped) timer = setTimeout(() => void loop(), opts.intervalMs);
  };

  return {
    start: () => void loop(),
    poll,
    get failing() {
      return failures > 0;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      const s = store;
      store = null;
      await s?.close();
    },
  };
}
