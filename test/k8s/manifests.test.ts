/**
 * kubernetes/: the plain manifests for `kubectl apply -k` are generated from the chart and must
 * not drift from it; the base, the component and each overlay build with the real kubectl
 * kustomize and are valid against the API schemas; the overlays only patch the base.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { KUBERNETES_DIR, syncAll } from '../../scripts/k8s/generate.ts';
import { schemaProblems, strictFieldProblems } from '../../scripts/k8s/lib/k8s-validate.ts';
import { find, type K8sObject, kustomize } from '../../scripts/k8s/lib/render.ts';
import { REPO_ROOT } from '../../scripts/k8s/tools.ts';

const overlays = readdirSync(join(KUBERNETES_DIR, 'overlays')).sort();
const ids = (objs: readonly K8sObject[]): string[] => objs.map((o) => `${o.kind}/${o.metadata.name}`).sort();
const scratch = join(REPO_ROOT, '.tmp', `k8s-kustomize-${process.pid}`);

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('kubernetes/ is generated from the chart', () => {
  test('no drift: node scripts/k8s/generate.ts --check would pass', () => {
    const { changed } = syncAll(false);
    assert.deepEqual(changed, [], 'run `node scripts/k8s/generate.ts` and commit the result');
  });
});

describe('kubectl kustomize', () => {
  test('the base builds and is valid, with no Secret (credentials are created by the operator)', () => {
    const base = kustomize(join(KUBERNETES_DIR, 'base'));
    assert.deepEqual(schemaProblems(base, 'base'), []);
    assert.ok(base.length >= 15);
    assert.equal(base.filter((o) => o.kind === 'Secret').length, 0);
    assert.equal(
      find(base, 'Deployment', 'nba-scraper-worker').metadata.labels?.['app.kubernetes.io/managed-by'],
      'kustomize',
    );
    assert.equal(base.filter((o) => o.metadata.labels?.['helm.sh/chart']).length, 0);
  });

  test('overlays dev and prod build, keep every object of the base, and are valid', () => {
    assert.deepEqual(overlays, ['dev', 'prod']);
    const base = kustomize(join(KUBERNETES_DIR, 'base'));
    const built = overlays.map((o) => ({
      source: `overlay ${o}`,
      objects: kustomize(join(KUBERNETES_DIR, 'overlays', o)),
    }));
    for (const b of built) {
      assert.deepEqual(ids(b.objects), ids(base), `${b.source}: same objects as the base`);
      assert.deepEqual(schemaProblems(b.objects, b.source), []);
    }
    assert.deepEqual(strictFieldProblems([{ source: 'base', objects: base }, ...built]), []);
    const [dev, prod] = built.map((b) => b.objects);
    assert.equal(find(dev!, 'Deployment', 'nba-scraper-worker').metadata.namespace, 'nba-scraper-dev');
    assert.equal(find(dev!, 'CronJob', 'nba-scraper-producer').spec.suspend, true);
    assert.equal(find(dev!, 'ConfigMap', 'nba-scraper-config').data.LOG_LEVEL, 'debug');
    assert.equal(find(prod!, 'Deployment', 'nba-scraper-worker').spec.replicas, 2);
    assert.equal(find(prod!, 'Deployment', 'nba-scraper-worker').metadata.namespace, 'nba-scraper');
  });

  test('overlays only patch: their sole resource is the base', () => {
    for (const o of overlays) {
      const k = parse(readFileSync(join(KUBERNETES_DIR, 'overlays', o, 'kustomization.yaml'), 'utf8'));
      assert.deepEqual(k.resources, ['../../base'], o);
      const allowed = [
        'apiVersion',
        'kind',
        'namespace',
        'resources',
        'labels',
        'patches',
        'images',
        'components',
      ];
      for (const key of Object.keys(k)) assert.ok(allowed.includes(key), `${o}: ${key} is not a patch`);
    }
  });

  test('the prometheus-operator component adds the ServiceMonitors to an overlay', () => {
    const dir = join(scratch, 'with-monitoring');
    mkdirSync(dir, { recursive: true });
    const rel = (p: string): string => relative(dir, join(KUBERNETES_DIR, p));
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${rel('overlays/prod')}\ncomponents:\n  - ${rel('components/prometheus-operator')}\n`,
    );
    const objects = kustomize(dir);
    const monitors = objects.filter((o) => o.kind === 'ServiceMonitor');
    assert.deepEqual(ids(monitors), [
      'ServiceMonitor/nba-scraper-exporter',
      'ServiceMonitor/nba-scraper-redis',
      'ServiceMonitor/nba-scraper-worker',
    ]);
    assert.deepEqual(schemaProblems(objects, 'prod + prometheus-operator'), []);
  });
});
