/**
 * The production store: the dataset's tables (rows.ts) in PostgreSQL, written with upserts keyed by
 * natural ids so at-least-once job delivery gives exactly one row per fact. A box score replaces
 * every row of its game in one transaction; a schedule update never erases box score columns
 * (the rule of mergeGameRows, in SQL). Raw pages go to `raw_pages` gzip-compressed.
 */
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import pg from 'pg';
import type { BoxScore } from '../domain/box-score.ts';
import type { GameType, ScheduleGame } from '../domain/game.ts';
import type { PlayerSeasonTotals } from '../domain/player-totals.ts';
import { StoreError } from '../errors/store-error.ts';
import { type Logger, redactUrl } from '../log/logger.ts';
import { migrate } from './migrate.ts';
import { toStoreError } from './pg-error.ts';
import { rawPageBytes } from './raw-page-file.ts';
import {
  type BoxScoreRows,
  boxScoreRows,
  type Cell,
  gameRowFromBoxScore,
  gameRowFromSchedule,
  playerTotalsRows,
  type Row,
  rowValues,
  TABLES,
  type TableName,
} from './rows.ts';
import { boxScoreFromRows, playerTotalsFromRow, scheduleGameFromRow } from './rows-to-records.ts';
import {
  checkScope,
  isSeasonTable,
  SEASON_TABLES,
  type SeasonTableName,
  uniqueRows,
} from './season-tables.ts';
import type { RawPage, RawPageInput, SeasonCounts, Store } from './store.ts';

/** Compression off the event loop, on libuv's thread pool (see raw-page-file.ts). */
const gzipAsync = promisify(gzip);

export interface PostgresStoreOptions {
  /** Connections in the pool. Default 4: a worker writes one game at a time per job. */
  poolSize?: number;
  /** Deadline to open a connection, in ms. Default 10000. */
  connectTimeoutMs?: number;
  logger?: Logger;
}

type PerGameTable = keyof BoxScoreRows;
const PER_GAME_TABLES: readonly PerGameTable[] = [
  'team_lines',
  'player_lines',
  'line_scores',
  'inactive_players',
];

/** Games per query when reading a season in chunks. */
const GAME_CHUNK = 100;
/** Raw pages (bodies) per query when streaming the archive. */
const RAW_CHUNK = 10;
/** Bind parameters per INSERT statement (PostgreSQL allows 65535). */
const MAX_PARAMS = 30_000;
/** Second key of the transaction-scoped advisory lock that serialises player totals writes. */
const TOTALS_LOCK = 1_953_460_084;

const DATE_OID = 1082;

/** Dates stay `YYYY-MM-DD` strings (node-postgres would make a local-time Date). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const ident = (name: string): string => `"${name}"`;

function columnList(table: TableName): string {
  return TABLES[table].columns.map((c) => ident(c.name)).join(', ');
}

/** `ORDER BY` of a table's `orderBy`, text compared bytewise like the file store's sort. */
function orderBy(table: TableName, alias = ''): string {
  const t = TABLES[table];
  return t.orderBy
    .map((k) => {
      const c = t.columns.find((col) => col.name === k);
      return `${alias}${ident(k)}${c?.type === 'text' ? ' COLLATE "C"' : ''}`;
    })
    .join(', ');
}

