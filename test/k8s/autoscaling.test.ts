/**
 * Backlog autoscaling as rendered by the chart, run through the Kubernetes HPA algorithm
 * (scripts/k8s/lib/hpa-math.ts) and, for KEDA, through the HPA KEDA generates (keda-hpa.ts):
 * for a range of backlogs and starting replica counts the HPA settles on
 * ceil(backlog / jobsPerReplica) within min..max, whatever it started from. Also: External
 * metrics with AverageValue targets only (never a Pods metric of a global value), the slow
 * scale-down, maxReplicas against the politeness budget, and the KEDA keys / adapter metric
 * names matching what the app and the exporter really use.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { type HpaSpec, idealReplicas, settle } from '../../scripts/k8s/lib/hpa-math.ts';
import { kedaModel, type ScaledObjectSpec } from '../../scripts/k8s/lib/keda-hpa.ts';
import { CHART_DIR, find, type K8sObject } from '../../scripts/k8s/lib/render.ts';
import { SETTINGS } from '../../src/config.ts';
import { EXPORTER_METRICS } from '../../src/metrics/catalog.ts';
import { queueName } from '../../src/queue/queues.ts';
import { JOB_STATES } from '../../src/queue/status.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { type Rendering, renderings } from './chart-fixtures.ts';

let all: Rendering[];
before(() => {
  all = renderings();
});

const withMode = (mode: string): Rendering[] => all.filter((r) => r.values.autoscaling.mode === mode);

/** Backlogs around every multiple of the target, up to past maxReplicas. */
function backlogs(target: number, max: number): number[] {
  const out = new Set<number>([0, 1]);
  for (let k = 1; k <= max + 2; k++) for (const d of [-1, 0, 1]) out.add(k * target + d);
  out.add(Math.floor(target * 2.5));
  out.add(target * (max + 10));
  return [...out].filter((b) => b >= 0).sort((a, b) => a - b);
}

/**
 * The settled count must be the ideal one, except where the HPA's 10% tolerance keeps a count
 * whose ratio to the backlog is already within 10% (the real controller does the same).
 */
function assertSettles(
  label: string,
  settled: number,
  backlog: number,
  target: number,
  min: number,
  max: number,
): void {
  const ideal = idealReplicas(backlog, target, min, max);
  if (settled === ideal) return;
  const ratio = backlog / (target * settled);
  assert.ok(
    settled >= min && settled <= max && Math.abs(ratio - 1) <= 0.1,
    `${label}: settled on ${settled}, ideal ceil(${backlog}/${target}) within ${min}..${max} = ${ideal}`,
  );
}

