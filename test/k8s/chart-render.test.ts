/**
 * The Helm chart with the real helm (v4): lint, render with the defaults and every
 * ci/*-values.yaml, and validate every rendered object against the Kubernetes API schemas,
 * CRDs included, unknown fields included. Bad values fail the render with every problem listed.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { schemaProblems, strictFieldProblems } from '../../scripts/k8s/lib/k8s-validate.ts';
import { find, helmLint, helmTemplate, helmTemplateRaw } from '../../scripts/k8s/lib/render.ts';
import { ensureK8sTools } from '../../scripts/k8s/tools.ts';
import { ciValuesFiles, type Rendering, renderings } from './chart-fixtures.ts';

let all: Rendering[];

before(() => {
  ensureK8sTools();
  all = renderings();
});

describe('helm lint', () => {
  test('passes (--strict) with the defaults and with every ci values file', () => {
    assert.ok(ciValuesFiles().length >= 10, 'one ci values file per feature');
    for (const file of [null, ...ciValuesFiles()]) {
      const r = helmLint({ valuesFiles: file ? [file] : [] });
      assert.equal(r.code, 0, `${file ?? 'defaults'}:\n${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /1 chart\(s\) linted, 0 chart\(s\) failed/);
    }
  });
});

describe('helm template', () => {
  test('renders the expected objects with the defaults', () => {
    const objects = all[0]!.objects;
    const names = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    for (const want of [
      'Deployment/nba-scraper-worker',
      'Deployment/nba-scraper-exporter',
      'Service/nba-scraper-worker',
      'Service/nba-scraper-exporter',
      'ServiceAccount/nba-scraper',
      'ConfigMap/nba-scraper-config',
      'Secret/nba-scraper-credentials',
      'PodDisruptionBudget/nba-scraper-worker',
      'NetworkPolicy/nba-scraper-worker',
      'CronJob/nba-scraper-producer',
      'StatefulSet/nba-scraper-redis',
      'StatefulSet/nba-scraper-postgresql',
      'Pod/nba-scraper-test-status',
    ]) {
      assert.ok(names.includes(want), `${want} missing from ${names.join(', ')}`);
    }
    // No Prometheus Operator API, no KEDA: none of their objects.
    assert.equal(objects.filter((o) => /coreos|keda/.test(o.apiVersion)).length, 0);
  });

  test('every rendering is valid against the Kubernetes API schemas, CRDs included', () => {
    const problems = all.flatMap((r) => schemaProblems(r.objects, r.source));
    assert.deepEqual(problems, []);
    const kinds = new Set(all.flatMap((r) => r.objects.map((o) => `${o.apiVersion} ${o.kind}`)));
    for (const crd of [
      'monitoring.coreos.com/v1 ServiceMonitor',
      'keda.sh/v1alpha1 ScaledObject',
      'monitoring.coreos.com/v1 PrometheusRule',
      'autoscaling/v2 HorizontalPodAutoscaler',
    ]) {
      assert.ok(kinds.has(crd), `no ci values file renders ${crd}`);
    }
  });

  test('no rendered object has a field the API does not know (kubectl --validate=strict)', () => {
    assert.deepEqual(strictFieldProblems(all), []);
  });

  test('the validator does catch a wrong type and an unknown field', () => {
    const objects = structuredClone(all[0]!.objects);
    const worker = find(objects, 'Deployment', 'nba-scraper-worker');
    worker.spec.template.spec.containers[0].ports[0].containerPort = 'nine';
    const exporter = find(objects, 'Deployment', 'nba-scraper-exporter');
    exporter.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    const schema = schemaProblems(objects, 'mutated');
    assert.equal(schema.length, 1);
    assert.match(schema[0]!.message, /containerPort must be integer/);
    const strict = strictFieldProblems([{ source: 'mutated', objects }]);
    assert.equal(strict.length, 2, JSON.stringify(strict));
    assert.ok(
      strict.some((p) => /imagePullPolicyy/.test(p.message) && /nba-scraper-exporter/.test(p.object)),
    );
    assert.ok(strict.some((p) => /containerPort/.test(p.message) && /nba-scraper-worker/.test(p.object)));
  });

  test('with the Prometheus Operator API reported by the cluster, ServiceMonitors appear', () => {
    const objects = helmTemplate({ apiVersions: ['monitoring.coreos.com/v1'] });
    const monitors = objects.filter((o) => o.kind === 'ServiceMonitor').map((o) => o.metadata.name);
    assert.deepEqual(monitors.sort(), ['nba-scraper-exporter', 'nba-scraper-redis', 'nba-scraper-worker']);
  });

  test('generated passwords agree between the Secret and the URLs built from them', () => {
    const secret = find(all[0]!.objects, 'Secret', 'nba-scraper-credentials');
    const dec = (k: string): string => Buffer.from(secret.data[k], 'base64').toString();
    const redisPw = dec('redis-password');
    const pgPw = dec('postgres-password');
    assert.match(redisPw, /^[A-Za-z0-9]{32}$/);
    assert.equal(dec('REDIS_URL'), `redis://:${redisPw}@nba-scraper-redis:6379/0`);
    assert.equal(dec('STORE_URL'), `postgres://nba:${pgPw}@nba-scraper-postgresql:5432/nba`);
    assert.equal(secret.metadata.annotations?.['helm.sh/resource-policy'], 'keep');
  });
});

describe('bad values', () => {
  test('fail with every problem listed at once', () => {
    const r = helmTemplateRaw({
      set: {
        'worker.terminationGracePeriodSeconds': '20',
        'autoscaling.mode': 'keda',
        'autoscaling.minReplicas': '5',
        'autoscaling.maxReplicas': '2',
        'store.type': 'external',
      },
    });
    assert.notEqual(r.code, 0);
    assert.match(
      r.stderr,
      /worker\.terminationGracePeriodSeconds \(20 s\) must exceed config\.SHUTDOWN_BUDGET_MS/,
    );
    assert.match(r.stderr, /autoscaling\.minReplicas \(5\) is above autoscaling\.maxReplicas \(2\)/);
    assert.match(r.stderr, /no keda\.sh\/v1alpha1 API/);
    assert.match(r.stderr, /store\.type=external: set externalDatabase\.url/);
  });

  test('the schema rejects settings the app does not read and settings the chart manages', () => {
    const unknown = helmTemplateRaw({ set: { 'config.NOT_A_SETTING': 'x' } });
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /NOT_A_SETTING/);
    const managed = helmTemplateRaw({ set: { 'config.REDIS_URL': 'redis://elsewhere:6379' } });
    assert.notEqual(managed.code, 0);
    assert.match(managed.stderr, /REDIS_URL/);
    const typo = helmTemplateRaw({ set: { 'worker.replicaCont': '3' } });
    assert.notEqual(typo.code, 0);
    assert.match(typo.stderr, /replicaCont/);
  });

  test('a file store shared by several workers needs a claim', () => {
    const r = helmTemplateRaw({ set: { 'store.type': 'file', 'worker.replicaCount': '2' } });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /store\.file\.existingClaim/);
  });
});
