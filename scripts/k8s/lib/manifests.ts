/**
 * kubernetes/ from the chart: `helm template` with kubernetes/chart-values.yaml, turned into plain
 * files for `kubectl apply -k` (a kustomize base, and a component with the Prometheus Operator
 * objects). The overlays are hand-written patches over the base. Pure apart from the render
 * callback, so the drift check and the writer share one function.
 */
import { stringify } from 'yaml';
import type { K8sObject } from './render.ts';

export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

const HEADER = [
  '# Generated from the Helm chart helm/nba-scraper by scripts/k8s/generate.ts',
  '# (values: kubernetes/chart-values.yaml). Do not edit: change the chart or those values and',
  '# run `node scripts/k8s/generate.ts`; a test fails when this file drifts from the chart.',
].join('\n');

/** Kinds that need the Prometheus Operator: they go to the component, not the base. */
const MONITORING_KINDS = new Set(['ServiceMonitor', 'PrometheusRule']);

/** Plain-kubectl form of a rendered object: no Helm bookkeeping labels, no Helm test hooks. */
export function toPlain(obj: K8sObject): K8sObject | null {
  if (obj.metadata.annotations?.['helm.sh/hook'] === 'test') return null;
  const copy = structuredClone(obj);
  const relabel = (labels: Record<string, string> | undefined): void => {
    if (!labels) return;
    delete labels['helm.sh/chart'];
    if (labels['app.kubernetes.io/managed-by'] === 'Helm')
      labels['app.kubernetes.io/managed-by'] = 'kustomize';
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    const meta = rec.metadata as { labels?: Record<string, string> } | undefined;
    if (meta && typeof meta === 'object') relabel(meta.labels);
    for (const v of Object.values(rec)) walk(v);
  };
  walk(copy);
  return copy;
}

function fileName(obj: K8sObject): string {
  return `${obj.kind}-${obj.metadata.name}.yaml`.toLowerCase();
}

function yamlOf(obj: K8sObject): string {
  return `${HEADER}\n${stringify(obj, { lineWidth: 0, sortMapEntries: false })}`;
}

function kustomization(kind: 'Kustomization' | 'Component', files: string[], comment: string): string {
  const apiVersion =
    kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  return `${HEADER}\n# ${comment}\n${stringify({ apiVersion, kind, resources: [...files].sort() }, { lineWidth: 0 })}`;
}

/**
 * The generated files of kubernetes/: `base` from a render without the Prometheus Operator,
 * `components/prometheus-operator` from the monitoring objects of a render with it.
 */
export function manifestFiles(
  base: readonly K8sObject[],
  withMonitoring: readonly K8sObject[],
): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const baseNames: string[] = [];
  for (const o of base) {
    const plain = toPlain(o);
    if (!plain) continue;
    if (MONITORING_KINDS.has(plain.kind)) throw new Error(`${plain.kind} in the base render`);
    const name = fileName(plain);
    if (baseNames.includes(name)) throw new Error(`two objects would be written to base/${name}`);
    baseNames.push(name);
    files.push({ path: `base/${name}`, text: yamlOf(plain) });
  }
  files.push({
    path: 'base/kustomization.yaml',
    text: kustomization('Kustomization', baseNames, 'Everything but the Prometheus Operator objects.'),
  });
  const monNames: string[] = [];
  for (const o of withMonitoring) {
    if (!MONITORING_KINDS.has(o.kind)) continue;
    const plain = toPlain(o)!;
    const name = fileName(plain);
    monNames.push(name);
    files.push({ path: `components/prometheus-operator/${name}`, text: yamlOf(plain) });
  }
  files.push({
    path: 'components/prometheus-operator/kustomization.yaml',
    text: kustomization(
      'Component',
      monNames,
      'ServiceMonitors and the PrometheusRule; add `components: [../../components/prometheus-operator]` to an overlay when the cluster runs the Prometheus Operator.',
    ),
  });
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
