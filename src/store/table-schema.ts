/**
 * How a dataset table is described: its columns with their value kinds, its natural key and its
 * row order. rows.ts and season-tables.ts describe the tables with these.
 */
/** Value kinds of a column. `date` is an ISO `YYYY-MM-DD` string. */
export type CellType = 'text' | 'int' | 'float' | 'bool' | 'date';
export type Cell = string | number | boolean | null;
/** One row of a table, by column name. */
export type Row = Record<string, Cell>;

/** Which write sets a `games` column (see mergeGameRows). */
export type GameColumnSource = 'schedule' | 'box' | 'both';

export interface Column {
  readonly name: string;
  readonly type: CellType;
  /** Only `games`: which record the value comes from. */
  readonly from?: GameColumnSource;
}

export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  /** Natural key (the primary key in PostgreSQL). */
  readonly key: readonly string[];
  /** Row order of reads and exports within a season (ascending, text compared by code unit). */
  readonly orderBy: readonly string[];
}

export function col(name: string, type: CellType, from?: GameColumnSource): Column {
  return from === undefined ? { name, type } : { name, type, from };
}
