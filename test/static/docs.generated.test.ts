/**
 * The docs' generated tables match their sources: every setting of src/config.ts is in the
 * README's table and every error code in docs/errors.md, exactly as `npm run docs` writes them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fillGenerated } from '../../scripts/lib/doc-tables.ts';
import { SETTINGS } from '../../src/config.ts';
import { ERROR_CODES } from '../../src/errors/codes.ts';

for (const file of ['README.md', 'docs/errors.md']) {
  test(`${file} generated tables are up to date (npm run docs)`, () => {
    const text = readFileSync(file, 'utf8');
    assert.equal(fillGenerated(file, text), text);
  });
}

test('every setting and every error code appears in the docs', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const s of Object.values(SETTINGS))
    assert.match(readme, new RegExp(`\\| \`${s.env}\` +\\|`), `${s.env} in README`);
  const errors = readFileSync('docs/errors.md', 'utf8');
  for (const code of Object.keys(ERROR_CODES))
    assert.match(errors, new RegExp(`\\| \`${code}\` +\\|`), `${code} in docs/errors.md`);
});
