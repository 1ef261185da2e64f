/**
 * The zero-setup local store: one JSON document per schedule page and per game under a directory.
 *
 *   DIR/<season>/schedule/<page>.json     { season, page, games }   written by the season job
 *   DIR/<season>/boxscores/<gameId>.json  the BoxScore              one per game
 *   DIR/<season>/totals/<part>.json       { season, part, rows }    player season totals
 *   DIR/<season>/tables/<table>/<scope>.json  { scope, rows }       season tables (season-tables.ts)
 *   DIR/_raw/<season|misc>/<url>@<time>.html.gz                     archived pages (raw-page-file.ts)
 *
 * Every write replaces one whole file atomically (atomic-write.ts) with canonical JSON, so a
 * re-run writes the same bytes, several processes can write different games at once, and a crash
 * never leaves a partial document. Table rows are derived from the documents with rows.ts.
 * Game types filled in later (fillGameTypes) are written into the schedule page documents.
 */
import { open, readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { BoxScore } from '../domain/box-score.ts';
import type { GameType, ScheduleGame } from '../domain/game.ts';
import type { PlayerSeasonTotals, SeasonPart } from '../domain/player-totals.ts';
import { StoreError } from '../errors/store-error.ts';
import { atomicWrite, isTempName } from './atomic-write.ts';
import {
  decodeRawPage,
  encodeRawPage,
  parseRawPageFileName,
  RAW_SUFFIX,
  rawPageFileName,
  readRawPageMeta,
  urlFromSafeName,
} from './raw-page-file.ts';
import {
  boxScoreRows,
  gameRowFromBoxScore,
  gameRowFromSchedule,
  mergeGameRows,
  playerTotalsRows,
  type Row,
  rowComparator,
  type TableName,
} from './rows.ts';
import {
  checkScope,
  isSeasonTable,
  SEASON_TABLES,
  type SeasonTableName,
  uniqueRows,
} from './season-tables.ts';
import { stableJson } from './stable-json.ts';
import type { RawPage, RawPageInput, SeasonCounts, Store } from './store.ts';

export interface FileStoreOptions {
  /** fsync each document before it replaces the old one (survives power loss). Default true. */
  fsync?: boolean;
}

interface SchedulePageDoc {
  season: number;
  page: string;
  games: ScheduleGame[];
}

interface TotalsDoc {
  season: number;
  part: SeasonPart;
  rows: PlayerSeasonTotals[];
}

/** One scope of a season table (`rosters` of one team, ...). */
interface SeasonRowsDoc {
  scope: Row;
  rows: Row[];
}

interface ScheduledGame {
  game: ScheduleGame;
  page: string;
}

/** A schedule page document as read, with its file and modification time (ns). */
interface SchedulePageFile {
  file: string;
  name: string;
  mtime: bigint;
  doc: SchedulePageDoc;
}

const JSON_SUFFIX = '.json';
const RAW_DIR = '_raw';
const MISC = 'misc';

function fsError(action: string, path: string, err: unknown): StoreError {
  const reason = err instanceof Error ? err.message : String(err);
  return new StoreError(`file store: cannot ${action} ${path}: ${reason}`, { cause: err });
}

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException)?.code === 'ENOENT';

/** File names in a directory (none when it does not exist), temp files excluded, sorted. */
async function listNames(dir: string, suffix: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.endsWith(suffix) && !isTempName(n)).sort();
  } catch (err) {
    if (isMissing(err)) return [];
    throw fsError('list', dir, err);
  }
}

async function readJson<T>(file: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw fsError('read', file, err);
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw fsError('parse', file, err);
  }
}

/** Modification time in ns, or null when the file is gone. */
async function mtimeOf(file: string): Promise<bigint | null> {
  try {
    return (await stat(file, { bigint: true })).mtimeNs;
  } catch (err) {
    if (isMissing(err)) return null;
    throw fsError('stat', file, err);
  }
}

/** Sets a file's modification (and access) time to `ns`, to the microsecond. */
async function setFileTime(file: string, ns: bigint): Promise<void> {
  const seconds = Number(ns / 1000n) / 1e6;
  try {
    await utimes(file, seconds, seconds);
  } catch (err) {
    throw fsError('set the time of', file, err);
  }
}

