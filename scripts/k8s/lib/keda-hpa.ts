/**
 * What KEDA makes of a ScaledObject, pure: the HPA it creates (controllers/keda/hpa.go) and the
 * External metric values its metrics server answers with for given trigger readings, plus the
 * 0 <-> 1 activation step that KEDA itself performs when minReplicaCount is 0.
 *   - HPA minReplicas = minReplicaCount when > 0, else 1; maxReplicas = maxReplicaCount (100);
 *   - behavior = advanced.horizontalPodAutoscalerConfig.behavior;
 *   - with advanced.scalingModifiers.formula: ONE External metric ("composite-metric") whose value
 *     is the formula over the triggers' raw values, target scalingModifiers.target of type
 *     scalingModifiers.metricType (AverageValue by default);
 *   - without: one External metric per trigger, target its threshold (redis: listLength), and
 *     the HPA takes the largest proposal.
 */
import type { HpaSpec, MetricReading, MetricSpec } from './hpa-math.ts';

export interface ScaledObjectSpec {
  readonly minReplicaCount?: number;
  readonly maxReplicaCount?: number;
  readonly advanced?: {
    readonly horizontalPodAutoscalerConfig?: { readonly behavior?: HpaSpec['behavior'] };
    readonly scalingModifiers?: {
      readonly formula?: string;
      readonly target?: string;
      readonly activationTarget?: string;
      readonly metricType?: 'AverageValue' | 'Value';
    };
  };
  readonly triggers: readonly {
    readonly type: string;
    readonly name?: string;
    readonly metricType?: 'AverageValue' | 'Value';
    readonly metadata: Readonly<Record<string, string>>;
  }[];
}

/** The threshold metadata key of the trigger types this chart uses. */
const THRESHOLD_KEY: Record<string, string> = {
  redis: 'listLength',
  'redis-sentinel': 'listLength',
  'redis-cluster': 'listLength',
  prometheus: 'threshold',
};
const ACTIVATION_KEY: Record<string, string> = {
  redis: 'activationListLength',
  'redis-sentinel': 'activationListLength',
  'redis-cluster': 'activationListLength',
  prometheus: 'activationThreshold',
};

/**
 * Evaluates a scaling-modifier formula with + - * / and parentheses over trigger names (the
 * subset of expr-lang the chart uses).
 */
export function evaluateFormula(formula: string, values: Readonly<Record<string, number>>): number {
  const tokens = formula
    .match(/\s*([A-Za-z_][A-Za-z0-9_]*|[0-9]+(?:\.[0-9]+)?|[-+*/()])\s*/g)
    ?.map((t) => t.trim());
  if (!tokens || tokens.join('') !== formula.replace(/\s+/g, ''))
    throw new Error(`unsupported formula: ${formula}`);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`formula ends early: ${formula}`);
    if (t === '(') {
      const v = sum();
      if (tokens[i++] !== ')') throw new Error(`missing ) in ${formula}`);
      return v;
    }
    if (t === '-') return -primary();
    if (/^[0-9]/.test(t)) return Number(t);
    const v = values[t];
    if (v === undefined) throw new Error(`formula names ${t}, which is no trigger`);
    return v;
  };
  const product = (): number => {
    let v = primary();
    while (peek() === '*' || peek() === '/') v = tokens[i++] === '*' ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  const result = sum();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return result;
}

export interface KedaModel {
  /** The HPA KEDA creates. */
  readonly hpa: HpaSpec;
  /** The metric readings KEDA serves for the HPA's metrics, from each trigger's raw value. */
  readings(triggerValues: Readonly<Record<string, number>>): MetricReading[];
  /** Whether KEDA considers the scaler active (it scales 0 -> 1 only when active). */
  active(triggerValues: Readonly<Record<string, number>>): boolean;
  readonly minReplicaCount: number;
}

export function kedaModel(so: ScaledObjectSpec): KedaModel {
  const minReplicaCount = so.minReplicaCount ?? 0;
  const sm = so.advanced?.scalingModifiers;
  const names = so.triggers.map((t, i) => t.name ?? `s${i}`);
  const metrics: MetricSpec[] = [];
  if (sm?.formula) {
    if (!sm.target) throw new Error('scalingModifiers.formula needs a target');
    const type = sm.metricType ?? 'AverageValue';
    metrics.push({
      type: 'External',
      external: {
        metric: { name: 'composite-metric' },
        target: type === 'AverageValue' ? { type, averageValue: sm.target } : { type, value: sm.target },
      },
    });
  } else {
    so.triggers.forEach((t, i) => {
      const threshold = t.metadata[THRESHOLD_KEY[t.type] ?? ''];
      if (threshold === undefined) throw new Error(`trigger ${t.type} has no threshold`);
      const type = t.metricType ?? 'AverageValue';
      metrics.push({
        type: 'External',
        external: {
          metric: { name: `s${i}-${t.type}` },
          target: type === 'AverageValue' ? { type, averageValue: threshold } : { type, value: threshold },
        },
      });
    });
  }
  const raw = (values: Readonly<Record<string, number>>): number[] =>
    names.map((n) => {
      const v = values[n];
      if (v === undefined) throw new Error(`no value for trigger ${n}`);
      return v;
    });
  return {
    minReplicaCount,
    hpa: {
      minReplicas: minReplicaCount > 0 ? minReplicaCount : 1,
      maxReplicas: so.maxReplicaCount ?? 100,
      metrics,
      behavior: so.advanced?.horizontalPodAutoscalerConfig?.behavior,
    },
    readings(values) {
      if (sm?.formula) return [{ total: evaluateFormula(sm.formula, values) }];
      return raw(values).map((total) => ({ total }));
    },
    active(values) {
      if (sm?.formula) return evaluateFormula(sm.formula, values) > Number(sm.activationTarget ?? 0);
      return so.triggers.some(
        (t, i) => raw(values)[i]! > Number(t.metadata[ACTIVATION_KEY[t.type] ?? ''] ?? 0),
      );
    },
  };
}
