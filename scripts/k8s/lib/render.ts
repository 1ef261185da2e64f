/**
 * Runs the real helm and kubectl (scripts/k8s/tools.ts) on the chart and parses what they print.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ensureK8sTools, REPO_ROOT } from '../tools.ts';

export const CHART_DIR = join(REPO_ROOT, 'helm', 'nba-scraper');
export const RELEASE = 'nba-scraper';
export const NAMESPACE = 'nba-scraper';

/** A rendered Kubernetes object (loosely typed: tests read what they need). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
  [key: string]: any;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): RunResult {
  const res = spawnSync(cmd, args, { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (res.error) throw res.error;
  // helm logs every followed symlink (files/monitoring) at INFO level: not a problem.
  const stderr = res.stderr
    .split('\n')
    .filter((l) => !/found symbolic link in path/.test(l))
    .join('\n')
    .trim();
  return { code: res.status, stdout: res.stdout, stderr };
}

/** Parses a multi-document YAML stream into objects (empty documents dropped). */
export function parseManifests(text: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0)
      throw new Error(`invalid YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
    const obj = doc.toJS() as K8sObject | null;
    if (obj !== null && obj !== undefined) out.push(obj);
  }
  return out;
}

export interface RenderOptions {
  valuesFiles?: string[];
  set?: Record<string, string>;
  /** `--api-versions`, as a cluster would report them. */
  apiVersions?: string[];
  namespace?: string;
  release?: string;
}

function valuesArgs(opts: RenderOptions): string[] {
  const args: string[] = [];
  for (const f of opts.valuesFiles ?? []) args.push('-f', f);
  for (const [k, v] of Object.entries(opts.set ?? {})) args.push('--set', `${k}=${v}`);
  return args;
}

/** `helm template`; throws with helm's message when it fails. */
export function helmTemplate(opts: RenderOptions = {}): K8sObject[] {
  const r = helmTemplateRaw(opts);
  if (r.code !== 0) throw new Error(`helm template failed:\n${r.stderr}`);
  return parseManifests(r.stdout);
}

export function helmTemplateRaw(opts: RenderOptions = {}): RunResult {
  const tools = ensureK8sTools();
  const args = [
    'template',
    opts.release ?? RELEASE,
    CHART_DIR,
    '--namespace',
    opts.namespace ?? NAMESPACE,
    ...valuesArgs(opts),
  ];
  for (const v of opts.apiVersions ?? []) args.push('--api-versions', v);
  return run(tools.helm, args, tools.env);
}

/** `helm lint --strict` with the given values. */
export function helmLint(opts: RenderOptions = {}): RunResult {
  const tools = ensureK8sTools();
  return run(tools.helm, ['lint', '--strict', CHART_DIR, ...valuesArgs(opts)], tools.env);
}

/** `kubectl kustomize <dir>` (kustomize v5, built into kubectl). */
export function kustomize(dir: string): K8sObject[] {
  const tools = ensureK8sTools();
  const r = run(tools.kubectl, ['kustomize', dir], tools.env);
  if (r.code !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${r.stderr}`);
  return parseManifests(r.stdout);
}

/** The object of a kind and name, or a clear failure. */
export function find(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) {
    const have = objects.map((x) => `${x.kind}/${x.metadata.name}`).join(', ');
    throw new Error(`no ${kind}/${name} among: ${have}`);
  }
  return o;
}
