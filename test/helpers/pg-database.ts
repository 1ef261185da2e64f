/**
 * A fresh PostgreSQL database per test file, on the server the test runner started
 * (`NBA_TEST_PG_URL`, superuser, trust auth). Random name; `drop()` removes it, closing any
 * connection a test left open.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** URL of the new database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** URL of the test server's maintenance database; throws when the runner did not start one. */
export function testServerUrl(): string {
  const url = process.env.NBA_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'NBA_TEST_PG_URL is not set: run the tests with `node scripts/run-tests.ts <files>`, which starts PostgreSQL',
    );
  }
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(prefix = 'nba_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** Runs one query on a database with a short-lived client. */
export async function queryDatabase<R extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
