/**
 * Applies pending schema migrations. Everything runs in one transaction that first takes a
 * transaction-scoped advisory lock, so when many pods start together exactly one applies the
 * migrations and the others wait, then find nothing left to do.
 */
import type { ClientBase } from 'pg';
import type { Logger } from '../log/logger.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** Advisory lock key of the migration transaction (any fixed 64-bit number unique to this program). */
export const MIGRATION_LOCK_KEY = '7317964213852041729';

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const prev = migrations[i - 1];
    if (prev !== undefined && m.id <= prev.id) {
      throw new Error(`migration ids must increase: ${m.id} (${m.name}) follows ${prev.id}`);
    }
  });
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in id order, on `client` (which
 * must not be inside a transaction). Returns the ids it applied.
 */
export async function migrate(
  client: ClientBase,
  opts: { migrations?: readonly Migration[]; logger?: Logger } = {},
): Promise<number[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  checkOrder(migrations);
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        id integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = new Set(
      (await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id),
    );
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
      opts.logger?.info({ migration: m.id, name: m.name }, 'applied schema migration');
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  return applied;
}
