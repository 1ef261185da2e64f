/**
 * The metric catalog follows Prometheus conventions: one prefix, counters end in `_total`, units in
 * the name, histograms with buckets (never summaries), no unbounded label, no name exported by both
 * the workers and the exporter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_METRICS, METRIC_PREFIX, STATUS_CLASSES, statusClass } from '../../../src/metrics/catalog.ts';

test('every metric has the prefix, a help text and a unique name', () => {
  const names = new Set<string>();
  for (const m of ALL_METRICS) {
    assert.ok(m.name.startsWith(METRIC_PREFIX), m.name);
    assert.match(m.name, /^[a-z_][a-z0-9_]*$/, m.name);
    assert.ok(m.help.length > 10, `${m.name} has a help text`);
    assert.ok(!names.has(m.name), `${m.name} defined once`);
    names.add(m.name);
  }
});

test('counters end in _total, nothing else does; histograms have increasing buckets and a unit', () => {
  for (const m of ALL_METRICS) {
    assert.equal(m.name.endsWith('_total'), m.type === 'counter', m.name);
    if (m.type === 'histogram') {
      const b = m.buckets ?? [];
      assert.ok(b.length >= 5, `${m.name} has buckets`);
      for (let i = 1; i < b.length; i++) assert.ok((b[i] as number) > (b[i - 1] as number), m.name);
      assert.match(m.name, /_(seconds|bytes)$/, `${m.name} says its unit`);
    } else assert.equal(m.buckets, undefined, m.name);
    assert.ok(!/_(milliseconds|ms|kb|mb)(_|$)/.test(m.name), `${m.name} uses base units`);
  }
});

test('no label takes unbounded values (URL, path, game or job id)', () => {
  const forbidden = /^(url|path|game_?id|job_?id|id|message|reason|err(or)?)$/i;
  for (const m of ALL_METRICS) {
    for (const l of m.labels) assert.ok(!forbidden.test(l), `${m.name} label ${l}`);
    assert.equal(new Set(m.labels).size, m.labels.length, `${m.name} labels unique`);
  }
});

test('the workers never export a global value: queue, season and host-hold metrics come from the exporter only', () => {
  for (const m of ALL_METRICS) {
    if (/_(queue|season|host)_/.test(m.name.slice(METRIC_PREFIX.length - 1)))
      assert.equal(m.role, 'exporter', m.name);
  }
});

test('statusClass maps statuses to classes and anything else to error', () => {
  assert.deepEqual([200, 204, 301, 404, 429, 500, 503, undefined, 0, 99, 600, Number.NaN].map(statusClass), [
    '2xx',
    '2xx',
    '3xx',
    '4xx',
    '4xx',
    '5xx',
    '5xx',
    'error',
    'error',
    'error',
    'error',
    'error',
  ]);
  assert.deepEqual([...STATUS_CLASSES], ['2xx', '3xx', '4xx', '5xx', 'error']);
});
