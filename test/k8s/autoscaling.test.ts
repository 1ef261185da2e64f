/**
 * Politeness-aware autoscaling as rendered by the chart, run through the Kubernetes HPA algorithm
 * (scripts/k8s/lib/hpa-math.ts) and, for KEDA, through the HPA KEDA generates (keda-hpa.ts). The
 * readings come from the exporter's own computation (src/metrics/serviceable-backlog.ts) with the
 * settings the chart gives it, and the chart's query (scripts/k8s/lib/autoscaling-signal.ts; a
 * real Prometheus checks that model in test/integration/metrics/autoscaling.prometheus.test.ts):
 *   - a budgeted site with a 70,000-job backlog asks for exactly its useful workers, whatever
 *     maxReplicas says;
 *   - a host without a budget scales with its backlog, ceil(backlog / jobsPerReplica), up to
 *     maxReplicas;
 *   - two hosts at once: their workers add up;
 *   - a host on hold asks for none.
 * Also: External metrics with AverageValue targets only (never a Pods metric of a global value),
 * the slow scale-down, KEDA's scale to zero on an empty backlog, the adapter serving the series the
 * chart records with the KEDA query, and the same settings for the workers and the exporter.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parse } from 'yaml';
import {
  adapterQuery,
  containerEnv,
  type HostSignal,
  pendingSignal,
  scalingSignal,
  seriesOf,
} from '../../scripts/k8s/lib/autoscaling-signal.ts';
import { type HpaSpec, idealReplicas, replicasForMetric, settle } from '../../scripts/k8s/lib/hpa-math.ts';
import { kedaModel, type ScaledObjectSpec } from '../../scripts/k8s/lib/keda-hpa.ts';
import { CHART_DIR, find, helmTemplate, type K8sObject, NAMESPACE } from '../../scripts/k8s/lib/render.ts';
import { loadConfig } from '../../src/config.ts';
import { type HostStatus, quietHost } from '../../src/fetch/host-state.ts';
import { EXPORTER_METRICS } from '../../src/metrics/catalog.ts';
import { type ScalingSettings, serviceability } from '../../src/metrics/serviceable-backlog.ts';
import { queueName } from '../../src/queue/queues.ts';
import type { QueueStatus } from '../../src/queue/status.ts';
import { DEFAULT_SOURCE } from '../../src/sources/registry.ts';
import { mergeValues, type Rendering, renderings } from './chart-fixtures.ts';

const BUDGETED = 'www.basketball-reference.com';
const UNBUDGETED = 'replay.nba-scraper.svc:8080';
const NOW = 1_000_000_000;
const QUEUE = queueName(DEFAULT_SOURCE.id);

let all: Rendering[];
before(() => {
  all = renderings();
});

const withMode = (mode: string): Rendering[] => all.filter((r) => r.values.autoscaling.mode === mode);
const autoscaled = (): Rendering[] => [...withMode('hpa'), ...withMode('keda')];

/**
 * A rendering with a few more values set (`--set`): the autoscaling ones, or an API version
 * (`assumeAPIVersions[i]`, which helm applies but the merged values here do not need).
 */
function rerender(r: Rendering, set: Record<string, string>): Rendering {
  const autoscaling: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(set)) {
    const m = /^autoscaling\.(\w+)$/.exec(path);
    if (m) autoscaling[m[1] as string] = /^\d+$/.test(v) ? Number(v) : v;
  }
  return {
    source: r.source,
    file: r.file,
    values: mergeValues(r.values, { autoscaling }),
    objects: helmTemplate({ valuesFiles: r.file ? [r.file] : [], set }),
  };
}

/** The settings the exporter of a rendering runs with: its container's environment. */
function exporterSettings(r: Rendering): ScalingSettings {
  return loadConfig(containerEnv(r.objects, 'exporter'));
}

