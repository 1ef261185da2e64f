/**
 * What the docs say about logs in Loki agrees with what is generated: every LogQL example of
 * docs/operations.md and monitoring/runbook.md parses with Grafana's LogQL grammar, and the
 * Promtail example keeps the same stream labels, from the same pods, as the generated Alloy
 * configuration (monitoring/loki/config.alloy, from scripts/monitoring/loki.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { MONITORING } from '../../scripts/monitoring/config.ts';
import { logqlErrors } from '../../scripts/monitoring/logql.ts';
import { LINE_LABELS, lokiLabel, METADATA_LABELS, POD_LABELS } from '../../scripts/monitoring/loki.ts';

const operations = readFileSync('docs/operations.md', 'utf8');
const section = operations.slice(operations.indexOf('## Logs in Loki'));
const logsSection = section.slice(0, section.indexOf('\n## ', 1));
const blocks = (lang: string): string[] =>
  [...logsSection.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] as string);

const STREAM_LABELS = [...Object.keys(METADATA_LABELS), ...POD_LABELS.map(lokiLabel)].sort();

test('every LogQL example of the docs and the runbook parses (Grafana LogQL grammar)', () => {
  const examples = blocks('logql').map((b) => b.trim());
  const runbook = readFileSync('monitoring/runbook.md', 'utf8');
  examples.push(...[...runbook.matchAll(/`(\{app_kubernetes_io_name=[^`]*)`/g)].map((m) => m[1] as string));
  assert.ok(examples.length >= 5, `${examples.length} examples`);
  for (const q of examples) assert.deepEqual(logqlErrors(q), [], `not LogQL: ${q}`);
});

test('the generated Alloy configuration keeps exactly the stream labels of scripts/monitoring/loki.ts', () => {
  const alloy = readFileSync('monitoring/loki/config.alloy', 'utf8');
  const targets = [...alloy.matchAll(/target_label\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(targets.sort(), STREAM_LABELS);
  assert.ok(alloy.includes(`label = "app.kubernetes.io/name=${MONITORING.logsAppName}"`));
});

test('the Promtail example keeps the same labels from the same pods', () => {
  const [yaml] = blocks('yaml');
  assert.ok(yaml, 'a Promtail scrape config in docs/operations.md');
  const [job] = parse(yaml).scrape_configs;
  assert.equal(
    job.kubernetes_sd_configs[0].selectors[0].label,
    `app.kubernetes.io/name=${MONITORING.logsAppName}`,
  );
  const relabels = job.relabel_configs.filter((r: { target_label: string }) => r.target_label !== '__path__');
  assert.deepEqual(relabels.map((r: { target_label: string }) => r.target_label).sort(), STREAM_LABELS);
  for (const r of relabels)
    assert.deepEqual(
      r.source_labels,
      [
        (METADATA_LABELS as Record<string, string>)[r.target_label] ??
          `__meta_kubernetes_pod_label_${r.target_label}`,
      ],
      r.target_label,
    );
  const labelStage = job.pipeline_stages.find((s: Record<string, unknown>) => 'labels' in s);
  assert.deepEqual(Object.keys(labelStage.labels), [...LINE_LABELS]);
});
