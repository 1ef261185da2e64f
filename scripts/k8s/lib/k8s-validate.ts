/**
 * Offline validation of rendered objects against the Kubernetes API schemas, CRDs included:
 *   1. kubernetes-models' validators (JSON schemas of the OpenAPI spec: types, formats, required
 *      fields, enums, patterns), for the core API and the prometheus-operator and KEDA CRDs;
 *   2. unknown fields, which those validators let through (the schemas carry no
 *      additionalProperties: false) but `kubectl apply` rejects (--validate=strict): every
 *      object is type-checked as an object literal of its model's TypeScript interface, whose
 *      excess-property check names any field the API does not have.
 */
import { join } from 'node:path';
import * as kedaV1alpha1 from '@kubernetes-models/keda/keda.sh/v1alpha1';
import * as monitoringV1 from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import ts from 'typescript';
import { REPO_ROOT } from '../tools.ts';
import type { K8sObject } from './render.ts';

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** apiVersion -> [module namespace, module specifier for the TypeScript check]. */
const GROUPS: Record<string, [Record<string, unknown>, string]> = {
  v1: [coreV1, 'kubernetes-models/v1'],
  'apps/v1': [appsV1, 'kubernetes-models/apps/v1'],
  'batch/v1': [batchV1, 'kubernetes-models/batch/v1'],
  'policy/v1': [policyV1, 'kubernetes-models/policy/v1'],
  'networking.k8s.io/v1': [networkingV1, 'kubernetes-models/networking.k8s.io/v1'],
  'autoscaling/v2': [autoscalingV2, 'kubernetes-models/autoscaling/v2'],
  'monitoring.coreos.com/v1': [
    monitoringV1,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
  ],
  'keda.sh/v1alpha1': [kedaV1alpha1, '@kubernetes-models/keda/keda.sh/v1alpha1'],
};

export interface Problem {
  /** `Kind/name` and where it came from. */
  readonly object: string;
  readonly message: string;
}

function label(o: K8sObject, source: string): string {
  return `${o.kind}/${o.metadata?.name ?? '?'} (${source})`;
}

/** Schema validation by kubernetes-models (no unknown-field check). */
export function schemaProblems(objects: readonly K8sObject[], source: string): Problem[] {
  const problems: Problem[] = [];
  for (const o of objects) {
    const group = GROUPS[o.apiVersion];
    const Model = group?.[0][o.kind] as ModelClass | undefined;
    if (!Model) {
      problems.push({ object: label(o, source), message: `no schema known for ${o.apiVersion} ${o.kind}` });
      continue;
    }
    try {
      new Model(o).validate();
    } catch (err) {
      problems.push({ object: label(o, source), message: (err as Error).message });
    }
  }
  return problems;
}

/**
 * Unknown (and missing or mistyped) fields, by type-checking every object as a literal of its
 * model's interface. One TypeScript program for all objects: call it once with everything.
 */
export function strictFieldProblems(
  batches: readonly { source: string; objects: readonly K8sObject[] }[],
): Problem[] {
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const owners: { line: number; object: string }[] = [];
  let n = 0;
  for (const { source, objects } of batches) {
    for (const o of objects) {
      const group = GROUPS[o.apiVersion];
      if (!group?.[0][o.kind]) continue;
      const alias = `${o.kind}_${Object.keys(GROUPS).indexOf(o.apiVersion)}`;
      imports.set(alias, `import type { I${o.kind} as ${alias} } from '${group[1]}';`);
      // One line per field, so that a diagnostic's line names the field and its object.
      owners.push({ line: lines.length, object: label(o, source) });
      lines.push(...`export const o${n++}: ${alias} = ${JSON.stringify(o, null, 1)};`.split('\n'));
    }
  }
  const header = [...imports.values()];
  const text = [...header, ...lines].join('\n');
  // A virtual file inside the repository, so that node_modules resolves as for any test file.
  const fileName = join(REPO_ROOT, 'scripts', 'k8s', '__rendered_objects__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    name === fileName ? ts.createSourceFile(name, text, lang) : original(name, lang, onError, create);
  const origExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || origExists(name);
  const program = ts.createProgram([fileName], options, host);
  const problems: Problem[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file?.fileName !== fileName || d.start === undefined) {
      problems.push({
        object: '(type check)',
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
      continue;
    }
    const line = d.file.getLineAndCharacterOfPosition(d.start).line - header.length;
    const owner = [...owners].reverse().find((o) => o.line <= line);
    const where = d.file.text.split('\n')[line + header.length]?.trim() ?? '';
    problems.push({
      object: owner?.object ?? '?',
      message: `${ts.flattenDiagnosticMessageText(d.messageText, ' ')} at: ${where}`,
    });
  }
  return problems;
}