/** `INSERT INTO table (cols) VALUES (...), (...)` for `n` rows, and the flat parameter list. */
function insertStatement(table: TableName, rows: readonly Row[]): { text: string; values: Cell[] } {
  const ncol = TABLES[table].columns.length;
  const values: Cell[] = [];
  const tuples = rows.map((row, r) => {
    values.push(...rowValues(table, row));
    return `(${Array.from({ length: ncol }, (_, c) => `$${r * ncol + c + 1}`).join(', ')})`;
  });
  return { text: `INSERT INTO ${table} (${columnList(table)}) VALUES ${tuples.join(', ')}`, values };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const gameColumns = TABLES.games.columns;

/** ON CONFLICT clause of a schedule upsert: schedule columns always, shared ones until a box score is stored. */
const SCHEDULE_CONFLICT = gameColumns
  .filter((c) => c.name !== 'game_id' && c.from !== 'box')
  .map((c) => {
    const n = ident(c.name);
    return c.from === 'schedule'
      ? `${n} = EXCLUDED.${n}`
      : `${n} = CASE WHEN games.has_box_score THEN games.${n} ELSE EXCLUDED.${n} END`;
  })
  .join(', ');

/** ON CONFLICT clause of a box score upsert: every column the box score gives. */
const BOX_CONFLICT = gameColumns
  .filter((c) => c.name !== 'game_id' && c.from !== 'schedule')
  .map((c) => `${ident(c.name)} = EXCLUDED.${ident(c.name)}`)
  .join(', ');

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #url: string;
  readonly #redacted: string;
  #closed = false;

  private constructor(url: string, pool: pg.Pool) {
    this.#url = url;
    this.#redacted = redactUrl(url);
    this.#pool = pool;
  }

  /** Connects, applies pending migrations, and returns the store. Throws StoreError when unreachable. */
  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 4,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'nba-scraper',
      types,
    });
    // An idle connection that dies (server restart) must not crash the process; the next query reconnects.
    pool.on('error', (err) => opts.logger?.warn({ err }, 'idle PostgreSQL connection failed'));
    const store = new PostgresStore(url, pool);
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await migrate(client, { logger: opts.logger });
      client.release();
    } catch (err) {
      client?.release(true);
      await pool.end().catch(() => {});
      throw toStoreError(err, 'open the store', url, store.#redacted);
    }
    return store;
  }

  #error(err: unknown, action: string): StoreError {
    return toStoreError(err, action, this.#url, this.#redacted);
  }

  async #query<R extends pg.QueryResultRow = Row>(
    action: string,
    text: string,
    values: unknown[] = [],
  ): Promise<R[]> {
    try {
      return (await this.#pool.query<R>(text, values)).rows;
    } catch (err) {
      throw this.#error(err, action);
    }
  }

  async #tx(action: string, fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (err) {
      throw this.#error(err, action);
    }
    let broken: unknown;
    try {
      await client.query('BEGIN');
      await fn(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch((e: unknown) => {
        broken = e;
      });
      throw this.#error(err, action);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async #insert(client: pg.PoolClient, table: TableName, rows: readonly Row[], suffix = ''): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / TABLES[table].columns.length));
    for (const part of chunks(rows, perStatement)) {
      const { text, values } = insertStatement(table, part);
      await client.query(text + suffix, values);
    }
  }

  async upsertSchedule(season: number, page: string, games: readonly ScheduleGame[]): Promise<void> {
    const stray = games.find((g) => g.season !== season);
    if (stray) {
      throw new StoreError(
        `PostgreSQL store: schedule page ${page} of season ${season} lists game ${stray.gameId} of season ${stray.season}`,
      );
    }
    // One row per game (the last listing wins), in key order so concurrent pages lock rows in the same order.
    const byId = new Map<string, ScheduleGame>();
    for (const g of games) byId.set(g.gameId, g);
    const rows = [...byId.keys()].sort().map((id) => gameRowFromSchedule(byId.get(id)!, page));
    if (rows.length === 0) return;
    await this.#tx(`upsertSchedule ${season} ${page}`, (client) =>
      this.#insert(client, 'games', rows, ` ON CONFLICT (game_id) DO UPDATE SET ${SCHEDULE_CONFLICT}`),
    );
  }

  async upsertBoxScore(box: BoxScore): Promise<void> {
    const rows = boxScoreRows(box);
    await this.#tx(`upsertBoxScore ${box.gameId}`, async (client) => {
      // The games row first: its row lock serialises two writers of the same game.
      await this.#insert(
        client,
        'games',
        [gameRowFromBoxScore(box)],
        ` ON CONFLICT (game_id) DO UPDATE SET ${BOX_CONFLICT}`,
      );
      for (const table of PER_GAME_TABLES) {
        await client.query(`DELETE FROM ${table} WHERE game_id = $1`, [box.gameId]);
        await this.#insert(client, table, rows[table]);
      }
    });
  }

  async readSchedule(season: number): Promise<ScheduleGame[]> {
    const rows = await this.#query(
      `readSchedule ${season}`,
      `SELECT ${columnList('games')} FROM games WHERE season = $1 AND schedule_page IS NOT NULL
       ORDER BY ${orderBy('games')}`,
      [season],
    );
    return rows.map(scheduleGameFromRow);
  }

  async fillGameTypes(season: number, types: ReadonlyMap<string, GameType>): Promise<number> {
    if (types.size === 0) return 0;
    const ids = [...types.keys()].sort();
    // A stored box score always gives a type, so a null type means the schedule's, never the box's.
    const rows = await this.#query<{ game_id: string }>(
      `fillGameTypes ${season}`,
      `UPDATE games SET game_type = t.game_type
         FROM unnest($2::text[], $3::text[]) AS t(game_id, game_type)
        WHERE games.game_id = t.game_id AND games.season = $1
          AND games.schedule_page IS NOT NULL AND games.game_type IS NULL
       RETURNING games.game_id`,
      [season, ids, ids.map((id) => types.get(id))],
    );
    return rows.length;
  }

  async #boxScoreIds(season: number): Promise<string[]> {
    const rows = await this.#query<{ game_id: string }>(
      `list box scores of ${season}`,
      `SELECT game_id FROM games WHERE season = $1 AND has_box_score ORDER BY game_id COLLATE "C"`,
      [season],
    );
    return rows.map((r) => r.game_id);
  }

  async storedBoxScoreIds(season: number): Promise<Set<string>> {
    return new Set(await this.#boxScoreIds(season));
  }

  async *readBoxScores(season: number): AsyncIterable<BoxScore> {
    for (const ids of chunks(await this.#boxScoreIds(season), GAME_CHUNK)) {
      const games = await this.#query(
        `readBoxScores ${season}`,
        `SELECT ${columnList('games')} FROM games WHERE game_id = ANY($1) ORDER BY ${orderBy('games')}`,
        [ids],
      );
      const perGame = new Map<string, BoxScoreRows>(
        ids.map((id) => [id, { team_lines: [], player_lines: [], line_scores: [], inactive_players: [] }]),
      );
      for (const table of PER_GAME_TABLES) {
        const rows = await this.#query(
          `readBoxScores ${season}`,
          `SELECT ${columnList(table)} FROM ${table} WHERE game_id = ANY($1) ORDER BY ${orderBy(table)}`,
          [ids],
        );
        for (const row of rows) perGame.get(String(row.game_id))?.[table].push(row);
      }
      for (const game of games) yield boxScoreFromRows(game, perGame.get(String(game.game_id))!);
    }
  }

  async seasons(): Promise<number[]> {
    const rows = await this.#query<{ season: number }>(
      'list seasons',
      'SELECT season FROM games UNION SELECT season FROM player_season_totals ORDER BY season',
    );
    return rows.map((r) => r.season);
  }

  async counts(season: number): Promise<SeasonCounts> {
    const [row] = await this.#query<{ scheduled: number; played: number; box_scores: number }>(
      `counts ${season}`,
      `SELECT count(*) FILTER (WHERE schedule_page IS NOT NULL)::int AS scheduled,
              count(*) FILTER (WHERE schedule_page IS NOT NULL AND status = 'final')::int AS played,
              count(*) FILTER (WHERE has_box_score)::int AS box_scores
         FROM games WHERE season = $1`,
      [season],
    );
    return {
      season,
      scheduled: row?.scheduled ?? 0,
      played: row?.played ?? 0,
      boxScores: row?.box_scores ?? 0,
    };
  }

  async upsertPlayerTotals(season: number, totals: readonly PlayerSeasonTotals[]): Promise<void> {
    const stray = totals.find((r) => r.season !== season);
    if (stray) {
      throw new StoreError(
        `PostgreSQL store: player totals of season ${season} include ${stray.playerId} of season ${stray.season}`,
      );
    }
    const rows = playerTotalsRows(totals);
    const parts = [...new Set(rows.map((r) => String(r.part)))];
    if (parts.length === 0) return;
    await this.#tx(`upsertPlayerTotals ${season}`, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [TOTALS_LOCK, season]);
      for (const part of parts) {
        await client.query('DELETE FROM player_season_totals WHERE season = $1 AND part = $2', [
          season,
          part,
        ]);
        await this.#insert(
          client,
          'player_season_totals',
          rows.filter((r) => r.part === part),
        );
      }
    });
  }

  async #totalsRows(season: number): Promise<Row[]> {
    return this.#query(
      `read player totals ${season}`,
      `SELECT ${columnList('player_season_totals')} FROM player_season_totals WHERE season = $1
       ORDER BY ${orderBy('player_season_totals')}`,
      [season],
    );
  }

  async readPlayerTotals(season: number): Promise<PlayerSeasonTotals[]> {
    return (await this.#totalsRows(season)).map(playerTotalsFromRow);
  }

  async replaceSeasonRows(table: SeasonTableName, scope: Row, rows: readonly Row[]): Promise<void> {
    checkScope('PostgreSQL store', table, scope, rows);
    const columns = SEASON_TABLES[table].scope;
    const where = columns.map((c, i) => `${ident(c)} = $${i + 1}`).join(' AND ');
    const values = columns.map((c) => scope[c] ?? null);
    const unique = uniqueRows(table, rows);
    await this.#tx(`replace ${table} ${JSON.stringify(values)}`, async (client) => {
      // One writer of a scope at a time: two deletes of the same scope then two inserts would collide.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `${table}:${JSON.stringify(values)}`,
      ]);
      await client.query(`DELETE FROM ${ident(table)} WHERE ${where}`, values);
      await this.#insert(client, table, unique);
    });
  }

  async *readRows(table: TableName, season: number): AsyncIterable<Row> {
    if (isSeasonTable(table)) {
      yield* await this.#query(
        `read ${table} of ${season}`,
        `SELECT ${columnList(table)} FROM ${ident(table)} WHERE season = $1 ORDER BY ${orderBy(table)}`,
        [season],
      );
      return;
    }
    if (table === 'player_season_totals') {
      yield* await this.#totalsRows(season);
      return;
    }
    const ids =
      table === 'games'
        ? (
            await this.#query<{ game_id: string }>(
              `list games of ${season}`,
              `SELECT game_id FROM games WHERE season = $1 ORDER BY game_id COLLATE "C"`,
              [season],
            )
          ).map((r) => r.game_id)
        : await this.#boxScoreIds(season);
    for (const part of chunks(ids, GAME_CHUNK)) {
      yield* await this.#query(
        `read ${table} of ${season}`,
        `SELECT ${columnList(table)} FROM ${table} WHERE game_id = ANY($1) ORDER BY ${orderBy(table)}`,
        [part],
      );
    }
  }

  async archivePage(page: RawPageInput): Promise<void> {
    const body = rawPageBytes(page.body);
    const gz = await gzipAsync(body);
    await this.#query(
      `archive ${page.url}`,
      `INSERT INTO raw_pages (url, fetched_at, status, season, kind, body_gz, body_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (url, fetched_at) DO NOTHING`,
      [page.url, page.fetchedAt, page.status, page.season ?? null, page.kind ?? null, gz, body.length],
    );
  }

  async *latestRawPages(season: number | null): AsyncIterable<RawPage> {
    const where = season === null ? 'season IS NULL' : 'season = $1';
    const params = season === null ? [] : [season];
    const urls = (
      await this.#query<{ url: string }>(
        `list raw pages of ${season ?? 'misc'}`,
        `SELECT DISTINCT url COLLATE "C" AS url FROM raw_pages WHERE ${where} ORDER BY 1`,
        params,
      )
    ).map((r) => r.url);
    const n = params.length + 1;
    for (const part of chunks(urls, RAW_CHUNK)) {
      const rows = await this.#query<{
        url: string;
        fetched_at: Date;
        status: number;
        season: number | null;
        kind: string | null;
        body_gz: Buffer;
      }>(
        `read raw pages of ${season ?? 'misc'}`,
        `SELECT DISTINCT ON (url COLLATE "C") url, fetched_at, status, season, kind, body_gz
           FROM raw_pages WHERE ${where} AND url = ANY($${n})
          ORDER BY url COLLATE "C", fetched_at DESC`,
        [...params, part],
      );
      for (const r of rows) {
        yield {
          url: r.url,
          fetchedAt: r.fetched_at,
          status: r.status,
          season: r.season,
          kind: r.kind,
          body: gunzipSync(r.body_gz).toString('utf8'),
        };
      }
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
