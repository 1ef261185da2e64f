import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanOf } from '../../../src/sources/basketball-reference/page-scan.ts';

const bytes = (html: string): Uint8Array => new TextEncoder().encode(html);

/** An ASCII page of about 300 KB with a tag straddling each window boundary at every offset 0..40. */
function pageWithTagsOnBoundaries(): string {
  const parts: string[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  for (let boundary = 65_536, shift = 0; boundary < 300_000; boundary += 65_536, shift += 9) {
    push('x'.repeat(boundary - length - shift));
    push(`<table id="t${boundary}">`); // starts `shift` characters before the boundary
    push('<td>cell</td></table><!-- c -->');
  }
  push('<div id="footer"></div></html>');
  return parts.join('');
}

test('a search of bytes window by window finds what a search of the text finds, tags on the window boundaries included', () => {
  const html = pageWithTagsOnBoundaries();
  const text = scanOf(html);
  const raw = scanOf(bytes(html));
  assert.equal(raw.length, text.length);
  for (const re of [/<(\/?)table\b[^>]*>/gi, /<div\b[^>]*\sid\s*=\s*["']?footer["'\s>/]/gi, /<!-- c -->/g]) {
    const want = [...text.matches(re)];
    assert.ok(want.length > 0);
    assert.deepEqual([...raw.matches(re)], want, String(re));
    assert.deepEqual(
      [...raw.matches(re, 70_000, 200_000)],
      [...text.matches(re, 70_000, 200_000)],
      String(re),
    );
  }
  const tables = [...raw.matches(/<table\b[^>]*>/gi)].map((m) => m.text);
  assert.deepEqual(tables, [
    '<table id="t65536">',
    '<table id="t131072">',
    '<table id="t196608">',
    '<table id="t262144">',
  ]);
  for (const at of [0, 65_530, 131_070, html.length - 1]) {
    assert.equal(raw.lastIndexOf('<!--', at), text.lastIndexOf('<!--', at), `<!-- before ${at}`);
  }
});

test('offsets in bytes count bytes: a multi-byte character before a tag moves it by its byte length', () => {
  const html = 'Jokić <b>x</b>';
  assert.deepEqual([...scanOf(bytes(html)).matches(/<b>/g)], [{ index: 7, text: '<b>' }]);
  assert.deepEqual([...scanOf(html).matches(/<b>/g)], [{ index: 6, text: '<b>' }]);
});
