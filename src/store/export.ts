/**
 * Exports the dataset as one file per table (`games.csv`, `player_lines.jsonl`, ...): a header
 * row (CSV), columns in rows.ts order, rows in each table's `orderBy` order season by season.
 * Streams: one season's chunk of rows in memory at a time. The same stored records give the same
 * bytes from either store. Each file is written under a temp name and renamed when complete, so
 * an interrupted export never leaves a truncated file with the final name.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvRecord, jsonRecord } from './csv.ts';
import { columnNames, rowValues, TABLE_NAMES, type TableName } from './rows.ts';
import type { Store } from './store.ts';

export type ExportFormat = 'csv' | 'jsonl';

export interface ExportOptions {
  format: ExportFormat;
  /** Created when missing; existing table files in it are replaced. */
  outDir: string;
  /** Seasons to export; default every season the store has. */
  seasons?: readonly number[];
  /** Tables to export; default all. */
  tables?: readonly TableName[];
}

export type ExportCounts = Record<TableName, number>;

/** Text is handed to the file in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

async function* tableText(
  store: Store,
  table: TableName,
  format: ExportFormat,
  seasons: readonly number[],
  counter: { rows: number },
): AsyncGenerator<string> {
  const columns = columnNames(table);
  let buf = format === 'csv' ? csvRecord(columns) : '';
  for (const season of seasons) {
    for await (const row of store.readRows(table, season)) {
      const values = rowValues(table, row);
      buf += format === 'csv' ? csvRecord(values) : jsonRecord(columns, values);
      counter.rows++;
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = '';
      }
    }
  }
  if (buf !== '') yield buf;
}

/** Writes the export files and returns the number of rows written per table. */
export async function exportDataset(store: Store, opts: ExportOptions): Promise<ExportCounts> {
  const seasons = [...(opts.seasons ?? (await store.seasons()))].sort((a, b) => a - b);
  const tables = opts.tables ?? TABLE_NAMES;
  await mkdir(opts.outDir, { recursive: true });
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as ExportCounts;
  for (const table of tables) {
    const file = join(opts.outDir, `${table}.${opts.format}`);
    const tmp = join(opts.outDir, `.${table}.${opts.format}.${process.pid}.tmp`);
    const counter = { rows: 0 };
    try {
      await pipeline(
        Readable.from(tableText(store, table, opts.format, seasons, counter)),
        createWriteStream(tmp),
      );
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    counts[table] = counter.rows;
  }
  return counts;
}