describe('HPA on the External metric served by prometheus-adapter (autoscaling.mode=hpa)', () => {
  test('one External metric with an AverageValue target: never a Pods metric', () => {
    assert.ok(withMode('hpa').length > 0, 'a ci values file renders the hpa mode');
    for (const r of all) {
      for (const hpa of r.objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
        assert.equal(hpa.spec.metrics.length, 1, r.source);
        const m = hpa.spec.metrics[0];
        assert.equal(m.type, 'External', r.source);
        assert.equal(m.external.target.type, 'AverageValue', r.source);
        assert.equal(m.external.target.averageValue, String(r.values.autoscaling.jobsPerReplica));
        assert.deepEqual(m.external.metric.selector.matchLabels, { queue: queueName(DEFAULT_SOURCE.id) });
        assert.equal(hpa.spec.scaleTargetRef.name, 'nba-scraper-worker');
      }
    }
  });

  test('settles on ceil(backlog / jobsPerReplica) within min..max from any replica count', () => {
    for (const r of withMode('hpa')) {
      const hpa = find(r.objects, 'HorizontalPodAutoscaler', 'nba-scraper-worker');
      const spec = hpa.spec as HpaSpec;
      const target = r.values.autoscaling.jobsPerReplica as number;
      const { minReplicas: min = 1, maxReplicas: max } = spec;
      let cases = 0;
      for (const backlog of backlogs(target, max)) {
        for (let start = 1; start <= max + 2; start++) {
          const s = settle(spec, start, () => [{ total: backlog }]);
          assertSettles(
            `${r.source} backlog ${backlog} from ${start}`,
            s.replicas,
            backlog,
            target,
            min,
            max,
          );
          cases++;
        }
      }
      assert.ok(cases > 50);
    }
  });

  test('the Deployment leaves spec.replicas to the HPA', () => {
    for (const r of [...withMode('hpa'), ...withMode('keda')]) {
      assert.equal(find(r.objects, 'Deployment', 'nba-scraper-worker').spec.replicas, undefined, r.source);
    }
    assert.equal(find(all[0]!.objects, 'Deployment', 'nba-scraper-worker').spec.replicas, 1);
  });

  test("the adapter rule serves the HPA's metric from the exporter's queue gauge, waiting + prioritized", () => {
    const adapter = parse(readFileSync(join(CHART_DIR, 'files', 'prometheus-adapter-values.yaml'), 'utf8'));
    const [rule] = adapter.rules.external;
    const gauge = EXPORTER_METRICS.queueJobs;
    assert.equal(gauge.role, 'exporter', 'exported once, not per worker pod');
    assert.deepEqual([...gauge.labels].sort(), ['queue', 'state']);
    assert.ok(rule.seriesQuery.startsWith(`${gauge.name}{`));
    assert.match(
      rule.metricsQuery,
      new RegExp(`^sum\\(max by \\(namespace, queue, state\\) \\(${gauge.name}\\{`),
    );
    assert.match(rule.metricsQuery, /state=~"waiting\|prioritized"/);
    assert.ok(JOB_STATES.includes('waiting') && JOB_STATES.includes('prioritized'));
    for (const r of withMode('hpa')) {
      const hpa = find(r.objects, 'HorizontalPodAutoscaler', 'nba-scraper-worker');
      assert.equal(hpa.spec.metrics[0].external.metric.name, rule.name.as);
    }
  });
});

describe('KEDA ScaledObject on the BullMQ keys (autoscaling.mode=keda)', () => {
  const scaledObjects = (): { r: Rendering; so: K8sObject }[] =>
    withMode('keda').map((r) => ({ r, so: find(r.objects, 'ScaledObject', 'nba-scraper-worker') }));

  test('two Redis triggers on the wait LIST and the prioritized ZSET, summed into one AverageValue metric', () => {
    assert.ok(scaledObjects().length >= 2);
    const queue = queueName(DEFAULT_SOURCE.id);
    for (const { r, so } of scaledObjects()) {
      const prefix = String(r.values.config.QUEUE_PREFIX ?? SETTINGS.queuePrefix.default);
      const triggers = so.spec.triggers;
      assert.deepEqual(
        triggers.map((t: { name: string; metadata: { listName: string } }) => [t.name, t.metadata.listName]),
        [
          ['wait', `${prefix}:${queue}:wait`],
          ['prioritized', `${prefix}:${queue}:prioritized`],
        ],
      );
      const mode = r.values.redis.enabled ? 'standalone' : r.values.externalRedis.mode;
      const type = { standalone: 'redis', sentinel: 'redis-sentinel', cluster: 'redis-cluster' }[
        mode as string
      ];
      for (const t of triggers) assert.equal(t.type, type, r.source);
      const sm = so.spec.advanced.scalingModifiers;
      assert.equal(sm.formula, 'wait + prioritized');
      assert.equal(sm.metricType, 'AverageValue');
      assert.equal(sm.target, String(r.values.autoscaling.jobsPerReplica));
      const model = kedaModel(so.spec as ScaledObjectSpec);
      assert.equal(model.hpa.metrics.length, 1);
      assert.equal(model.hpa.metrics[0]!.type, 'External');
    }
  });

  test("KEDA's HPA settles on ceil((wait + prioritized) / jobsPerReplica) from any replica count", () => {
    for (const { r, so } of scaledObjects()) {
      const model = kedaModel(so.spec as ScaledObjectSpec);
      const target = r.values.autoscaling.jobsPerReplica as number;
      const min = model.minReplicaCount;
      const max = model.hpa.maxReplicas;
      for (const backlog of backlogs(target, max)) {
        // Any split between the two keys gives the same answer: it is their sum that counts.
        for (const split of [0, 0.5, 1]) {
          const prioritized = Math.round(backlog * split);
          const values = { wait: backlog - prioritized, prioritized };
          const active = model.active(values);
          if (!active && min === 0) {
            // KEDA itself scales to (or keeps at) 0 once the backlog has been at or below the
            // activation threshold for cooldownPeriod: the HPA is not consulted.
            assert.ok(
              backlog <= Number(r.values.autoscaling.keda.activationBacklog),
              `${r.source}: inactive at ${backlog}`,
            );
            continue;
          }
          for (let start = 0; start <= max + 2; start++) {
            // From 0, KEDA activates the Deployment to 1 replica; the HPA takes it from there.
            if (start === 0 && min > 0) continue;
            const replicas = Math.max(start, 1);
            const settled = settle(model.hpa, replicas, () => model.readings(values)).replicas;
            const label = `${r.source} wait ${values.wait} + prioritized ${values.prioritized} from ${start}`;
            assertSettles(label, settled, backlog, target, Math.max(min, 1), max);
          }
        }
      }
    }
  });

  test('scale to zero only where asked, with an activation threshold', () => {
    const zero = scaledObjects().filter(({ so }) => so.spec.minReplicaCount === 0);
    assert.equal(zero.length, 1);
    const model = kedaModel(zero[0]!.so.spec as ScaledObjectSpec);
    assert.equal(model.active({ wait: 5, prioritized: 0 }), false);
    assert.equal(model.active({ wait: 5, prioritized: 1 }), true);
  });

  test('the Redis password reaches KEDA from the credentials Secret', () => {
    for (const { r, so } of scaledObjects()) {
      const auth = find(r.objects, 'TriggerAuthentication', 'nba-scraper-keda-redis');
      assert.deepEqual(auth.spec.secretTargetRef, [
        { parameter: 'password', name: 'nba-scraper-credentials', key: r.values.secrets.keys.redisPassword },
      ]);
      for (const t of so.spec.triggers) assert.equal(t.authenticationRef.name, 'nba-scraper-keda-redis');
    }
  });
});

