/**
 * Real pages saved from basketball-reference.com live outside this repository (they are the
 * site's content): in ../shared/fixtures/basketball-reference, or in $FIXTURES_DIR. Tests that
 * need them skip with a clear message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const FIXTURES_DIR = process.env.FIXTURES_DIR
  ? resolve(process.env.FIXTURES_DIR)
  : resolve(repoRoot, '../shared/fixtures/basketball-reference');

export const fixturesPresent = existsSync(join(FIXTURES_DIR, 'README.md'));

/** The `skip` option for tests that read fixtures: false when present, else the reason. */
export const skipWithoutFixtures: false | string = fixturesPresent
  ? false
  : `real pages not found in ${FIXTURES_DIR} (set FIXTURES_DIR to the folder of saved basketball-reference pages)`;

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}
