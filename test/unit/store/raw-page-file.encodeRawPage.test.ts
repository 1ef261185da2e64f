import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  encodeRawPage,
  parseRawPageFileName,
  rawPageFileName,
  readRawPageMeta,
  urlFromSafeName,
  urlSafeName,
} from '../../../src/store/raw-page-file.ts';

const meta = {
  url: 'https://www.basketball-reference.com/players/v/valanjo01.html?name=Valančiūnas',
  fetchedAt: '2024-05-02T10:00:00.456Z',
  status: 200,
  season: 2018,
  kind: 'boxscore',
};
const body = '<html><body>Jonas Valančiūnas — 12 pts</body></html>';

test('an archived page is standard gzip with its metadata in the header comment', async () => {
  const gz = await encodeRawPage(body, meta);
  assert.equal(gunzipSync(gz).toString('utf8'), body);
  assert.deepEqual(readRawPageMeta(gz), meta);
  assert.ok((await encodeRawPage(body, meta)).equals(gz), 'same input, same bytes');
  const gzip = spawnSync('gzip', ['-dc'], { input: gz });
  if (gzip.error === undefined) {
    assert.equal(gzip.status, 0, gzip.stderr.toString());
    assert.equal(gzip.stdout.toString('utf8'), body);
  }
  assert.equal(readRawPageMeta(gunzipSync(gz)), null);
  assert.equal(readRawPageMeta(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])), null);
});

test('file names: reversible URL part, @, ISO time; long URLs shortened with a hash', () => {
  const name = rawPageFileName('https://x.test/a b/c?d=e@f', new Date('2024-01-02T03:04:05.006Z'));
  assert.equal(name, 'https%3A%2F%2Fx.test%2Fa%20b%2Fc%3Fd%3De%40f@2024-01-02T03:04:05.006Z.html.gz');
  assert.ok(!name.includes('/'));
  const parsed = parseRawPageFileName(name)!;
  assert.equal(parsed.time, '2024-01-02T03:04:05.006Z');
  assert.equal(urlFromSafeName(parsed.name), 'https://x.test/a b/c?d=e@f');
  assert.equal(parseRawPageFileName(`.${name}.1-2.tmp`), null);
  assert.equal(parseRawPageFileName('notes.txt'), null);
  const long = `https://x.test/${'y'.repeat(500)}`;
  const short = urlSafeName(long);
  assert.ok(short.length <= 180);
  assert.equal(urlFromSafeName(short), null);
  assert.notEqual(urlSafeName(`${long}z`), short);
  assert.ok(Buffer.byteLength(rawPageFileName(long, new Date(0))) < 255);
});
