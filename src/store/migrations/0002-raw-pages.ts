import type { Migration } from './migration.ts';

/** The raw page archive: every fetched body, gzip-compressed, keyed by URL + fetch time. */
export const migration: Migration = {
  id: 2,
  name: 'raw page archive',
  sql: `
  CREATE TABLE raw_pages (
    url text NOT NULL,
    fetched_at timestamptz NOT NULL,
    status integer NOT NULL,
    season integer,
    kind text,
    body_gz bytea NOT NULL,
    body_bytes integer NOT NULL,
    PRIMARY KEY (url, fetched_at)
  );
  -- Already compressed: keep PostgreSQL from trying to compress it again.
  ALTER TABLE raw_pages ALTER COLUMN body_gz SET STORAGE EXTERNAL;
  CREATE INDEX raw_pages_season_url ON raw_pages (season, url COLLATE "C", fetched_at DESC);
  COMMENT ON TABLE raw_pages IS 'Archived source pages (gzip), for re-parsing without fetching again.';
`,
};
