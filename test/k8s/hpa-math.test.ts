/**
 * The HPA algorithm model (scripts/k8s/lib/hpa-math.ts) and KEDA's HPA (keda-hpa.ts), without
 * I/O: the formulas, the tolerance, stabilization and rate policies, and why a Pods metric of a
 * global value is wrong.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  HpaController,
  type HpaSpec,
  idealReplicas,
  type MetricSpec,
  parseQuantity,
  replicasForMetric,
  SYNC_PERIOD_SECONDS,
  settle,
} from '../../scripts/k8s/lib/hpa-math.ts';
import { evaluateFormula, kedaModel, type ScaledObjectSpec } from '../../scripts/k8s/lib/keda-hpa.ts';

const external = (averageValue: string): MetricSpec => ({
  type: 'External',
  external: { metric: { name: 'backlog' }, target: { type: 'AverageValue', averageValue } },
});
const podsMetric = (averageValue: string): MetricSpec => ({
  type: 'Pods',
  pods: { metric: { name: 'backlog' }, target: { type: 'AverageValue', averageValue } },
});

const slowDown = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }],
  },
} as const;

describe('quantities', () => {
  test('plain, milli and SI suffixes', () => {
    assert.equal(parseQuantity('100'), 100);
    assert.equal(parseQuantity('1500m'), 1.5);
    assert.equal(parseQuantity('2k'), 2000);
    assert.equal(parseQuantity('1Ki'), 1024);
    assert.equal(parseQuantity(7), 7);
    assert.throws(() => parseQuantity('ten'), /not a quantity/);
  });
});

describe('one metric', () => {
  test('External AverageValue: ceil(total / target), whatever the current count', () => {
    for (const current of [1, 2, 3, 5, 20, 50]) {
      assert.equal(replicasForMetric(external('100'), { total: 750 }, current), 8, `from ${current}`);
    }
    assert.equal(replicasForMetric(external('100'), { total: 0 }, 4), 0);
    assert.equal(replicasForMetric(external('100'), { total: 1 }, 4), 1);
  });

  test('within the 0.1 tolerance of the current ratio the count stays', () => {
    // 1040 / (100 x 10) = 1.04: no change although ceil(10.4) = 11.
    assert.equal(replicasForMetric(external('100'), { total: 1040 }, 10), 10);
    // 1101 / 1000 = 1.101: outside, so ceil(11.01) = 12.
    assert.equal(replicasForMetric(external('100'), { total: 1101 }, 10), 12);
    // 905 / 1000 = 0.905: within on the way down too.
    assert.equal(replicasForMetric(external('100'), { total: 905 }, 10), 10);
    assert.equal(replicasForMetric(external('100'), { total: 899 }, 10), 9);
  });

  test('External Value: ceil(total / target x current)', () => {
    const m: MetricSpec = {
      type: 'External',
      external: { metric: { name: 'x' }, target: { type: 'Value', value: '100' } },
    };
    assert.equal(replicasForMetric(m, { total: 300 }, 2), 6);
  });

  test('a Pods metric in which every pod reports the same global backlog asks for N times too many', () => {
    const backlog = 400;
    for (const pods of [1, 2, 4, 8]) {
      const wrong = replicasForMetric(podsMetric('100'), { perPod: Array(pods).fill(backlog) }, pods);
      const right = replicasForMetric(external('100'), { total: backlog }, pods);
      assert.equal(right, 4);
      assert.equal(wrong, 4 * pods, `${pods} pods`);
    }
  });
});

describe('the controller loop', () => {
  test('current above max or below min is clamped first, without behaviors', () => {
    const hpa = new HpaController({
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [external('10')],
      behavior: slowDown,
    });
    assert.equal(hpa.reconcile(0, 9, [{ total: 0 }]), 5);
    assert.equal(new HpaController(hpa.spec).reconcile(0, 1, [{ total: 1000 }]), 2);
  });

  test('a Deployment scaled to 0 is left alone (autoscaling disabled) unless minReplicas is 0', () => {
    const hpa = new HpaController({ minReplicas: 1, maxReplicas: 5, metrics: [external('10')] });
    assert.equal(hpa.reconcile(0, 0, [{ total: 1000 }]), 0);
  });

  test('scale up: at most 4 pods per minute', () => {
    const hpa = new HpaController({
      minReplicas: 1,
      maxReplicas: 20,
      metrics: [external('10')],
      behavior: slowDown,
    });
    const counts: number[] = [];
    let replicas = 1;
    for (let t = 0; t <= 180; t += SYNC_PERIOD_SECONDS) {
      replicas = hpa.reconcile(t, replicas, [{ total: 100 }]);
      counts.push(replicas);
    }
    // 1 -> 5 at once, then nothing until the first event has left the 60 s period, then 9, then 10.
    assert.deepEqual(counts.slice(0, 9), [5, 5, 5, 5, 9, 9, 9, 9, 10]);
    assert.equal(counts.at(-1), 10);
  });

  test('scale down: nothing within the 5-minute window, then one pod per 2 minutes', () => {
    const hpa = new HpaController({
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [external('10')],
      behavior: slowDown,
    });
    let replicas = hpa.reconcile(0, 5, [{ total: 50 }]);
    assert.equal(replicas, 5);
    const changes: [number, number][] = [];
    for (let t = 15; t <= 1200; t += SYNC_PERIOD_SECONDS) {
      const next = hpa.reconcile(t, replicas, [{ total: 0 }]);
      if (next !== replicas) changes.push([t, next]);
      replicas = next;
    }
    assert.equal(changes[0]![0], 300, 'the first removal waits for the window');
    assert.deepEqual(
      changes.map(([, r]) => r),
      [4, 3, 2, 1],
    );
    for (let i = 1; i < changes.length; i++) assert.ok(changes[i]![0] - changes[i - 1]![0] >= 120);
  });

  test('a short dip of the backlog does not remove workers', () => {
    const hpa = new HpaController({
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [external('10')],
      behavior: slowDown,
    });
    let replicas = 6;
    for (let t = 0; t <= 900; t += SYNC_PERIOD_SECONDS) {
      const dip = t >= 300 && t < 420; // two minutes of an empty queue
      replicas = hpa.reconcile(t, replicas, [{ total: dip ? 0 : 60 }]);
      assert.equal(replicas, 6, `t=${t}`);
    }
  });

  test('several metrics: the largest proposal wins (so two triggers give max, not sum)', () => {
    const spec: HpaSpec = { minReplicas: 1, maxReplicas: 50, metrics: [external('10'), external('10')] };
    assert.equal(new HpaController(spec).reconcile(0, 1, [{ total: 30 }, { total: 70 }]), 5); // 4 per 15 s policy
    assert.equal(settle(spec, 1, () => [{ total: 30 }, { total: 70 }]).replicas, 7);
  });

  test('settle reaches ceil(backlog / target) within min..max from any start', () => {
    const spec: HpaSpec = { minReplicas: 1, maxReplicas: 8, metrics: [external('50')], behavior: slowDown };
    for (const backlog of [0, 1, 49, 50, 51, 199, 200, 1000]) {
      for (const start of [1, 2, 5, 8, 12]) {
        const r = settle(spec, start, () => [{ total: backlog }]);
        const ideal = idealReplicas(backlog, 50, 1, 8);
        const inBand = Math.abs(backlog / (50 * r.replicas) - 1) <= 0.1;
        assert.ok(
          r.replicas === ideal || inBand,
          `backlog ${backlog} from ${start}: ${r.replicas}, ideal ${ideal}`,
        );
      }
    }
  });
});

describe('KEDA', () => {
  const so = (modifiers: boolean): ScaledObjectSpec => ({
    minReplicaCount: 0,
    maxReplicaCount: 10,
    advanced: modifiers
      ? {
          scalingModifiers: {
            formula: 'wait + prioritized',
            target: '10',
            activationTarget: '0',
            metricType: 'AverageValue',
          },
        }
      : {},
    triggers: [
      { type: 'redis', name: 'wait', metadata: { listName: 'q:wait', listLength: '10' } },
      { type: 'redis', name: 'prioritized', metadata: { listName: 'q:prioritized', listLength: '10' } },
    ],
  });

  test('formulas', () => {
    assert.equal(evaluateFormula('wait + prioritized', { wait: 3, prioritized: 4 }), 7);
    assert.equal(evaluateFormula('(a + b) * 2 - c / 4', { a: 1, b: 2, c: 8 }), 4);
    assert.throws(() => evaluateFormula('wait + nope', { wait: 1 }), /no trigger/);
    assert.throws(() => evaluateFormula('wait ? 1 : 2', { wait: 1 }), /unsupported/);
  });

  test('the generated HPA: min 1 when minReplicaCount is 0, one composite External metric', () => {
    const m = kedaModel(so(true));
    assert.equal(m.hpa.minReplicas, 1);
    assert.equal(m.hpa.maxReplicas, 10);
    assert.equal(m.hpa.metrics.length, 1);
    assert.deepEqual(m.readings({ wait: 30, prioritized: 40 }), [{ total: 70 }]);
    assert.equal(m.active({ wait: 0, prioritized: 0 }), false);
    assert.equal(m.active({ wait: 0, prioritized: 1 }), true);
  });

  test('a pending trigger with target 1 wakes the Deployment and never asks for more than one worker', () => {
    const prometheus = (name: string, threshold: string, activationThreshold: string) => ({
      type: 'prometheus',
      name,
      metadata: { query: 'q', threshold, activationThreshold },
    });
    const m = kedaModel({
      minReplicaCount: 0,
      maxReplicaCount: 50,
      triggers: [prometheus('serviceable', '100', '0'), prometheus('pending', '1', '0')],
    });
    assert.equal(m.hpa.metrics.length, 2);
    assert.equal(m.active({ serviceable: 0, pending: 0 }), false);
    assert.equal(m.active({ serviceable: 0, pending: 1 }), true);
    // Nothing serviceable while jobs wait: one worker; otherwise the serviceable signal decides.
    assert.equal(settle(m.hpa, 5, () => m.readings({ serviceable: 0, pending: 1 })).replicas, 1);
    assert.equal(settle(m.hpa, 1, () => m.readings({ serviceable: 300, pending: 1 })).replicas, 3);
    assert.equal(settle(m.hpa, 1, () => m.readings({ serviceable: 4_000, pending: 1 })).replicas, 40);
  });

  test('the scaling modifier sums the wait list and the prioritized set; plain triggers take the max', () => {
    const values = { wait: 30, prioritized: 40 };
    const sum = kedaModel(so(true));
    const max = kedaModel(so(false));
    assert.equal(settle(sum.hpa, 1, () => sum.readings(values)).replicas, 7);
    assert.equal(settle(max.hpa, 1, () => max.readings(values)).replicas, 4);
  });
});
