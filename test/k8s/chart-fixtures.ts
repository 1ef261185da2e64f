/**
 * The chart rendered by the real helm with its default values and with every ci/*-values.yaml,
 * for the k8s tests. Rendered once per test file (helm template takes ~0.1 s).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CHART_DIR, helmTemplate, type K8sObject } from '../../scripts/k8s/lib/render.ts';

export interface Rendering {
  /** `default` or the ci file name. */
  readonly source: string;
  /** The values file (absolute), or null for the defaults. */
  readonly file: string | null;
  /** The merged values (defaults + file), as helm sees them. */
  // biome-ignore lint/suspicious/noExplicitAny: values are free-form YAML
  readonly values: any;
  readonly objects: K8sObject[];
}

export const CI_DIR = join(CHART_DIR, 'ci');

export function ciValuesFiles(): string[] {
  return readdirSync(CI_DIR)
    .filter((f) => f.endsWith('-values.yaml'))
    .sort()
    .map((f) => join(CI_DIR, f));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Helm's merge of values: maps merge, everything else is replaced. */
export function mergeValues(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValues(base[k], v);
  return out;
}

export function defaultValues(): unknown {
  return parse(readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8'));
}

let cache: Rendering[] | undefined;

/** The default rendering first, then one per ci values file. */
export function renderings(): Rendering[] {
  cache ??= [
    { source: 'default', file: null, values: defaultValues(), objects: helmTemplate() },
    ...ciValuesFiles().map((file) => ({
      source: file.slice(CI_DIR.length + 1),
      file,
      values: mergeValues(defaultValues(), parse(readFileSync(file, 'utf8'))),
      objects: helmTemplate({ valuesFiles: [file] }),
    })),
  ];
  return cache;
}

/** Pod templates of an object (Deployment, StatefulSet, Job, CronJob, Pod), or []. */
// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
export function podSpecOf(o: K8sObject): any | null {
  switch (o.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'Job':
      return o.spec.template.spec;
    case 'CronJob':
      return o.spec.jobTemplate.spec.template.spec;
    case 'Pod':
      return o.spec;
    default:
      return null;
  }
}

/** The component label of an object. */
export function componentOf(o: K8sObject): string | undefined {
  return o.metadata.labels?.['app.kubernetes.io/component'];
}

/** The app's own pods (the nba-scraper image): worker, exporter, producer runs, chart test. */
export const APP_COMPONENTS = ['worker', 'exporter', 'producer', 'test'];