function queueWith(backlog: number): QueueStatus {
  const prioritized = Math.floor(backlog / 3);
  return {
    queue: QUEUE,
    paused: false,
    counts: { waiting: backlog - prioritized, prioritized, active: 4, delayed: 2 },
    seasons: [],
    failures: [],
  };
}

/** What the exporter publishes for one host with this backlog. */
function hostSignal(settings: ScalingSettings, host: HostStatus, backlog: number): HostSignal {
  const s = serviceability(queueWith(backlog), host, settings, NOW);
  return { host: host.host, serviceableBacklog: s.serviceableBacklog, usefulWorkers: s.usefulWorkers };
}

/** The autoscaler of a rendering: its HPA spec, and the readings it gets for the hosts' signals. */
interface Autoscaler {
  readonly spec: HpaSpec;
  readonly min: number;
  readonly max: number;
  readonly jobsPerReplica: number;
  /** The metric readings for the hosts' gauges; `backlog`: every waiting job, servable or not. */
  readings(hosts: readonly HostSignal[], backlog: number): { total: number }[];
  /** Whether KEDA keeps the Deployment active (always true for a plain HPA). */
  active(hosts: readonly HostSignal[], backlog: number): boolean;
}

function autoscaler(r: Rendering): Autoscaler {
  const jobsPerReplica = r.values.autoscaling.jobsPerReplica as number;
  if (r.values.autoscaling.mode === 'hpa') {
    const spec = find(r.objects, 'HorizontalPodAutoscaler', 'nba-scraper-worker').spec as HpaSpec;
    return {
      spec,
      min: spec.minReplicas ?? 1,
      max: spec.maxReplicas,
      jobsPerReplica,
      readings: (hosts) => [{ total: scalingSignal(hosts, jobsPerReplica) }],
      active: () => true,
    };
  }
  const model = kedaModel(find(r.objects, 'ScaledObject', 'nba-scraper-worker').spec as ScaledObjectSpec);
  const activation = Number(r.values.autoscaling.keda.activationBacklog);
  const values = (hosts: readonly HostSignal[], backlog: number) => ({
    serviceable: scalingSignal(hosts, jobsPerReplica),
    pending: pendingSignal(backlog, activation),
  });
  return {
    spec: model.hpa,
    min: model.minReplicaCount,
    max: model.hpa.maxReplicas,
    jobsPerReplica,
    readings: (hosts, backlog) => model.readings(values(hosts, backlog)) as { total: number }[],
    active: (hosts, backlog) => model.active(values(hosts, backlog)),
  };
}

/**
 * Replicas the autoscaler settles on from `start` (KEDA: 0 stays 0 while inactive, and becomes 1
 * when it activates; the HPA takes it from there).
 */
function settled(a: Autoscaler, hosts: readonly HostSignal[], backlog: number, start: number): number {
  if (a.min === 0 && !a.active(hosts, backlog)) return 0;
  return settle(a.spec, Math.max(start, 1), () => a.readings(hosts, backlog)).replicas;
}

/**
 * The settled count must be the ideal one, except where the HPA's 10% tolerance keeps a count
 * whose ratio to the signal is already within 10% (the real controller does the same).
 */
function assertSettles(label: string, got: number, ideal: number, signal: number, a: Autoscaler): void {
  if (got === ideal) return;
  const ratio = signal / (a.jobsPerReplica * got);
  assert.ok(
    got >= Math.max(a.min, 1) && got <= a.max && Math.abs(ratio - 1) <= 0.1,
    `${label}: settled on ${got}, want ${ideal}`,
  );
}

/** Backlogs around every multiple of the target, up to past maxReplicas. */
function backlogs(target: number, max: number): number[] {
  const out = new Set<number>([0, 1]);
  for (let k = 1; k <= max + 2; k++) for (const d of [-1, 0, 1]) out.add(k * target + d);
  out.add(Math.floor(target * 2.5));
  out.add(target * (max + 10));
  return [...out].filter((b) => b >= 0).sort((a, b) => a - b);
}

