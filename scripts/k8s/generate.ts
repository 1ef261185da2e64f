/**
 * Everything generated from the chart and from src/config.ts, in one command:
 *   - helm/nba-scraper/values.schema.json: the `config` section, from SETTINGS;
 *   - helm/nba-scraper/README.md: the values table, from the `## @param` comments of values.yaml;
 *   - kubernetes/base and kubernetes/components/prometheus-operator: `helm template` output;
 *   - docs/operations.md: the alert table, from monitoring/prometheus/*.yaml.
 * Usage: node scripts/k8s/generate.ts [--check]
 * With --check nothing is written: it lists the files that differ and exits 1 (the tests call
 * the same functions).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { biomeFormat } from '../lib/biome-format.ts';
import { configSchemaProperties } from './lib/chart-settings.ts';
import { type GeneratedFile, manifestFiles } from './lib/manifests.ts';
import { CHART_DIR, helmTemplate } from './lib/render.ts';
import { parseValuesDoc, replaceGenerated, valuesTable } from './lib/values-doc.ts';
import { REPO_ROOT } from './tools.ts';

export const KUBERNETES_DIR = join(REPO_ROOT, 'kubernetes');
export const MANIFEST_VALUES = join(KUBERNETES_DIR, 'chart-values.yaml');
const GENERATED_DIRS = ['base', 'components/prometheus-operator'];

/** values.schema.json with its `config` section generated from SETTINGS. */
export function expectedSchema(): string {
  const path = join(CHART_DIR, 'values.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as {
    properties: { config: { properties: unknown } };
  };
  schema.properties.config.properties = configSchemaProperties();
  return biomeFormat(path, `${JSON.stringify(schema, null, 2)}\n`);
}

/** The chart README with its values table generated from values.yaml. */
export function expectedReadme(): string {
  const readme = readFileSync(join(CHART_DIR, 'README.md'), 'utf8');
  const doc = parseValuesDoc(readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8'));
  return biomeFormat(join(CHART_DIR, 'README.md'), replaceGenerated(readme, 'values', valuesTable(doc)));
}

interface AlertRule {
  alert?: string;
  for?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string };
}

/** docs/operations.md with its alert table generated from the rule files. */
export function expectedOperationsDoc(): string {
  const dir = join(REPO_ROOT, 'monitoring', 'prometheus');
  const rows: string[] = ['| Alert | Severity | For | Meaning |', '|---|---|---|---|'];
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  for (const f of files) {
    const doc = parse(readFileSync(join(dir, f), 'utf8')) as { groups?: { rules?: AlertRule[] }[] } | null;
    for (const rule of (doc?.groups ?? []).flatMap((g) => g.rules ?? [])) {
      if (!rule.alert) continue;
      const summary = (rule.annotations?.summary ?? '').replace(/\s+/g, ' ').replaceAll('|', '\\|');
      rows.push(
        `| [${rule.alert}](../monitoring/runbook.md#${rule.alert.toLowerCase()}) | ${rule.labels?.severity ?? ''} | ${rule.for ?? '0s'} | ${summary} |`,
      );
    }
  }
  const path = join(REPO_ROOT, 'docs', 'operations.md');
  return biomeFormat(path, replaceGenerated(readFileSync(path, 'utf8'), 'alerts', rows.join('\n')));
}

/** The generated files of kubernetes/, rendered by the real helm. */
export function expectedManifests(): GeneratedFile[] {
  const base = helmTemplate({ valuesFiles: [MANIFEST_VALUES] });
  const withMonitoring = helmTemplate({
    valuesFiles: [MANIFEST_VALUES],
    set: { 'assumeAPIVersions[0]': 'monitoring.coreos.com/v1' },
  });
  return manifestFiles(base, withMonitoring);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(KUBERNETES_DIR, join(d.parentPath, d.name)));
}

export interface Drift {
  /** Paths relative to the repository root that differ from what would be generated. */
  readonly changed: string[];
}

/** Compares (and with `write`, rewrites) every generated file. */
export function syncAll(write: boolean): Drift {
  const changed: string[] = [];
  const put = (path: string, text: string): void => {
    const have = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (have === text) return;
    changed.push(relative(REPO_ROOT, path));
    if (write) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  };
  // The schema first: helm validates the values the manifests are rendered with against it.
  put(join(CHART_DIR, 'values.schema.json'), expectedSchema());
  put(join(CHART_DIR, 'README.md'), expectedReadme());
  put(join(REPO_ROOT, 'docs', 'operations.md'), expectedOperationsDoc());
  const manifests = expectedManifests();
  for (const f of manifests) put(join(KUBERNETES_DIR, f.path), f.text);
  const stale = GENERATED_DIRS.flatMap((d) => listFiles(join(KUBERNETES_DIR, d))).filter(
    (p) => !manifests.some((f) => f.path === p),
  );
  for (const p of stale) {
    changed.push(relative(REPO_ROOT, join(KUBERNETES_DIR, p)));
    if (write) rmSync(join(KUBERNETES_DIR, p));
  }
  return { changed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const { changed } = syncAll(!check);
  if (changed.length === 0) process.stdout.write('generated files are up to date\n');
  else if (check) {
    process.stdout.write(`out of date (run node scripts/k8s/generate.ts):\n  ${changed.join('\n  ')}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`rewrote:\n  ${changed.join('\n  ')}\n`);
}
