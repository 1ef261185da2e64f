/**
 * The chart's pod labels make good Loki stream labels, as monitoring/loki/config.alloy keeps them
 * (scripts/monitoring/loki.ts): every pod of every rendering carries app.kubernetes.io/name (the
 * value the collector selects and the Logs dashboard queries), instance (the release) and
 * component (one of a handful), so the streams are few, stable across upgrades, and cover every
 * container the chart runs.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { RELEASE } from '../../scripts/k8s/lib/render.ts';
import { MONITORING } from '../../scripts/monitoring/config.ts';
import { lokiLabel, POD_LABELS } from '../../scripts/monitoring/loki.ts';
import { podSpecOf, type Rendering, renderings } from './chart-fixtures.ts';

let all: Rendering[];
before(() => {
  all = renderings();
});

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
function podLabels(o: any): Record<string, string> {
  switch (o.kind) {
    case 'CronJob':
      return o.spec.jobTemplate.spec.template.metadata?.labels ?? {};
    case 'Pod':
      return o.metadata.labels ?? {};
    default:
      return o.spec.template.metadata?.labels ?? {};
  }
}

test('every pod carries the three stream labels: our name, the release, its component', () => {
  const components = new Set<string>();
  let pods = 0;
  for (const r of all) {
    for (const o of r.objects.filter((x) => podSpecOf(x) !== null)) {
      const labels = podLabels(o);
      const where = `${r.source}: ${o.kind}/${o.metadata.name}`;
      for (const l of POD_LABELS) assert.ok(labels[l], `${where} has ${l}`);
      assert.equal(labels['app.kubernetes.io/name'], MONITORING.logsAppName, where);
      assert.equal(labels['app.kubernetes.io/instance'], RELEASE, where);
      components.add(labels['app.kubernetes.io/component'] as string);
      pods++;
    }
  }
  assert.ok(pods > 20, `${pods} pod templates`);
  assert.ok(components.has('worker') && components.has('exporter'), [...components].join(', '));
  assert.ok(components.size <= 8, `few components: ${[...components].join(', ')}`);
});

test("the labels' Loki names are valid and distinct", () => {
  const names = POD_LABELS.map(lokiLabel);
  for (const n of names) assert.match(n, /^[a-zA-Z_][a-zA-Z0-9_]*$/);
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(names, [
    'app_kubernetes_io_name',
    'app_kubernetes_io_instance',
    'app_kubernetes_io_component',
  ]);
});