describe('the four scenarios, on every autoscaled rendering and with maxReplicas raised to 50', () => {
  /** Useful workers of the budgeted site as each rendering's settings make them (concrete numbers). */
  const USEFUL: Record<string, number> = {
    // HOST_MAX_ACTIVE_JOBS 8 / concurrency 4.
    'keda-sentinel-scale-to-zero-values.yaml': 2,
    // 24 jobs allowed, but 20 requests a minute keep at most ceil(30 s / 3.06 s) + 1 = 11 busy.
    'keda-values.yaml': 3,
    'production-values.yaml': 2,
    'prometheus-adapter-hpa-values.yaml': 2,
    // The defaults: 4 jobs, 4 per worker.
    default: 1,
  };
  let rendered: Rendering[] | undefined;
  /** Every autoscaled rendering (the defaults in hpa mode too), as is and with maxReplicas 50. */
  const cases = (): Rendering[] => {
    if (rendered) return rendered;
    const defaults = all.find((r) => r.source === 'default')!;
    const hpa = { 'autoscaling.mode': 'hpa', 'assumeAPIVersions[0]': 'monitoring.coreos.com/v1' };
    rendered = [
      rerender(defaults, hpa),
      rerender(defaults, { ...hpa, 'autoscaling.maxReplicas': '50' }),
      ...autoscaled().flatMap((r) => [r, rerender(r, { 'autoscaling.maxReplicas': '50' })]),
    ];
    return rendered;
  };
  const usefulOf = (r: Rendering): number => {
    const n = USEFUL[r.source];
    assert.ok(n !== undefined, `${r.source}: its useful workers are listed`);
    return n;
  };

  test('a budgeted site with a 70,000-job backlog asks for exactly its useful workers', () => {
    let checked = 0;
    for (const r of cases()) {
      const a = autoscaler(r);
      const settings = exporterSettings(r);
      const signal = hostSignal(settings, quietHost(BUDGETED), 70_000);
      const useful = usefulOf(r);
      assert.equal(signal.usefulWorkers, useful, `${r.source}: the exporter's useful workers`);
      assert.equal(signal.serviceableBacklog, 70_000);
      const want = Math.min(a.max, Math.max(a.min, useful));
      for (let start = 0; start <= a.max + 2; start++) {
        const got = settled(a, [signal], 70_000, start);
        assert.equal(got, want, `${r.source} from ${start}: ${got} workers, ${useful} useful`);
        checked++;
      }
      // Without the cap the same backlog would ask for ceil(70,000 / jobsPerReplica).
      assert.ok(Math.ceil(70_000 / a.jobsPerReplica) > 50, 'the backlog alone would ask for more');
    }
    assert.ok(checked > 100);
  });

  test('a host without a budget scales with its backlog, up to maxReplicas', () => {
    for (const r of cases()) {
      const a = autoscaler(r);
      const settings = exporterSettings(r);
      const activation =
        r.values.autoscaling.mode === 'keda' ? Number(r.values.autoscaling.keda.activationBacklog) : -1;
      for (const backlog of backlogs(a.jobsPerReplica, a.max)) {
        const signal = hostSignal(settings, quietHost(UNBUDGETED), backlog);
        assert.equal(signal.serviceableBacklog, backlog);
        for (const start of [0, 1, 2, Math.ceil(a.max / 2), a.max, a.max + 2]) {
          const got = settled(a, [signal], backlog, start);
          const label = `${r.source} backlog ${backlog} from ${start}`;
          if (a.min === 0 && backlog <= activation) {
            // KEDA: inactive; it scales to zero after cooldownPeriod.
            assert.equal(got, 0, label);
            continue;
          }
          const ideal = idealReplicas(backlog, a.jobsPerReplica, Math.max(a.min, 1), a.max);
          assertSettles(label, got, ideal, scalingSignal([signal], a.jobsPerReplica), a);
        }
      }
    }
  });

  test('two hosts at once: the budgeted one adds its useful workers to what the other needs', () => {
    for (const r of cases()) {
      const a = autoscaler(r);
      const settings = exporterSettings(r);
      const useful = usefulOf(r);
      for (const other of [1, 250, a.jobsPerReplica * 3, a.jobsPerReplica * 7 + 1]) {
        const hosts = [
          hostSignal(settings, quietHost(BUDGETED), 70_000),
          hostSignal(settings, quietHost(UNBUDGETED), other),
        ];
        const want = Math.min(a.max, useful + Math.ceil(other / a.jobsPerReplica));
        const signal = scalingSignal(hosts, a.jobsPerReplica);
        assert.equal(signal, useful * a.jobsPerReplica + other);
        for (const start of [1, 2, a.max]) {
          const got = settled(a, hosts, 70_000 + other, start);
          assertSettles(`${r.source} 70,000 + ${other} from ${start}`, got, want, signal, a);
        }
      }
    }
  });

  test('a host on hold (or its breaker open) asks for none: the fleet goes to its minimum', () => {
    for (const r of cases()) {
      const a = autoscaler(r);
      const settings = exporterSettings(r);
      for (const host of [
        { ...quietHost(BUDGETED), holdUntil: NOW + 3_600_000, holdKind: 'blocked' as const },
        { ...quietHost(UNBUDGETED), holdUntil: NOW + 30_000, holdKind: 'rate-limited' as const },
        { ...quietHost(UNBUDGETED), breaker: 'open' as const, breakerChangedAt: NOW - 1_000 },
      ]) {
        const signal = hostSignal(settings, host, 70_000);
        assert.deepEqual([signal.serviceableBacklog, signal.usefulWorkers], [0, 0], host.host);
        // The scaling metric asks for no worker at all...
        const [reading] = a.readings([signal], 70_000);
        assert.equal(replicasForMetric(a.spec.metrics[0]!, reading!, a.max), 0, `${r.source} ${host.host}`);
        // ...so the fleet shrinks to the least it keeps while jobs wait: minReplicas, or (KEDA,
        // scale to zero) the one worker its pending trigger keeps.
        const got = settled(a, [signal], 70_000, a.max);
        assert.equal(got, Math.max(a.min, 1), `${r.source} ${host.host}: ${got}`);
      }
    }
  });
});

