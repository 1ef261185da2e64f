/**
 * The chart's values documentation: `## @section` and `## @param <path> <description>` comments
 * of values.yaml (bitnami's convention) -> the README's values table. Pure: text in, text out.
 */
import { parse } from 'yaml';

export interface ValueParam {
  readonly path: string;
  readonly description: string;
  readonly section: string;
}

export interface ValuesDoc {
  readonly params: readonly ValueParam[];
  readonly sections: readonly string[];
  readonly values: unknown;
}

export function parseValuesDoc(text: string): ValuesDoc {
  const params: ValueParam[] = [];
  const sections: string[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const s = /^\s*##\s*@section\s+(.+?)\s*$/.exec(line);
    if (s) {
      section = s[1]!;
      sections.push(section);
      continue;
    }
    const p = /^\s*##\s*@param\s+(\S+)\s+(.+?)\s*$/.exec(line);
    if (p) params.push({ path: p[1]!, description: p[2]!, section });
  }
  return { params, sections, values: parse(text) as unknown };
}

/** The value at a dotted path (`worker.pdb.enabled`), or undefined. */
export function valueAt(values: unknown, path: string): unknown {
  let cur: unknown = values;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Every documentable path of the values: leaves (scalars, lists, empty maps). A documented path
 * covers everything below it (e.g. `worker.resources` documents its requests and limits).
 */
export function leafPaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return prefix ? [prefix] : [];
  const entries = Object.entries(values as Record<string, unknown>);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/** Leaves of values.yaml that no `@param` documents, and params that name no value. */
export function undocumented(doc: ValuesDoc): { missing: string[]; unknown: string[] } {
  const documented = doc.params.map((p) => p.path);
  const covers = (leaf: string): boolean => documented.some((d) => leaf === d || leaf.startsWith(`${d}.`));
  const missing = leafPaths(doc.values).filter((leaf) => !covers(leaf));
  const unknown = documented.filter((d) => valueAt(doc.values, d) === undefined);
  return { missing, unknown };
}

function shownDefault(v: unknown): string {
  const json = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v ?? null);
  const text = json.length > 80 ? `${json.slice(0, 77)}...` : json;
  return `\`${text.replaceAll('|', '\\|')}\``;
}

/** The markdown values table, one per section. */
export function valuesTable(doc: ValuesDoc): string {
  const out: string[] = [];
  for (const section of doc.sections) {
    const params = doc.params.filter((p) => p.section === section);
    if (params.length === 0) continue;
    out.push(`### ${section}`, '', '| Name | Description | Default |', '|---|---|---|');
    for (const p of params) {
      out.push(
        `| \`${p.path}\` | ${p.description.replaceAll('|', '\\|')} | ${shownDefault(valueAt(doc.values, p.path))} |`,
      );
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** Replaces the text between `<!-- generated:NAME:start -->` and `<!-- generated:NAME:end -->`. */
export function replaceGenerated(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) throw new Error(`markers ${start} ... ${end} not found`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}
