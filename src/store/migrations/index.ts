/** Every migration, in the order they are applied. Append new ones; never edit released ones. */
import { migration as datasetTables } from './0001-dataset-tables.ts';
import { migration as rawPages } from './0002-raw-pages.ts';
import { migration as seasonTables } from './0003-season-tables.ts';
import type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [datasetTables, rawPages, seasonTables];

export type { Migration };
