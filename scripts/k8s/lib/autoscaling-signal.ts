/**
 * The chart's autoscaling signal, pure, for the tests that run it through the HPA algorithm:
 *   - what its query (templates/_helpers.tpl, `nba-scraper.autoscalingQuery`) computes from the
 *     exporter's gauges: over the queue's hosts, sum(min(serviceable backlog, jobsPerReplica x
 *     useful workers)); test/integration/metrics/autoscaling.prometheus.test.ts checks that a real
 *     Prometheus gives the same numbers;
 *   - what KEDA's `pending` trigger reads: 1 while more than activationBacklog jobs wait;
 *   - prometheus-adapter's metricsQuery with its template filled in, as the adapter does for an
 *     HPA's selector;
 *   - the environment of an app container as the chart renders it (its ConfigMap through envFrom,
 *     then its own env), from which the exporter and the workers read their settings.
 */
import { find, type K8sObject } from './render.ts';

/** The exporter's two autoscaling gauges for one host of the queue. */
export interface HostSignal {
  readonly host: string;
  readonly serviceableBacklog: number;
  readonly usefulWorkers: number;
}

/** The value of the chart's query: sum over hosts of min(serviceable backlog, jobsPerReplica x useful workers). */
export function scalingSignal(hosts: readonly HostSignal[], jobsPerReplica: number): number {
  return hosts.reduce((sum, h) => sum + Math.min(h.serviceableBacklog, jobsPerReplica * h.usefulWorkers), 0);
}

/** The value of KEDA's pending trigger: 1 while more than activationBacklog jobs wait, else 0. */
export function pendingSignal(backlog: number, activationBacklog: number): number {
  return backlog > activationBacklog ? 1 : 0;
}

/**
 * prometheus-adapter's metricsQuery for a series and the label matchers of an HPA's selector and
 * namespace (`<<.Series>>`, `<<.LabelMatchers>>`; `<<.GroupBy>>` is empty for External metrics).
 */
export function adapterQuery(
  metricsQuery: string,
  series: string,
  matchers: Readonly<Record<string, string>>,
): string {
  const labels = Object.entries(matchers)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',');
  return metricsQuery
    .replaceAll('<<.Series>>', series)
    .replaceAll('<<.LabelMatchers>>', labels)
    .replaceAll('<<.GroupBy>>', '');
}

/** The series name an adapter rule's seriesQuery selects. */
export function seriesOf(seriesQuery: string): string {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{/.exec(seriesQuery);
  if (!m) throw new Error(`not a selector: ${seriesQuery}`);
  return m[1] as string;
}

/**
 * The environment variables a component's container gets (`worker`, `exporter`): the ConfigMap it
 * loads with envFrom, then its own `env` values (secret references left out).
 */
export function containerEnv(objects: readonly K8sObject[], component: string): Record<string, string> {
  const deployment = objects.find(
    (o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === component,
  );
  if (!deployment) throw new Error(`no Deployment of component ${component}`);
  const container = deployment.spec.template.spec.containers[0];
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const cm = find(objects, 'ConfigMap', from.configMapRef.name);
    Object.assign(env, cm.data);
  }
  for (const e of container.env ?? []) if (typeof e.value === 'string') env[e.name] = e.value;
  return env;
}
