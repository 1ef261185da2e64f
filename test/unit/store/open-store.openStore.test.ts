import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from '../../../src/errors/config-error.ts';
import { FileStore } from '../../../src/store/file-store.ts';
import { fileStoreDir, openStore } from '../../../src/store/open-store.ts';

const root = mkdtempSync(join(tmpdir(), 'nba-open-store-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('file:// paths: relative to the working directory, or absolute', () => {
  assert.equal(fileStoreDir('file://./data', '/srv/app'), '/srv/app/data');
  assert.equal(fileStoreDir('file://data/out', '/srv/app'), '/srv/app/data/out');
  assert.equal(fileStoreDir('file:///var/lib/nba', '/srv/app'), '/var/lib/nba');
  assert.equal(fileStoreDir('file://', '/srv/app'), null);
});

test('a file:// URL opens a file store and creates its directory', async () => {
  const dir = join(root, 'abs', 'data');
  const store = await openStore(`file://${dir}`);
  assert.equal(store.kind, 'file');
  assert.ok(store instanceof FileStore);
  assert.equal(store.dir, dir);
  assert.ok(existsSync(dir));
  await store.close();
  await store.close();

  const cwd = process.cwd();
  process.chdir(root);
  try {
    const rel = await openStore('file://./rel-data');
    assert.equal((rel as FileStore).dir, join(root, 'rel-data'));
    assert.ok(existsSync(join(root, 'rel-data')));
  } finally {
    process.chdir(cwd);
  }
});

test('an unsupported URL is a ConfigError that says what is accepted and hides the password', async () => {
  for (const bad of [
    'mysql://scraper:s3cret-pw@db.internal:3306/nba',
    'file://',
    './data',
    'postgres://scraper:s3cret-pw@[bad-host/nba',
    'redis://127.0.0.1:6379',
  ]) {
    await assert.rejects(openStore(bad), (err: unknown) => {
      assert.ok(err instanceof ConfigError, `${bad}: ${String(err)}`);
      assert.equal(err.code, 'ERR_CONFIG');
      assert.match(
        err.message,
        /^STORE_URL must be file:\/\/DIR .* or postgres:\/\/user:password@host:port\/database/,
      );
      assert.ok(!err.message.includes('s3cret-pw'), err.message);
      return true;
    });
  }
  await assert.rejects(openStore('mysql://scraper:s3cret-pw@db.internal:3306/nba'), {
    message: /got mysql:\/\/scraper:\*\*\*@db\.internal:3306\/nba\.$/,
  });
});
