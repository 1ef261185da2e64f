import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvRecord, jsonRecord } from '../../../src/store/csv.ts';

test('plain values are written bare: numbers, booleans, text', () => {
  assert.equal(csvField('TOR'), 'TOR');
  assert.equal(csvField(131), '131');
  assert.equal(csvField(0.586), '0.586');
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(true), 'true');
  assert.equal(csvField(false), 'false');
  assert.equal(csvField('Jonas Valančiūnas'), 'Jonas Valančiūnas');
  assert.equal(csvField(" O'Quinn "), " O'Quinn ");
});

test('null is an empty field, the empty string a quoted empty field', () => {
  assert.equal(csvField(null), '');
  assert.equal(csvField(''), '""');
});

test('commas, quotes, CR and LF are quoted; inner quotes doubled (RFC 4180)', () => {
  assert.equal(csvField('Toronto, Canada'), '"Toronto, Canada"');
  assert.equal(csvField('Kristaps "KP"'), '"Kristaps ""KP"""');
  assert.equal(csvField('"'), '""""');
  assert.equal(csvField('line\nbreak'), '"line\nbreak"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField('a\r\nb'), '"a\r\nb"');
});

test('records end with CRLF; JSON lines keep column order', () => {
  assert.equal(csvRecord(['a', null, 1, 'x,y', '']), 'a,,1,"x,y",""\r\n');
  assert.equal(csvRecord([]), '\r\n');
  assert.equal(jsonRecord(['b', 'a', 'c'], ['x', null, 0.5]), '{"b":"x","a":null,"c":0.5}\n');
});

test('a quoted record parses back to its fields', () => {
  const fields = ['Tim Hardaway, Jr.', 'say "hi"', 'two\r\nlines', '', 'plain'];
  const line = csvRecord(fields);
  // A minimal RFC 4180 reader, enough to check the writer round-trips.
  const out: string[] = [];
  let i = 0;
  while (i < line.length - 2) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      out.push(v);
    } else {
      let j = i;
      while (line[j] !== ',' && !(line[j] === '\r' && j === line.length - 2)) j++;
      out.push(line.slice(i, j));
      i = j;
    }
    if (line[i] === ',') i++;
  }
  assert.deepEqual(out, fields);
});