const fileKey = (id: string): string => encodeURIComponent(id);
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class FileStore implements Store {
  readonly kind = 'file' as const;
  readonly dir: string;
  readonly #fsync: boolean;

  constructor(dir: string, opts: FileStoreOptions = {}) {
    this.dir = dir;
    this.#fsync = opts.fsync ?? true;
  }

  #seasonDir(season: number): string {
    return join(this.dir, String(season));
  }

  async #write(file: string, value: unknown): Promise<void> {
    try {
      await atomicWrite(file, stableJson(value), { fsync: this.#fsync });
    } catch (err) {
      throw fsError('write', file, err);
    }
  }

  async upsertSchedule(season: number, page: string, games: readonly ScheduleGame[]): Promise<void> {
    const stray = games.find((g) => g.season !== season);
    if (stray) {
      throw new StoreError(
        `file store: schedule page ${page} of season ${season} lists game ${stray.gameId} of season ${stray.season}`,
      );
    }
    const dir = join(this.#seasonDir(season), 'schedule');
    const name = fileKey(page) + JSON_SUFFIX;
    // The newest page wins a game listed twice, by modification time. File times have a coarse
    // granularity (a clock tick), so make this page strictly newer than every other page.
    let newestOther = -1n;
    for (const other of await listNames(dir, JSON_SUFFIX)) {
      if (other === name) continue;
      const mtime = await mtimeOf(join(dir, other));
      if (mtime !== null && mtime > newestOther) newestOther = mtime;
    }
    const file = join(dir, name);
    const doc: SchedulePageDoc = { season, page, games: [...games] };
    await this.#write(file, doc);
    const mtime = await mtimeOf(file);
    if (mtime !== null && mtime <= newestOther) await setFileTime(file, newestOther + 1_000_000n);
  }

  async upsertBoxScore(box: BoxScore): Promise<void> {
    const file = join(this.#seasonDir(box.season), 'boxscores', fileKey(box.gameId) + JSON_SUFFIX);
    await this.#write(file, box);
  }

  /** The season's schedule page documents in the order they were written: modification time, then name. */
  async #schedulePages(season: number): Promise<SchedulePageFile[]> {
    const dir = join(this.#seasonDir(season), 'schedule');
    const pages: SchedulePageFile[] = [];
    for (const name of await listNames(dir, JSON_SUFFIX)) {
      const file = join(dir, name);
      const mtime = await mtimeOf(file);
      if (mtime !== null) pages.push({ file, name, mtime, doc: await readJson<SchedulePageDoc>(file) });
    }
    return pages.sort((a, b) => (a.mtime < b.mtime ? -1 : a.mtime > b.mtime ? 1 : byKey(a.name, b.name)));
  }

  /**
   * Every game the season's schedule pages list. A game on several pages keeps the version of the
   * page written last (file modification time, then page name).
   */
  async #schedule(season: number): Promise<Map<string, ScheduledGame>> {
    const games = new Map<string, ScheduledGame>();
    for (const p of await this.#schedulePages(season)) {
      for (const game of p.doc.games) games.set(game.gameId, { game, page: p.doc.page });
    }
    return games;
  }

  async readSchedule(season: number): Promise<ScheduleGame[]> {
    const games = await this.#schedule(season);
    return [...games.keys()].sort(byKey).map((id) => games.get(id)!.game);
  }

  /**
   * Sets the type in the listing a game's row comes from (the page written last); a game with a
   * stored box score has that box score's type. A rewritten page gets its modification time back,
   * so which page wins a game listed on several stays the same.
   */
  async fillGameTypes(season: number, types: ReadonlyMap<string, GameType>): Promise<number> {
    if (types.size === 0) return 0;
    const pages = await this.#schedulePages(season);
    const listing = new Map<string, { page: SchedulePageFile; index: number }>();
    for (const page of pages) {
      for (const [index, g] of page.doc.games.entries()) listing.set(g.gameId, { page, index });
    }
    const boxIds = new Set(await this.#boxScoreIds(season));
    const changed = new Set<SchedulePageFile>();
    let filled = 0;
    for (const [id, type] of types) {
      const at = listing.get(id);
      const game = at?.page.doc.games[at.index];
      if (at === undefined || game === undefined || game.gameType !== null || boxIds.has(id)) continue;
      at.page.doc.games[at.index] = { ...game, gameType: type };
      changed.add(at.page);
      filled++;
    }
    for (const page of changed) {
      await this.#write(page.file, page.doc);
      await setFileTime(page.file, page.mtime);
    }
    return filled;
  }

  async #boxScoreIds(season: number): Promise<string[]> {
    const names = await listNames(join(this.#seasonDir(season), 'boxscores'), JSON_SUFFIX);
    return names.map((n) => decodeURIComponent(n.slice(0, -JSON_SUFFIX.length))).sort(byKey);
  }

  #readBoxScore(season: number, gameId: string): Promise<BoxScore> {
    return readJson<BoxScore>(join(this.#seasonDir(season), 'boxscores', fileKey(gameId) + JSON_SUFFIX));
  }

  async storedBoxScoreIds(season: number): Promise<Set<string>> {
    return new Set(await this.#boxScoreIds(season));
  }

  async *readBoxScores(season: number): AsyncIterable<BoxScore> {
    for (const id of await this.#boxScoreIds(season)) yield await this.#readBoxScore(season, id);
  }

  async seasons(): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if (isMissing(err)) return [];
      throw fsError('list', this.dir, err);
    }
    const out: number[] = [];
    for (const name of names) {
      if (!/^\d+$/.test(name)) continue;
      const dir = join(this.dir, name);
      for (const sub of ['schedule', 'boxscores', 'totals']) {
        if ((await listNames(join(dir, sub), JSON_SUFFIX)).length > 0) {
          out.push(Number(name));
          break;
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  async counts(season: number): Promise<SeasonCounts> {
    const schedule = await this.#schedule(season);
    const boxIds = new Set(await this.#boxScoreIds(season));
    let played = 0;
    for (const [id, { game }] of schedule) if (game.status === 'final' || boxIds.has(id)) played++;
    return { season, scheduled: schedule.size, played, boxScores: boxIds.size };
  }

  async upsertPlayerTotals(season: number, rows: readonly PlayerSeasonTotals[]): Promise<void> {
    const parts = new Map<SeasonPart, PlayerSeasonTotals[]>();
    for (const r of rows) {
      if (r.season !== season) {
        throw new StoreError(
          `file store: player totals of season ${season} include ${r.playerId} of season ${r.season}`,
        );
      }
      const list = parts.get(r.part) ?? [];
      list.push(r);
      parts.set(r.part, list);
    }
    for (const [part, list] of parts) {
      const doc: TotalsDoc = { season, part, rows: list };
      await this.#write(join(this.#seasonDir(season), 'totals', part + JSON_SUFFIX), doc);
    }
  }

  async #totals(season: number): Promise<PlayerSeasonTotals[]> {
    const dir = join(this.#seasonDir(season), 'totals');
    const rows: PlayerSeasonTotals[] = [];
    for (const name of await listNames(dir, JSON_SUFFIX)) {
      rows.push(...(await readJson<TotalsDoc>(join(dir, name))).rows);
    }
    return rows;
  }

  async readPlayerTotals(season: number): Promise<PlayerSeasonTotals[]> {
    const rows = await this.#totals(season);
    // The table's order and first-wins de-duplication, applied to the records.
    const byRowKey = new Map<string, PlayerSeasonTotals>();
    for (const r of rows) {
      const key = JSON.stringify([r.season, r.part, r.playerId, r.team]);
      if (!byRowKey.has(key)) byRowKey.set(key, r);
    }
    return playerTotalsRows([...byRowKey.values()]).map(
      (row) => byRowKey.get(JSON.stringify([row.season, row.part, row.player_id, row.team]))!,
    );
  }

  #seasonTableDir(table: SeasonTableName, season: number): string {
    return join(this.#seasonDir(season), 'tables', table);
  }

  async replaceSeasonRows(table: SeasonTableName, scope: Row, rows: readonly Row[]): Promise<void> {
    checkScope('file store', table, scope, rows);
    // The scope below the season names the document: `_` for a whole season, else its values.
    const below = SEASON_TABLES[table].scope.slice(1).map((c) => fileKey(String(scope[c])));
    const name = (below.length > 0 ? below.join('~') : '_') + JSON_SUFFIX;
    const doc: SeasonRowsDoc = {
      scope: Object.fromEntries(SEASON_TABLES[table].scope.map((c) => [c, scope[c] ?? null])),
      rows: [...rows],
    };
    await this.#write(join(this.#seasonTableDir(table, Number(scope.season)), name), doc);
  }

  async #seasonTableRows(table: SeasonTableName, season: number): Promise<Row[]> {
    const dir = this.#seasonTableDir(table, season);
    const rows: Row[] = [];
    for (const name of await listNames(dir, JSON_SUFFIX)) {
      rows.push(...(await readJson<SeasonRowsDoc>(join(dir, name))).rows);
    }
    // The table's natural key, first wins, as the PostgreSQL store's primary key keeps it.
    return uniqueRows(table, rows).sort(rowComparator(table));
  }

  async *readRows(table: TableName, season: number): AsyncIterable<Row> {
    if (isSeasonTable(table)) {
      yield* await this.#seasonTableRows(table, season);
      return;
    }
    if (table === 'player_season_totals') {
      yield* playerTotalsRows(await this.#totals(season));
      return;
    }
    if (table === 'games') {
      yield* await this.#gameRows(season);
      return;
    }
    for (const id of await this.#boxScoreIds(season)) {
      yield* boxScoreRows(await this.#readBoxScore(season, id))[table];
    }
  }

  async #gameRows(season: number): Promise<Row[]> {
    const schedule = await this.#schedule(season);
    const boxRows = new Map<string, Row>();
    for (const id of await this.#boxScoreIds(season)) {
      boxRows.set(id, gameRowFromBoxScore(await this.#readBoxScore(season, id)));
    }
    const ids = [...new Set([...schedule.keys(), ...boxRows.keys()])].sort(byKey);
    return ids.map((id) => {
      const s = schedule.get(id);
      return mergeGameRows(s ? gameRowFromSchedule(s.game, s.page) : undefined, boxRows.get(id));
    });
  }

  #rawDir(season: number | null): string {
    return join(this.dir, RAW_DIR, season === null ? MISC : String(season));
  }

  async archivePage(page: RawPageInput): Promise<void> {
    const season = page.season ?? null;
    const file = join(this.#rawDir(season), rawPageFileName(page.url, page.fetchedAt));
    try {
      await stat(file);
      return; // this fetch is archived already
    } catch (err) {
      if (!isMissing(err)) throw fsError('stat', file, err);
    }
    const data = await encodeRawPage(page.body, {
      url: page.url,
      fetchedAt: page.fetchedAt.toISOString(),
      status: page.status,
      season,
      kind: page.kind ?? null,
    });
    try {
      await atomicWrite(file, data, { fsync: this.#fsync });
    } catch (err) {
      throw fsError('write', file, err);
    }
  }

  async *latestRawPages(season: number | null): AsyncIterable<RawPage> {
    const dir = this.#rawDir(season);
    const newest = new Map<string, { time: string; file: string }>();
    for (const file of await listNames(dir, RAW_SUFFIX)) {
      const parsed = parseRawPageFileName(file);
      if (parsed === null) continue;
      const seen = newest.get(parsed.name);
      if (seen === undefined || parsed.time > seen.time) newest.set(parsed.name, { time: parsed.time, file });
    }
    const entries: { url: string; file: string }[] = [];
    for (const [name, { file }] of newest) {
      const url = urlFromSafeName(name) ?? (await this.#rawMetaUrl(join(dir, file)));
      if (url !== null) entries.push({ url, file });
    }
    entries.sort((a, b) => byKey(a.url, b.url));
    for (const { url, file } of entries) {
      const path = join(dir, file);
      let data: Buffer;
      try {
        data = await readFile(path);
      } catch (err) {
        throw fsError('read', path, err);
      }
      let decoded: ReturnType<typeof decodeRawPage>;
      try {
        decoded = decodeRawPage(data);
      } catch (err) {
        throw fsError('decompress', path, err);
      }
      const meta = decoded.meta;
      yield {
        url,
        fetchedAt: new Date(meta?.fetchedAt ?? parseRawPageFileName(file)!.time),
        status: meta?.status ?? 200,
        body: decoded.body,
        season: meta?.season ?? season,
        kind: meta?.kind ?? null,
      };
    }
  }

  async #rawMetaUrl(path: string): Promise<string | null> {
    try {
      const fh = await open(path, 'r');
      try {
        const head = Buffer.alloc(16 * 1024);
        const { bytesRead } = await fh.read(head, 0, head.length, 0);
        return readRawPageMeta(head.subarray(0, bytesRead))?.url ?? null;
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw fsError('read', path, err);
    }
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }
}