describe('HPA on the External metric served by prometheus-adapter (autoscaling.mode=hpa)', () => {
  const adapter = () =>
    parse(readFileSync(join(CHART_DIR, 'files', 'prometheus-adapter-values.yaml'), 'utf8')).rules.external[0];

  test('one External metric with an AverageValue target: never a Pods metric', () => {
    assert.ok(withMode('hpa').length > 0, 'a ci values file renders the hpa mode');
    for (const r of all) {
      for (const hpa of r.objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
        assert.equal(hpa.spec.metrics.length, 1, r.source);
        const m = hpa.spec.metrics[0];
        assert.equal(m.type, 'External', r.source);
        assert.equal(m.external.metric.name, adapter().name.as);
        assert.equal(m.external.target.type, 'AverageValue', r.source);
        assert.equal(m.external.target.averageValue, String(r.values.autoscaling.jobsPerReplica));
        assert.deepEqual(m.external.metric.selector.matchLabels, { queue: QUEUE });
        assert.equal(hpa.spec.scaleTargetRef.name, 'nba-scraper-worker');
      }
    }
  });

  test('the adapter serves the series the chart records, whose expression is the KEDA query', () => {
    for (const r of withMode('hpa')) {
      const rule = find(r.objects, 'PrometheusRule', 'nba-scraper-autoscaling').spec.groups[0].rules[0];
      assert.equal(seriesOf(adapter().seriesQuery), rule.record);
      assert.match(adapter().name.matches, new RegExp(rule.record));
      // The same values in keda mode give a ScaledObject whose query is the rule's expression.
      const keda = helmTemplate({
        valuesFiles: [r.file!],
        set: {
          'autoscaling.mode': 'keda',
          'assumeAPIVersions[0]': 'monitoring.coreos.com/v1',
          'assumeAPIVersions[1]': 'keda.sh/v1alpha1',
        },
      });
      const [serviceable] = find(keda, 'ScaledObject', 'nba-scraper-worker').spec.triggers;
      assert.equal(serviceable.metadata.query, rule.expr);
      // What the HPA's selector and namespace make of the adapter's query.
      assert.equal(
        adapterQuery(adapter().metricsQuery, rule.record, { namespace: NAMESPACE, queue: QUEUE }),
        `max(${rule.record}{namespace="${NAMESPACE}",queue="${QUEUE}"})`,
      );
    }
  });

  test("the query reads the exporter's two gauges, exported once for the fleet, by queue and host", () => {
    const gauges = [EXPORTER_METRICS.queueServiceableBacklog, EXPORTER_METRICS.queueUsefulWorkers];
    for (const g of gauges) {
      assert.equal(g.role, 'exporter', 'exported once, not per worker pod');
      assert.deepEqual([...g.labels].sort(), ['host', 'queue']);
    }
    for (const r of autoscaled()) {
      const query = queryOf(r.objects);
      const selector = `{namespace="${NAMESPACE}",queue="${QUEUE}"}`;
      for (const g of gauges)
        assert.ok(query.includes(`max by (namespace, queue, host) (${g.name}${selector})`), r.source);
      assert.ok(query.includes(`${r.values.autoscaling.jobsPerReplica} * max by`), r.source);
    }
  });
});

