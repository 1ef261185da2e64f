/**
 * A small YAML writer for the generated rule files: mappings, sequences, strings, numbers and
 * booleans, block literals for multi-line strings. Output is stable (keys in insertion order), so
 * the drift check can compare bytes.
 */

type Value = string | number | boolean | null | Value[] | { [key: string]: Value | undefined };

const PLAIN = /^[A-Za-z_][A-Za-z0-9_./: -]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~)$/i;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (
    PLAIN.test(value) &&
    !RESERVED.test(value) &&
    !value.endsWith(' ') &&
    !value.endsWith(':') &&
    !value.includes(': ') &&
    !value.includes(' #')
  )
    return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function isScalar(v: Value): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

function lines(value: Value, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    const out: string[] = [];
    for (const item of value) {
      if (isScalar(item)) {
        out.push(...entryLines(`${indent}- `, item, `${indent}  `));
        continue;
      }
      const inner = lines(item, `${indent}  `);
      out.push(`${indent}- ${(inner[0] as string).slice(indent.length + 2)}`, ...inner.slice(1));
    }
    return out;
  }
  if (isScalar(value)) return [`${indent}${scalar(value)}`];
  const out: string[] = [];
  const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, Value][];
  if (entries.length === 0) return [`${indent}{}`];
  for (const [key, v] of entries) {
    const k = scalar(key);
    if (isScalar(v)) out.push(...entryLines(`${indent}${k}: `, v, `${indent}  `));
    else if (Array.isArray(v) && v.length === 0) out.push(`${indent}${k}: []`);
    else if (!Array.isArray(v) && Object.keys(v).length === 0) out.push(`${indent}${k}: {}`);
    else out.push(`${indent}${k}:`, ...lines(v, `${indent}  `));
  }
  return out;
}

/** `prefix` + the scalar, or a block literal when the string has several lines. */
function entryLines(prefix: string, v: string | number | boolean | null, indent: string): string[] {
  if (typeof v === 'string' && v.includes('\n')) {
    return [`${prefix}|-`, ...v.split('\n').map((l) => (l === '' ? '' : `${indent}${l}`))];
  }
  return [`${prefix}${scalar(v)}`];
}

export function toYaml(value: Value): string {
  return `${lines(value, '').join('\n')}\n`;
}

export type { Value as YamlValue };