describe('scale-down and politeness', () => {
  const autoscaled = (): { r: Rendering; spec: HpaSpec }[] => [
    ...withMode('hpa').map((r) => ({
      r,
      spec: find(r.objects, 'HorizontalPodAutoscaler', 'nba-scraper-worker').spec,
    })),
    ...withMode('keda').map((r) => ({
      r,
      spec: kedaModel(find(r.objects, 'ScaledObject', 'nba-scraper-worker').spec as ScaledObjectSpec).hpa,
    })),
  ];

  test('a 5-minute scale-down stabilization window and at most one pod removed per minute', () => {
    for (const { r, spec } of autoscaled()) {
      const down = spec.behavior?.scaleDown;
      assert.ok((down?.stabilizationWindowSeconds ?? 0) >= 300, r.source);
      for (const p of down?.policies ?? []) {
        assert.equal(p.type, 'Pods', r.source);
        assert.ok(
          p.value / p.periodSeconds <= 1 / 60,
          `${r.source}: ${p.value} pods per ${p.periodSeconds} s`,
        );
      }
    }
  });

  test('maxReplicas stays within what the per-host budget can use (+1 spare)', () => {
    for (const r of [...withMode('hpa'), ...withMode('keda')]) {
      const budget = Number(r.values.config.HOST_MAX_ACTIVE_JOBS ?? SETTINGS.hostMaxActiveJobs.default);
      const useful = Math.ceil(budget / r.values.worker.concurrency);
      assert.ok(
        r.values.autoscaling.maxReplicas <= useful + 1,
        `${r.source}: maxReplicas ${r.values.autoscaling.maxReplicas} > ceil(${budget} / ${r.values.worker.concurrency}) + 1`,
      );
    }
    // The defaults: one worker saturates HOST_MAX_ACTIVE_JOBS=4 at concurrency 4; one spare.
    assert.equal(all[0]!.values.autoscaling.maxReplicas, 2);
  });
});
