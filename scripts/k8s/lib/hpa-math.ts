/**
 * The Kubernetes HorizontalPodAutoscaler algorithm (autoscaling/v2, kube-controller-manager's
 * pkg/controller/podautoscaler), pure: no clock, no API. Enough of it to answer "how many
 * replicas does this HPA choose for this metric value, starting from that many replicas":
 *   - per metric: External AverageValue desired = ceil(total / targetAverageValue); External
 *     Value desired = ceil(total / target x current); Pods AverageValue desired =
 *     ceil(mean(per-pod values) / target x current); each keeps the current count while the usage
 *     ratio is within the tolerance (0.1) of 1;
 *   - several metrics: the largest proposal;
 *   - current above max or below min: clamped first;
 *   - behavior: stabilization windows (scale up to the lowest, down to the highest recommendation
 *     of the window), rate policies (Pods / Percent per period, selectPolicy Max / Min /
 *     Disabled), then minReplicas / maxReplicas.
 * `HpaController` keeps the state the real controller keeps (recommendations, scale events) and
 * `settle` runs its 15-second loop until the replica count stops changing.
 */

export type PolicyType = 'Pods' | 'Percent';
export interface ScalingPolicy {
  readonly type: PolicyType;
  readonly value: number;
  readonly periodSeconds: number;
}
export interface ScalingRules {
  readonly stabilizationWindowSeconds?: number;
  readonly selectPolicy?: 'Max' | 'Min' | 'Disabled';
  readonly policies?: readonly ScalingPolicy[];
  /** Tolerance of this direction (Kubernetes >= 1.33 with HPAConfigurableTolerance); default 0.1. */
  readonly tolerance?: number;
}
export interface Behavior {
  readonly scaleUp?: ScalingRules;
  readonly scaleDown?: ScalingRules;
}

export interface MetricTarget {
  readonly type: 'AverageValue' | 'Value' | 'Utilization';
  readonly averageValue?: string | number;
  readonly value?: string | number;
}
export type MetricSpec =
  | {
      readonly type: 'External';
      readonly external: { readonly metric: { readonly name: string }; readonly target: MetricTarget };
    }
  | {
      readonly type: 'Pods';
      readonly pods: { readonly metric: { readonly name: string }; readonly target: MetricTarget };
    };

export interface HpaSpec {
  readonly minReplicas?: number;
  readonly maxReplicas: number;
  readonly metrics: readonly MetricSpec[];
  readonly behavior?: Behavior;
}

/** What the metrics API answers for one metric: the External total, or one value per pod. */
export type MetricReading = { readonly total: number } | { readonly perPod: readonly number[] };

export const DEFAULT_TOLERANCE = 0.1;
/** kube-controller-manager --horizontal-pod-autoscaler-sync-period */
export const SYNC_PERIOD_SECONDS = 15;

