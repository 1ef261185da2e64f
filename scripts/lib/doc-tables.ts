/**
 * Generated parts of the docs: the settings table (from src/config.ts SETTINGS) and the error
 * code table (from src/errors/codes.ts). They live in the docs between marker comments
 * `<!-- generated:NAME:start -->` / `<!-- generated:NAME:end -->`; `npm run docs` rewrites them
 * and a test fails when they drift.
 */
import { SETTINGS } from '../../src/config.ts';
import { ERROR_CODES } from '../../src/errors/codes.ts';
import { biomeFormat } from './biome-format.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function shownDefault(s: { default: unknown; shownDefault?: string }): string {
  if (s.shownDefault !== undefined) return s.shownDefault;
  if (Array.isArray(s.default)) return s.default.join(',');
  return String(s.default);
}

export function settingsTable(): string {
  const rows = Object.values(SETTINGS).map(
    (s) => `| \`${s.env}\` | \`${cell(shownDefault(s))}\` | ${cell(s.doc)} |`,
  );
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

export function errorTable(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, doc]) => `| \`${code}\` | ${cell(doc)} |`);
  return ['| Code | Meaning and what the queue does |', '|---|---|', ...rows].join('\n');
}

export const GENERATED: Record<string, () => string> = { settings: settingsTable, errors: errorTable };

/**
 * Replaces every generated block in `text` and formats the file as biome does (it aligns
 * Markdown tables), so a checked-in file equals what `npm run docs` writes.
 */
export function fillGenerated(path: string, text: string): string {
  return biomeFormat(path, fillBlocks(text));
}

function fillBlocks(text: string): string {
  return text.replace(
    /<!-- generated:([a-z-]+):start -->[\s\S]*?<!-- generated:\1:end -->/g,
    (_all, name: string) => {
      const render = GENERATED[name];
      if (!render) throw new Error(`unknown generated block "${name}"`);
      return `<!-- generated:${name}:start -->\n${render()}\n<!-- generated:${name}:end -->`;
    },
  );
}
