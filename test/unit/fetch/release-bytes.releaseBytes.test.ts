/**
 * A page's bytes are freed at once when they own their ArrayBuffer; a slice of Node's shared
 * buffer pool, or of any larger buffer, is left as it is with its neighbours.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { releaseBytes } from '../../../src/fetch/release-bytes.ts';

test('bytes that own their ArrayBuffer are freed: every view becomes empty', () => {
  const page = Buffer.concat([Buffer.alloc(200_000, 0x61), Buffer.alloc(150_000, 0x62)]);
  const view = new Uint8Array(page.buffer, 1_000, 10);
  assert.equal(page.buffer.byteLength, 350_000);
  assert.equal(releaseBytes(page), true);
  assert.equal((page.buffer as ArrayBuffer).detached, true);
  assert.equal(page.byteLength, 0);
  assert.equal(view.byteLength, 0);
  assert.equal(releaseBytes(page), false, 'a second release has nothing left to free');
});

test("a slice of Node's buffer pool is left alone, and so are its neighbours", () => {
  const small = Buffer.from('<html>stub</html>');
  const neighbour = Buffer.from('another small body');
  assert.equal(small.buffer, neighbour.buffer, 'both are slices of the pool');
  assert.equal(releaseBytes(small), false);
  assert.equal(releaseBytes(neighbour), false);
  assert.equal(small.toString(), '<html>stub</html>');
  assert.equal(neighbour.toString(), 'another small body');
});

test('a view of part of a larger buffer is left alone', () => {
  const whole = new Uint8Array(100_000).fill(7);
  const part = whole.subarray(0, 50_000);
  assert.equal(releaseBytes(part), false);
  assert.equal(part.byteLength, 50_000);
  assert.equal(whole[99_999], 7);
});