/** The scaling query of a rendering: the KEDA trigger's, or the recording rule's. */
function queryOf(objects: readonly K8sObject[]): string {
  const so = objects.find((o) => o.kind === 'ScaledObject');
  if (so) return so.spec.triggers[0].metadata.query;
  return find(objects, 'PrometheusRule', 'nba-scraper-autoscaling').spec.groups[0].rules[0].expr;
}

describe('KEDA ScaledObject on the exporter through Prometheus (autoscaling.mode=keda)', () => {
  const scaledObjects = (): { r: Rendering; so: K8sObject }[] =>
    withMode('keda').map((r) => ({ r, so: find(r.objects, 'ScaledObject', 'nba-scraper-worker') }));

  test('a serviceable trigger (target jobsPerReplica) and a pending trigger (target 1) on Prometheus', () => {
    assert.ok(scaledObjects().length >= 2);
    for (const { r, so } of scaledObjects()) {
      const k = r.values.autoscaling.keda;
      const [serviceable, pending] = so.spec.triggers;
      assert.deepEqual(
        so.spec.triggers.map((t: { name: string; type: string; metricType: string }) => [
          t.name,
          t.type,
          t.metricType,
        ]),
        [
          ['serviceable', 'prometheus', 'AverageValue'],
          ['pending', 'prometheus', 'AverageValue'],
        ],
      );
      assert.equal(serviceable.metadata.threshold, String(r.values.autoscaling.jobsPerReplica));
      assert.equal(serviceable.metadata.activationThreshold, String(k.activationBacklog));
      assert.equal(pending.metadata.threshold, '1');
      assert.equal(pending.metadata.activationThreshold, '0');
      assert.match(
        pending.metadata.query,
        new RegExp(
          `nba_scraper_queue_jobs\\{namespace="${NAMESPACE}",queue="${QUEUE}",state=~"waiting\\|prioritized"\\}\\)\\) > bool ${k.activationBacklog}$`,
        ),
      );
      for (const t of so.spec.triggers) {
        assert.equal(t.metadata.serverAddress, k.serverAddress);
        assert.equal(t.metadata.ignoreNullValues, 'false', 'a lost exporter is an error, not a zero');
      }
      assert.equal(so.spec.advanced.scalingModifiers, undefined, 'two metrics: the HPA takes the larger');
      const model = kedaModel(so.spec as ScaledObjectSpec);
      assert.equal(model.hpa.metrics.length, 2);
    }
  });

  test('KEDA reads Prometheus, never Redis: no Redis trigger, no TriggerAuthentication', () => {
    for (const r of all) {
      assert.equal(r.objects.filter((o) => o.kind === 'TriggerAuthentication').length, 0, r.source);
      for (const so of r.objects.filter((o) => o.kind === 'ScaledObject'))
        for (const t of so.spec.triggers) assert.equal(t.type, 'prometheus', r.source);
    }
  });

  test('scale to zero only where asked, and only on an empty backlog (or one within activationBacklog)', () => {
    const zero = scaledObjects().filter(({ so }) => so.spec.minReplicaCount === 0);
    assert.equal(zero.length, 1);
    const a = autoscaler(zero[0]!.r);
    const settings = exporterSettings(zero[0]!.r);
    const activation = Number(zero[0]!.r.values.autoscaling.keda.activationBacklog);
    assert.equal(activation, 5);
    const held = { ...quietHost(BUDGETED), holdUntil: NOW + 60_000, holdKind: 'blocked' as const };
    for (const [backlog, host, active] of [
      [0, quietHost(BUDGETED), false],
      [5, quietHost(BUDGETED), false],
      [6, quietHost(BUDGETED), true],
      [6, held, true], // jobs wait for the hold: one worker stays
      [5, held, false],
    ] as const) {
      const hosts = [hostSignal(settings, host, backlog)];
      assert.equal(a.active(hosts, backlog), active, `backlog ${backlog}`);
      assert.equal(settled(a, hosts, backlog, 3), active ? 1 : 0, `backlog ${backlog}`);
    }
  });
});

