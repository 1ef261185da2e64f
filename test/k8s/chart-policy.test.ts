/**
 * What the chart promises, checked on every rendering (defaults and each ci values file):
 * secure pods, probes on the app's real routes and port, only settings the app knows, the
 * shutdown budget inside the grace period, Redis as BullMQ needs it, the network policies,
 * rolling on config changes, and values documented and in sync with the app's settings table.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { expectedOperationsDoc, expectedReadme, expectedSchema } from '../../scripts/k8s/generate.ts';
import {
  appEnvNames,
  CHART_MANAGED_ENV,
  configSchemaProperties,
} from '../../scripts/k8s/lib/chart-settings.ts';
import { execForm, lastOf, parseDockerfile } from '../../scripts/k8s/lib/dockerfile.ts';
import { CHART_DIR, find, helmTemplate, type K8sObject } from '../../scripts/k8s/lib/render.ts';
import { parseValuesDoc, undocumented } from '../../scripts/k8s/lib/values-doc.ts';
import { REPO_ROOT } from '../../scripts/k8s/tools.ts';
import { SETTINGS } from '../../src/config.ts';
import { WORKER_NODE_FLAGS } from '../../src/local/processes/worker-node-flags.ts';
import { APP_COMPONENTS, componentOf, podSpecOf, type Rendering, renderings } from './chart-fixtures.ts';

let all: Rendering[];
before(() => {
  all = renderings();
});

function pods(r: Rendering): { o: K8sObject; spec: ReturnType<typeof podSpecOf> }[] {
  return r.objects.map((o) => ({ o, spec: podSpecOf(o) })).filter((p) => p.spec !== null);
}

function configMapData(r: Rendering): Record<string, string> {
  return find(r.objects, 'ConfigMap', 'nba-scraper-config').data;
}

const appDefault = (env: string): string => {
  const s = Object.values(SETTINGS).find((x) => x.env === env);
  if (!s) throw new Error(`${env} is no setting`);
  return 'shownDefault' in s && s.shownDefault !== undefined ? s.shownDefault : String(s.default);
};

describe('security defaults', () => {
  test('every pod: non-root, read-only root, no privilege escalation, no capabilities, seccomp, no API token', () => {
    for (const r of all) {
      for (const { o, spec } of pods(r)) {
        const where = `${r.source}: ${o.kind}/${o.metadata.name}`;
        assert.equal(spec.securityContext?.runAsNonRoot, true, where);
        assert.ok(spec.securityContext?.runAsUser > 0, where);
        assert.equal(spec.securityContext?.seccompProfile?.type, 'RuntimeDefault', where);
        assert.equal(spec.automountServiceAccountToken, false, where);
        for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
          const sc = c.securityContext ?? {};
          assert.equal(sc.readOnlyRootFilesystem, true, `${where} ${c.name}`);
          assert.equal(sc.allowPrivilegeEscalation, false, `${where} ${c.name}`);
          assert.equal(sc.privileged, false, `${where} ${c.name}`);
          assert.deepEqual(sc.capabilities?.drop, ['ALL'], `${where} ${c.name}`);
          assert.ok(
            c.resources?.requests?.memory && c.resources?.limits?.memory,
            `${where} ${c.name}: memory`,
          );
          assert.ok(c.resources?.requests?.cpu, `${where} ${c.name}: cpu request`);
        }
      }
      const sa = r.objects.find((o) => o.kind === 'ServiceAccount');
      if (sa) assert.equal(sa.automountServiceAccountToken, false, r.source);
    }
  });

  test('app pods write only to /tmp (an emptyDir) and the file store volume', () => {
    for (const r of all) {
      for (const { o, spec } of pods(r).filter((p) => APP_COMPONENTS.includes(componentOf(p.o) ?? ''))) {
        const c = spec.containers[0];
        const mounts = (c.volumeMounts ?? []).map((m: { mountPath: string }) => m.mountPath).sort();
        const want =
          componentOf(o) === 'worker' && r.values.store.type === 'file' ? ['/data', '/tmp'] : ['/tmp'];
        assert.deepEqual(mounts, want, `${r.source}: ${o.kind}/${o.metadata.name}`);
        const tmp = spec.volumes.find((v: { name: string }) => v.name === 'tmp');
        assert.ok(tmp?.emptyDir, `${r.source}: /tmp is an emptyDir`);
      }
    }
  });

  test('workers: rolling update without losing capacity, topology spread, PodDisruptionBudget', () => {
    const r = all[0]!;
    const worker = find(r.objects, 'Deployment', 'nba-scraper-worker');
    assert.equal(worker.spec.strategy.type, 'RollingUpdate');
    assert.equal(worker.spec.strategy.rollingUpdate.maxUnavailable, 0);
    const keys = worker.spec.template.spec.topologySpreadConstraints.map(
      (t: { topologyKey: string }) => t.topologyKey,
    );
    assert.deepEqual(keys, ['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    const pdb = find(r.objects, 'PodDisruptionBudget', 'nba-scraper-worker');
    assert.equal(pdb.spec.maxUnavailable, 1);
    assert.deepEqual(pdb.spec.selector.matchLabels, worker.spec.selector.matchLabels);
    // The exporter is a single replica that never runs twice.
    const exporter = find(r.objects, 'Deployment', 'nba-scraper-exporter');
    assert.equal(exporter.spec.replicas, 1);
    assert.equal(exporter.spec.strategy.type, 'Recreate');
  });
});

describe('probes and ports', () => {
  test('worker and exporter probe /healthz and /readyz on the port named metrics = METRICS_PORT = metrics.port', () => {
    for (const r of all) {
      const env = configMapData(r);
      for (const name of ['nba-scraper-worker', 'nba-scraper-exporter']) {
        const d = r.objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
        if (!d) continue;
        const c = d.spec.template.spec.containers[0];
        const port = c.ports.find((p: { name: string }) => p.name === 'metrics');
        assert.equal(port.containerPort, r.values.metrics.port, `${r.source} ${name}`);
        assert.equal(env.METRICS_PORT, String(r.values.metrics.port));
        assert.equal(env.METRICS_HOST, '0.0.0.0', 'listening beyond loopback, or the kubelet cannot probe');
        const probes: Record<string, { httpGet: { path: string; port: string } } | undefined> = {
          startupProbe: c.startupProbe,
          livenessProbe: c.livenessProbe,
          readinessProbe: c.readinessProbe,
        };
        const want: Record<string, string> = {
          startupProbe: '/healthz',
          livenessProbe: '/healthz',
          readinessProbe: '/readyz',
        };
        for (const [kind, probe] of Object.entries(probes)) {
          const enabled = r.values.worker[kind].enabled;
          assert.equal(probe !== undefined, enabled, `${r.source} ${name} ${kind}`);
          if (!probe) continue;
          assert.equal(probe.httpGet.path, want[kind]);
          assert.equal(probe.httpGet.port, 'metrics');
        }
        const svc = find(r.objects, 'Service', name);
        assert.deepEqual(
          svc.spec.ports.map((p: { name: string; port: number; targetPort: string }) => [
            p.name,
            p.port,
            p.targetPort,
          ]),
          [['metrics', r.values.metrics.port, 'metrics']],
        );
      }
    }
  });

  test('a different metrics.port moves the container port, METRICS_PORT and the Service together', () => {
    const objects = helmTemplate({ set: { 'metrics.port': '9100' } });
    const c = find(objects, 'Deployment', 'nba-scraper-worker').spec.template.spec.containers[0];
    assert.equal(c.ports[0].containerPort, 9100);
    assert.equal(find(objects, 'ConfigMap', 'nba-scraper-config').data.METRICS_PORT, '9100');
    assert.equal(find(objects, 'Service', 'nba-scraper-worker').spec.ports[0].port, 9100);
  });
});

describe('settings', () => {
  test('every environment variable an app container gets is a setting of src/config.ts', () => {
    const known = new Set(appEnvNames());
    for (const r of all) {
      const cm = configMapData(r);
      for (const { o, spec } of pods(r).filter((p) => APP_COMPONENTS.includes(componentOf(p.o) ?? ''))) {
        for (const c of spec.containers) {
          const names = [
            ...(c.env ?? []).map((e: { name: string }) => e.name),
            ...(c.envFrom ?? []).flatMap((f: { configMapRef?: { name: string } }) => {
              assert.equal(f.configMapRef?.name, 'nba-scraper-config', 'only the chart ConfigMap');
              return Object.keys(cm);
            }),
          ];
          assert.ok(names.includes('REDIS_URL'), `${r.source} ${o.metadata.name}: REDIS_URL`);
          for (const n of names)
            assert.ok(
              known.has(n),
              `${r.source}: ${o.kind}/${o.metadata.name} sets ${n}, unknown to the app`,
            );
        }
      }
    }
  });

  test("the worker container runs the image's entry point with the workers' V8 flags; no container sets NODE_OPTIONS", () => {
    const entry = execForm(
      lastOf(
        parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).stages.at(-1)!,
        'ENTRYPOINT',
      ),
    );
    for (const r of all) {
      for (const { o, spec } of pods(r)) {
        for (const c of spec.containers) {
          const where = `${r.source}: ${o.kind}/${o.metadata.name} ${c.name}`;
          assert.equal(
            (c.env ?? []).find((e: { name: string }) => e.name === 'NODE_OPTIONS'),
            undefined,
            `${where}: NODE_OPTIONS (it does not take every V8 flag)`,
          );
          const flags: string[] = r.values.worker.nodeFlags ?? [];
          if (componentOf(o) === 'worker' && c.name === 'worker' && flags.length > 0) {
            assert.deepEqual(c.command, [entry[0], ...flags, ...entry.slice(1)], where);
          } else if (APP_COMPONENTS.includes(componentOf(o) ?? '')) {
            assert.equal(c.command, undefined, `${where}: the image's entry point`);
          }
        }
      }
    }
    assert.deepEqual(all[0]!.values.worker.nodeFlags, WORKER_NODE_FLAGS, 'values.yaml default');
  });

  test('worker.nodeFlags: [] runs the image entry point as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nba-chart-'));
    try {
      writeFileSync(join(dir, 'values.yaml'), 'worker:\n  nodeFlags: []\n');
      const worker = find(
        helmTemplate({ valuesFiles: [join(dir, 'values.yaml')] }),
        'Deployment',
        'nba-scraper-worker',
      );
      assert.equal(podSpecOf(worker).containers[0].command, undefined);
      assert.deepEqual(podSpecOf(worker).containers[0].args, ['worker']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the settings the chart leaves to values.config are exactly the rest of SETTINGS', () => {
    const schema = JSON.parse(readFileSync(join(CHART_DIR, 'values.schema.json'), 'utf8'));
    const configurable = Object.keys(schema.properties.config.properties).sort();
    const managed = new Set<string>(CHART_MANAGED_ENV);
    assert.deepEqual(
      configurable,
      appEnvNames()
        .filter((e) => !managed.has(e))
        .sort(),
    );
    assert.deepEqual(Object.keys(configSchemaProperties()).sort(), configurable);
    for (const m of CHART_MANAGED_ENV) assert.ok(appEnvNames().includes(m), `${m} is a setting`);
    // templates/_validate.tpl refuses the managed ones in values.config: same list.
    const tpl = readFileSync(join(CHART_DIR, 'templates', '_validate.tpl'), 'utf8');
    const listed = /\$managed := list (.+) \}\}/
      .exec(tpl)?.[1]
      ?.match(/"([A-Z_]+)"/g)
      ?.map((s) => s.slice(1, -1));
    assert.deepEqual(listed?.sort(), [...CHART_MANAGED_ENV].sort());
  });

  test("the chart's config defaults are the app's own defaults (the chart changes none)", () => {
    const config = all[0]!.values.config as Record<string, unknown>;
    for (const [env, value] of Object.entries(config)) assert.equal(String(value), appDefault(env), env);
    assert.equal(String(all[0]!.values.worker.concurrency), appDefault('WORKER_CONCURRENCY'));
    assert.equal(String(all[0]!.values.metrics.port), appDefault('METRICS_PORT'));
  });

  test('the grace period exceeds the shutdown budget in every rendering', () => {
    for (const r of all) {
      const budget = Number(configMapData(r).SHUTDOWN_BUDGET_MS ?? appDefault('SHUTDOWN_BUDGET_MS'));
      for (const name of ['nba-scraper-worker', 'nba-scraper-exporter']) {
        const d = r.objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
        if (d)
          assert.ok(d.spec.template.spec.terminationGracePeriodSeconds * 1000 >= budget + 5000, r.source);
      }
    }
  });

  test('a settings change rolls the pods (checksum annotation), an unrelated one does not', () => {
    const base = helmTemplate({ valuesFiles: [join(CHART_DIR, 'ci', 'existing-secret-values.yaml')] });
    const changed = helmTemplate({
      valuesFiles: [join(CHART_DIR, 'ci', 'existing-secret-values.yaml')],
      set: { 'config.LOG_LEVEL': 'debug' },
    });
    const unrelated = helmTemplate({
      valuesFiles: [join(CHART_DIR, 'ci', 'existing-secret-values.yaml')],
      set: { 'worker.podAnnotations.a': 'b' },
    });
    const sum = (objs: K8sObject[]): string =>
      find(objs, 'Deployment', 'nba-scraper-worker').spec.template.metadata.annotations['checksum/config'];
    assert.match(sum(base), /^[0-9a-f]{64}$/);
    assert.notEqual(sum(changed), sum(base));
    assert.equal(sum(unrelated), sum(base));
  });

  test('external Redis topologies reach the app as REDIS_MODE and its companions', () => {
    const byName = (s: string): Rendering => all.find((r) => r.source === s)!;
    const sentinel = configMapData(byName('external-redis-sentinel-values.yaml'));
    assert.equal(sentinel.REDIS_MODE, 'sentinel');
    assert.equal(sentinel.REDIS_SENTINEL_MASTER, 'nba');
    assert.equal(sentinel.REDIS_SENTINELS?.split(',').length, 3);
    const cluster = configMapData(byName('external-redis-cluster-values.yaml'));
    assert.equal(cluster.REDIS_MODE, 'cluster');
    assert.equal(cluster.REDIS_CLUSTER_NODES?.split(',').length, 3);
    assert.equal(configMapData(all[0]!).REDIS_MODE, 'standalone');
    for (const r of [
      byName('external-redis-sentinel-values.yaml'),
      byName('external-redis-cluster-values.yaml'),
    ]) {
      assert.equal(r.objects.filter((o) => o.metadata.name === 'nba-scraper-redis').length, 0, r.source);
    }
    const file = configMapData(byName('file-store-values.yaml'));
    assert.equal(file.STORE_URL, 'file:///data');
  });
});

describe('Redis and PostgreSQL', () => {
  test('Redis: AOF on, noeviction, a volume claim, redis_exporter beside it', () => {
    const r = all[0]!;
    const conf: string = find(r.objects, 'ConfigMap', 'nba-scraper-redis').data['redis.conf'];
    assert.match(conf, /^appendonly yes$/m);
    assert.match(conf, /^maxmemory-policy noeviction$/m);
    assert.match(conf, /^maxmemory \d+mb$/m);
    const sts = find(r.objects, 'StatefulSet', 'nba-scraper-redis');
    assert.equal(sts.spec.volumeClaimTemplates[0].metadata.name, 'data');
    const containers = sts.spec.template.spec.containers.map((c: { name: string }) => c.name);
    assert.deepEqual(containers, ['redis', 'redis-exporter']);
    assert.deepEqual(sts.spec.template.spec.containers[0].args, [
      '/etc/redis/redis.conf',
      '--requirepass',
      '$(REDIS_PASSWORD)',
    ]);
    const redisImageTag = sts.spec.template.spec.containers[0].image.split(':').at(-1);
    const [major, minor] = redisImageTag.split('.').map((x: string) => Number.parseInt(x, 10));
    assert.ok(major > 6 || (major === 6 && minor >= 2), 'BullMQ needs Redis >= 6.2');
  });

  test('PostgreSQL: a StatefulSet with a claim, its password from the credentials Secret', () => {
    const sts = find(all[0]!.objects, 'StatefulSet', 'nba-scraper-postgresql');
    const env = sts.spec.template.spec.containers[0].env;
    const pw = env.find((e: { name: string }) => e.name === 'POSTGRES_PASSWORD');
    assert.deepEqual(pw.valueFrom.secretKeyRef, {
      name: 'nba-scraper-credentials',
      key: 'postgres-password',
    });
    const ext = all.find((r) => r.source === 'external-postgres-values.yaml')!;
    assert.equal(
      ext.objects.filter((o) => o.kind === 'StatefulSet' && /postgresql/.test(o.metadata.name)).length,
      0,
    );
  });
});

describe('network policies', () => {
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
  const ports = (rule: any): number[] => (rule.ports ?? []).map((p: { port: number }) => p.port);

  test('workers reach DNS, Redis, PostgreSQL and the public source site; only Prometheus reaches metrics', () => {
    const np = find(all[0]!.objects, 'NetworkPolicy', 'nba-scraper-worker');
    assert.deepEqual(np.spec.policyTypes, ['Ingress', 'Egress']);
    assert.equal(np.spec.ingress.length, 1);
    assert.deepEqual(np.spec.ingress[0].from[0].podSelector.matchLabels, {
      'app.kubernetes.io/name': 'prometheus',
    });
    assert.deepEqual(np.spec.ingress[0].ports, [{ port: 'metrics', protocol: 'TCP' }]);
    const egress = np.spec.egress;
    assert.deepEqual(ports(egress[0]), [53, 53]);
    assert.equal(egress[1].to[0].podSelector.matchLabels['app.kubernetes.io/component'], 'redis');
    assert.deepEqual(ports(egress[1]), [6379]);
    assert.equal(egress[2].to[0].podSelector.matchLabels['app.kubernetes.io/component'], 'postgresql');
    assert.deepEqual(ports(egress[3]), [443, 80]);
    assert.ok(egress[3].to[0].ipBlock.except.includes('10.0.0.0/8'), 'not the private ranges');
  });

  test('Redis and PostgreSQL accept only the app (KEDA reads Prometheus, not Redis) and reach nothing', () => {
    const redis = find(all[0]!.objects, 'NetworkPolicy', 'nba-scraper-redis');
    assert.deepEqual(redis.spec.egress, []);
    const from = redis.spec.ingress[0].from;
    assert.equal(from.length, 1);
    assert.deepEqual(from[0].podSelector.matchExpressions[0].values, APP_COMPONENTS);
    const keda = all.find((r) => r.source === 'keda-values.yaml')!;
    assert.deepEqual(find(keda.objects, 'NetworkPolicy', 'nba-scraper-redis').spec.ingress[0].from, from);
    const pg = find(all[0]!.objects, 'NetworkPolicy', 'nba-scraper-postgresql');
    assert.deepEqual(pg.spec.egress, []);
    assert.equal(pg.spec.ingress[0].from[0].podSelector.matchLabels['app.kubernetes.io/component'], 'worker');
  });
});

describe('documentation and generated files', () => {
  test('every value is documented with @param, and every @param names a value', () => {
    const doc = parseValuesDoc(readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8'));
    assert.deepEqual(undocumented(doc), { missing: [], unknown: [] });
  });

  test('README values table and values.schema.json are in sync (node scripts/k8s/generate.ts)', () => {
    assert.equal(readFileSync(join(CHART_DIR, 'README.md'), 'utf8'), expectedReadme());
    assert.equal(readFileSync(join(CHART_DIR, 'values.schema.json'), 'utf8'), expectedSchema());
  });

  test("docs/operations.md's alert table is in sync with monitoring/prometheus, each alert with a runbook section", () => {
    const doc = readFileSync(join(CHART_DIR, '..', '..', 'docs', 'operations.md'), 'utf8');
    assert.equal(doc, expectedOperationsDoc());
    const runbook = readFileSync(join(CHART_DIR, '..', '..', 'monitoring', 'runbook.md'), 'utf8');
    const alerts = [...doc.matchAll(/^\| \[(\w+)\]\(\.\.\/monitoring\/runbook\.md#(\w+)\)/gm)];
    assert.ok(alerts.length > 0);
    for (const [, name, anchor] of alerts) {
      assert.equal(anchor, name!.toLowerCase());
      assert.match(runbook, new RegExp(`^#+ ${name}$`, 'm'), `runbook section for ${name}`);
    }
  });
});