const SUFFIX: Record<string, number> = {
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A Kubernetes quantity ("100", "1500m", "2k", "1Gi") as a number. */
export function parseQuantity(q: string | number): number {
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(q.trim());
  if (!m) throw new Error(`not a quantity: "${q}"`);
  return Number(m[1]) * SUFFIX[m[2] ?? '']!;
}

/** Quantities are compared in milli-units by the controller (MilliValue). */
function milli(x: number): number {
  return Math.round(x * 1000);
}

/** The defaults the API server fills into a behavior (SetDefaults_HorizontalPodAutoscalerBehavior). */
export function withDefaults(behavior: Behavior | undefined): Required<Behavior> {
  const up = behavior?.scaleUp;
  const down = behavior?.scaleDown;
  return {
    scaleUp: {
      stabilizationWindowSeconds: up?.stabilizationWindowSeconds ?? 0,
      selectPolicy: up?.selectPolicy ?? 'Max',
      policies: up?.policies ?? [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
      tolerance: up?.tolerance ?? DEFAULT_TOLERANCE,
    },
    scaleDown: {
      // --horizontal-pod-autoscaler-downscale-stabilization default
      stabilizationWindowSeconds: down?.stabilizationWindowSeconds ?? 300,
      selectPolicy: down?.selectPolicy ?? 'Max',
      policies: down?.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      tolerance: down?.tolerance ?? DEFAULT_TOLERANCE,
    },
  };
}

function withinTolerance(ratio: number, behavior: Required<Behavior>): boolean {
  const tol = ratio > 1 ? behavior.scaleUp.tolerance! : behavior.scaleDown.tolerance!;
  return Math.abs(1 - ratio) <= tol;
}

/**
 * Replicas one metric asks for (replica_calculator.go), `current` being the ready replicas.
 */
export function replicasForMetric(
  metric: MetricSpec,
  reading: MetricReading,
  current: number,
  behavior: Required<Behavior> = withDefaults(undefined),
): number {
  if (metric.type === 'External') {
    if (!('total' in reading)) throw new Error('an External metric has one total, not per-pod values');
    const usage = milli(reading.total);
    const t = metric.external.target;
    if (t.type === 'AverageValue') {
      // GetExternalPerPodMetricReplicas
      const target = milli(parseQuantity(t.averageValue ?? NaN));
      const ratio = usage / (target * current);
      if (withinTolerance(ratio, behavior)) return current;
      return Math.ceil(usage / target);
    }
    if (t.type === 'Value') {
      // GetExternalMetricReplicas
      const target = milli(parseQuantity(t.value ?? NaN));
      const ratio = usage / target;
      if (withinTolerance(ratio, behavior)) return current;
      return Math.ceil(ratio * current);
    }
    throw new Error('External metrics take AverageValue or Value targets');
  }
  if (!('perPod' in reading)) throw new Error('a Pods metric has one value per pod');
  const t = metric.pods.target;
  if (t.type !== 'AverageValue') throw new Error('Pods metrics take AverageValue targets');
  // GetMetricReplicas -> calcPlainMetricReplicas (every pod ready and reporting)
  const values = reading.perPod.map(milli);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const ratio = mean / milli(parseQuantity(t.averageValue ?? NaN));
  if (withinTolerance(ratio, behavior)) return current;
  return Math.ceil(ratio * values.length);
}

interface Stamped {
  readonly value: number;
  readonly at: number;
}

/** One HPA as the controller sees it over time. Times are in seconds. */
export class HpaController {
  readonly spec: HpaSpec;
  readonly behavior: Required<Behavior>;
  private recommendations: Stamped[] | null = null;
  private readonly upEvents: Stamped[] = [];
  private readonly downEvents: Stamped[] = [];

  constructor(spec: HpaSpec) {
    this.spec = spec;
    this.behavior = withDefaults(spec.behavior);
  }

  get minReplicas(): number {
    return this.spec.minReplicas ?? 1;
  }

  /**
   * One reconcile at time `now`: the replica count the controller sets. `readings` holds one
   * reading per metric of the spec, in order.
   */
  reconcile(now: number, current: number, readings: readonly MetricReading[]): number {
    const min = this.minReplicas;
    const max = this.spec.maxReplicas;
    let desired: number;
    if (current === 0 && min !== 0) return 0; // scaling disabled (the Deployment was scaled to 0)
    if (current > max) desired = max;
    else if (current < min) desired = min;
    else {
      let proposal = 0;
      this.spec.metrics.forEach((m, i) => {
        const reading = readings[i];
        if (!reading) throw new Error(`no reading for metric ${i}`);
        proposal = Math.max(proposal, replicasForMetric(m, reading, current, this.behavior));
      });
      desired = this.normalize(now, current, proposal, min, max);
    }
    if (desired > current) this.upEvents.push({ value: desired - current, at: now });
    if (desired < current) this.downEvents.push({ value: current - desired, at: now });
    return desired;
  }

  /** normalizeDesiredReplicasWithBehaviors: stabilize, then apply the rate policies and bounds. */
  private normalize(now: number, current: number, proposal: number, min: number, max: number): number {
    const { scaleUp, scaleDown } = this.behavior;
    if (this.recommendations === null) {
      // maybeInitScaleDownStabilizationWindow: a new HPA does not scale down within the window.
      this.recommendations = scaleDown.stabilizationWindowSeconds! > 0 ? [{ value: current, at: now }] : [];
    }
    const upCutoff = now - scaleUp.stabilizationWindowSeconds!;
    const downCutoff = now - scaleDown.stabilizationWindowSeconds!;
    let up = proposal;
    let down = proposal;
    let oldIndex = -1;
    this.recommendations.forEach((r, i) => {
      if (r.at > upCutoff) up = Math.min(up, r.value);
      if (r.at > downCutoff) down = Math.max(down, r.value);
      if (r.at < upCutoff && r.at < downCutoff) oldIndex = i;
    });
    let stabilized = current;
    if (stabilized < up) stabilized = up;
    if (stabilized > down) stabilized = down;
    if (oldIndex >= 0) this.recommendations[oldIndex] = { value: proposal, at: now };
    else this.recommendations.push({ value: proposal, at: now });

    if (stabilized > current) {
      let limit = this.scaleLimit(now, current, scaleUp, 'up');
      if (limit < current) limit = current;
      return Math.min(stabilized, Math.min(max, limit));
    }
    if (stabilized < current) {
      let limit = this.scaleLimit(now, current, scaleDown, 'down');
      if (limit > current) limit = current;
      return Math.max(stabilized, Math.max(min, limit));
    }
    return stabilized;
  }

  private changeIn(periodSeconds: number, events: readonly Stamped[], now: number): number {
    return events.filter((e) => e.at > now - periodSeconds).reduce((a, e) => a + e.value, 0);
  }

  /** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors */
  private scaleLimit(now: number, current: number, rules: ScalingRules, dir: 'up' | 'down'): number {
    if (rules.selectPolicy === 'Disabled') return current;
    const pickMax = (rules.selectPolicy === 'Min') === (dir === 'down');
    let result = pickMax ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (const p of rules.policies ?? []) {
      const start =
        current -
        this.changeIn(p.periodSeconds, this.upEvents, now) +
        this.changeIn(p.periodSeconds, this.downEvents, now);
      let proposed: number;
      if (dir === 'up')
        proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
      else proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
      result = pickMax ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }
}

export interface SettleResult {
  /** Replicas once nothing changes any more. */
  readonly replicas: number;
  /** Seconds until the last change. */
  readonly seconds: number;
  /** The replica count after each reconcile. */
  readonly history: readonly number[];
}

/**
 * Runs the controller every SYNC_PERIOD_SECONDS from `current` replicas with readings that
 * depend only on the replica count (a constant backlog), until the count has not changed for
 * longer than every window and policy period, or `maxSeconds` pass.
 */
export function settle(
  spec: HpaSpec,
  current: number,
  readingsFor: (replicas: number) => readonly MetricReading[],
  maxSeconds = 4 * 3600,
): SettleResult {
  const hpa = new HpaController(spec);
  const b = hpa.behavior;
  const quiet =
    Math.max(
      b.scaleUp.stabilizationWindowSeconds!,
      b.scaleDown.stabilizationWindowSeconds!,
      ...(b.scaleUp.policies ?? []).map((p) => p.periodSeconds),
      ...(b.scaleDown.policies ?? []).map((p) => p.periodSeconds),
    ) + SYNC_PERIOD_SECONDS;
  let replicas = current;
  let lastChange = 0;
  const history: number[] = [];
  for (let now = 0; now <= maxSeconds; now += SYNC_PERIOD_SECONDS) {
    const next = hpa.reconcile(now, replicas, readingsFor(replicas));
    history.push(next);
    if (next !== replicas) lastChange = now;
    replicas = next;
    if (now - lastChange > quiet) return { replicas, seconds: lastChange, history };
  }
  throw new Error(`the HPA did not settle within ${maxSeconds} s: ${history.slice(-20).join(' ')}`);
}

/** The ideal: ceil(backlog / target) within [min, max]. */
export function idealReplicas(backlog: number, target: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.ceil(backlog / target)));
}