describe('scale-down, and the settings the signal is computed from', () => {
  test('a 5-minute scale-down stabilization window and at most one pod removed per minute', () => {
    for (const r of autoscaled()) {
      const down = autoscaler(r).spec.behavior?.scaleDown;
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

  test('the workers and the exporter get the same concurrency, budgets and timeouts, from one ConfigMap', () => {
    const keys = [
      'WORKER_CONCURRENCY',
      'HOST_MAX_ACTIVE_JOBS',
      'HOST_RATE_LIMITS',
      'FETCH_TOTAL_TIMEOUT_MS',
      'BREAKER_RESET_MS',
      'SOURCE_BASE_URL',
    ];
    for (const r of all.filter((x) => x.values.exporter.enabled)) {
      const worker = containerEnv(r.objects, 'worker');
      const exporter = containerEnv(r.objects, 'exporter');
      for (const k of keys) assert.equal(exporter[k], worker[k], `${r.source}: ${k}`);
      assert.equal(worker.WORKER_CONCURRENCY, String(r.values.worker.concurrency), r.source);
      const args: string[] = find(r.objects, 'Deployment', 'nba-scraper-worker').spec.template.spec
        .containers[0].args;
      assert.ok(!args.some((a) => /^(-c|--concurrency)/.test(a)), `${r.source}: no concurrency argument`);
      const w = loadConfig(worker);
      const e = exporterSettings(r);
      assert.deepEqual(
        [e.workerConcurrency, e.hostMaxActiveJobs, e.hostRateLimits, e.fetchTotalTimeoutMs, e.breakerResetMs],
        [w.workerConcurrency, w.hostMaxActiveJobs, w.hostRateLimits, w.fetchTotalTimeoutMs, w.breakerResetMs],
      );
    }
  });

  test('the chart refuses a concurrency argument the exporter would not know of', () => {
    assert.throws(
      () => helmTemplate({ set: { 'worker.extraArgs[0]': '--concurrency=8' } }),
      /worker\.extraArgs sets the concurrency/,
    );
    assert.throws(() => helmTemplate({ set: { 'worker.extraArgs[0]': '-c' } }), /worker\.extraArgs sets/);
    helmTemplate({ set: { 'worker.extraArgs[0]': '--verbose' } });
  });
});
