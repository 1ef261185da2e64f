/** One schema migration: applied once, in `id` order, and recorded in `schema_migrations`. */
export interface Migration {
  /** Position in the sequence; never reused, never changed once released. */
  readonly id: number;
  readonly name: string;
  /** SQL run inside the migration transaction. */
  readonly sql: string;
}
