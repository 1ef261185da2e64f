/**
 * The rules follow the conventions: recording rules named level:metric:operations; every alert
 * with a severity (info, warning, critical), summary, description, runbook_url pointing at its
 * section of monitoring/runbook.md, and a `for`; every alert tested on both sides; every metric
 * they read exported by our processes, recorded, or provided by Prometheus / redis_exporter.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULE_TESTS } from '../../scripts/monitoring/alert-tests.ts';
import { runbookAnchor, runbookUrl } from '../../scripts/monitoring/config.ts';
import { EXTERNAL_SERIES, exportedNames, RECORDED_NAMES } from '../../scripts/monitoring/inventory.ts';
import { metricNames } from '../../scripts/monitoring/promql.ts';
import { ALERTS, RECORDING_RULES } from '../../scripts/monitoring/rules.ts';

const alerts = ALERTS.flatMap((g) => g.rules);
const recording = RECORDING_RULES.flatMap((g) => g.rules);

test('recording rules are named level:metric:operations', () => {
  for (const r of recording) assert.match(r.record, /^[a-z_]+:nba_scraper_[a-z0-9_]+:[a-z0-9_]+$/, r.record);
});

test('every alert has a severity, summary, description, runbook_url and for; all severities are used', () => {
  const names = new Set<string>();
  for (const a of alerts) {
    assert.match(a.alert, /^NbaScraper[A-Z][A-Za-z]+$/);
    assert.ok(!names.has(a.alert), `${a.alert} defined once`);
    names.add(a.alert);
    assert.ok(['info', 'warning', 'critical'].includes(a.labels.severity), a.alert);
    assert.match(a.for, /^\d+[smh]$/, `${a.alert} has a for`);
    assert.ok(a.annotations.summary.length > 10 && a.annotations.description.length > 20, a.alert);
    assert.equal(a.annotations.runbook_url, runbookUrl(a.alert));
  }
  assert.deepEqual([...new Set(alerts.map((a) => a.labels.severity))].sort(), [
    'critical',
    'info',
    'warning',
  ]);
});

test('the runbook has one section per alert, at the anchor its runbook_url names', () => {
  const runbook = readFileSync('monitoring/runbook.md', 'utf8');
  const headings = [...runbook.matchAll(/^## (.+)$/gm)].map((m) => m[1] as string);
  for (const a of alerts) {
    assert.ok(headings.includes(a.alert), `## ${a.alert} in monitoring/runbook.md`);
    assert.equal(runbookAnchor(a.alert), a.alert.toLowerCase());
  }
  assert.deepEqual(
    headings.sort(),
    alerts.map((a) => a.alert).sort(),
    'no section for an alert that does not exist',
  );
});

test('every alert has promtool cases where it is silent and where it fires', () => {
  const checks = RULE_TESTS.flatMap((t) => t.alert_rule_test ?? []);
  for (const a of alerts) {
    const mine = checks.filter((c) => c.alertname === a.alert);
    assert.ok(
      mine.some((c) => c.exp_alerts.length === 0),
      `${a.alert}: a silent case`,
    );
    assert.ok(
      mine.some((c) => c.exp_alerts.length > 0),
      `${a.alert}: a firing case`,
    );
  }
});

test('the rules read only exported, recorded or external series', async () => {
  const exported = await exportedNames();
  for (const r of [...recording.map((x) => x.expr), ...alerts.map((x) => x.expr)]) {
    for (const n of metricNames(r))
      assert.ok(exported.has(n) || RECORDED_NAMES.has(n) || EXTERNAL_SERIES.includes(n), `${n} in ${r}`);
  }
});
