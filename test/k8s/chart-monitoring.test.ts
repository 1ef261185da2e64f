/**
 * One source for the monitoring files: the chart's files/monitoring is a symlink to the
 * project's monitoring/ folder, and the real helm follows it. The PrometheusRule carries exactly
 * the rule groups of monitoring/prometheus/*.yaml, the dashboard ConfigMaps exactly the
 * dashboards of monitoring/grafana/*.json, `helm package` ships their content, and the job names
 * the rules select are the ones the ServiceMonitors produce.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { CHART_DIR, find, helmTemplate, type K8sObject } from '../../scripts/k8s/lib/render.ts';
import { ensureK8sTools, REPO_ROOT, untar } from '../../scripts/k8s/tools.ts';

const MONITORING = join(REPO_ROOT, 'monitoring');
const ruleFiles = (): string[] =>
  readdirSync(join(MONITORING, 'prometheus'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
const dashboards = (): string[] =>
  readdirSync(join(MONITORING, 'grafana'))
    .filter((f) => f.endsWith('.json'))
    .sort();

// biome-ignore lint/suspicious/noExplicitAny: rule files are free-form YAML
function ruleGroups(): any[] {
  return ruleFiles().flatMap(
    (f) => parse(readFileSync(join(MONITORING, 'prometheus', f), 'utf8'))?.groups ?? [],
  );
}

let rendered: K8sObject[] | undefined;
const monitoringRender = (): K8sObject[] => {
  rendered ??= helmTemplate({ valuesFiles: [join(CHART_DIR, 'ci', 'monitoring-values.yaml')] });
  return rendered;
};

describe('files/monitoring', () => {
  test('is a symlink to the project monitoring/ folder (no copy to drift)', () => {
    const link = join(CHART_DIR, 'files', 'monitoring');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(realpathSync(link), realpathSync(MONITORING));
  });

  test('the PrometheusRule holds exactly the rule groups of monitoring/prometheus/*.yaml', () => {
    const groups = ruleGroups();
    assert.ok(groups.length > 0, 'monitoring/prometheus has rule groups');
    const rule = find(monitoringRender(), 'PrometheusRule', 'nba-scraper');
    assert.deepEqual(rule.spec.groups, groups);
    assert.equal(rule.metadata.labels?.release, 'kube-prometheus-stack');
    for (const g of rule.spec.groups) {
      for (const r of g.rules.filter((x: { alert?: string }) => x.alert)) {
        assert.ok(r.labels?.severity && r.annotations?.runbook_url, `${r.alert}: severity and runbook`);
      }
    }
  });

  test('one dashboard ConfigMap per monitoring/grafana/*.json, for the Grafana sidecar, byte for byte', () => {
    const files = dashboards();
    assert.ok(files.length > 0);
    const maps = monitoringRender().filter(
      (o) => o.kind === 'ConfigMap' && /-dashboard-/.test(o.metadata.name),
    );
    assert.equal(maps.length, files.length);
    for (const f of files) {
      const cm = maps.find((m) => f in (m.data ?? {}));
      assert.ok(cm, `${f} has a ConfigMap`);
      assert.equal(cm.metadata.labels?.grafana_dashboard, '1');
      assert.equal(cm.metadata.annotations?.grafana_folder, 'nba-scraper');
      assert.equal(cm.data[f], readFileSync(join(MONITORING, 'grafana', f), 'utf8').replace(/\n$/, ''));
      JSON.parse(cm.data[f]);
    }
  });

  test("the jobs the rules select are the ServiceMonitors' job labels", () => {
    const objects = monitoringRender();
    const jobs = new Set<string>();
    for (const sm of objects.filter((o) => o.kind === 'ServiceMonitor')) {
      assert.equal(sm.spec.jobLabel, 'nba-scraper/job');
      const svc = objects.find(
        (o) =>
          o.kind === 'Service' &&
          Object.entries(sm.spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v) &&
          o.spec.clusterIP !== 'None',
      );
      assert.ok(svc, `${sm.metadata.name} selects a Service`);
      jobs.add(svc.metadata.labels!['nba-scraper/job']!);
    }
    const text = ruleFiles()
      .map((f) => readFileSync(join(MONITORING, 'prometheus', f), 'utf8'))
      .join('\n');
    const referenced = [...text.matchAll(/\bjob=~?"([^"]+)"/g)].flatMap((m) => m[1]!.split('|'));
    assert.ok(referenced.length > 0);
    for (const j of referenced)
      assert.ok(jobs.has(j), `rules select job="${j}"; ServiceMonitors give ${[...jobs].join(', ')}`);
  });

  test('`helm package` ships the files themselves', () => {
    const tools = ensureK8sTools();
    const out = mkdtempSync(join(tmpdir(), 'nba-chart-'));
    try {
      const r = spawnSync(tools.helm, ['package', CHART_DIR, '-d', out], {
        env: tools.env,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      const tgz = readdirSync(out).find((f) => f.endsWith('.tgz'))!;
      const files = untar(gunzipSync(readFileSync(join(out, tgz))));
      for (const f of ruleFiles()) {
        const packed = files.get(`nba-scraper/files/monitoring/prometheus/${f}`);
        assert.ok(packed, `${f} in the package`);
        assert.equal(Buffer.from(packed).toString(), readFileSync(join(MONITORING, 'prometheus', f), 'utf8'));
      }
      for (const f of dashboards()) assert.ok(files.has(`nba-scraper/files/monitoring/grafana/${f}`));
      assert.ok(
        ![...files.keys()].some((k) => /files\/monitoring\/(runbook|loki\/|prometheus\/tests\/)/.test(k)),
        'only what the chart uses',
      );
      assert.ok(files.has('nba-scraper/values.schema.json'));
      assert.ok(![...files.keys()].some((k) => k.includes('/ci/')), 'ci values stay out of the package');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
