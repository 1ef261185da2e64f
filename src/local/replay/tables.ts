/**
 * The markup of the site's stats tables shared by the season pages: header cells, data cells
 * (`iz` when empty or zero, an optional `csk` sort key), the `table.stats_table` itself, and its
 * `div.table_wrapper` section, live or, as the site serves many tables, inside an HTML comment
 * after a placeholder. The truth records read their numbers back from the same cell texts.
 */
import { esc } from './html.ts';
import { cellNumber } from './stats-math.ts';

/** A column: `data-stat`, header label, tooltip. */
export type Column = readonly [stat: string, label: string, tip?: string];

export interface TableCell {
  stat: string;
  /** Cell content (HTML: already escaped). */
  html: string;
  csk?: string;
  align?: 'left' | 'right' | 'center';
  /** Extra attributes (`data-append-csv="..."`). */
  attrs?: string;
}

/** The number a cell stands for: its numeric `csk` if any, else its text (`` -> null). */
export function cellValue(c: TableCell): number | null {
  if (c.csk !== undefined && c.csk !== '' && Number.isFinite(Number(c.csk))) return Number(c.csk);
  return cellNumber(c.html.replace(/<[^>]*>/g, ''));
}

/** Stats by `data-stat` as a parser reads them from the cells. */
export function cellValues(cells: readonly TableCell[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of cells) out[c.stat] = cellValue(c);
  return out;
}

/** A `td` (or the row's `th`). */
export function td(c: TableCell, tag: 'td' | 'th' = 'td'): string {
  const text = c.html.replace(/<[^>]*>/g, '');
  const iz = text === '' || (text.trim() !== '' && Number(text) === 0) ? 'iz' : '';
  const csk = c.csk === undefined ? '' : ` csk="${esc(c.csk)}"`;
  const scope = tag === 'th' ? 'scope="row" ' : '';
  return `<${tag} ${scope}class="${c.align ?? 'right'} ${iz}"${c.attrs ? ` ${c.attrs}` : ''} data-stat="${c.stat}"${csk} >${c.html}</${tag}>`;
}

/** A row of data cells, the first one a `th`. */
export function row(cells: readonly TableCell[], cls = ''): string {
  const [first, ...rest] = cells;
  return `<tr ${cls ? `class="${cls}" ` : ''}>${first ? td(first, 'th') : ''}${rest.map((c) => td(c)).join('')}</tr>`;
}

/** The header row of columns. */
export function headRow(columns: readonly Column[], cls = ''): string {
  const ths = columns.map(
    ([stat, label, tip]) =>
      `<th aria-label="${esc(label)}" data-stat="${stat}"${cls === 'thead' ? '' : ' scope="col"'} class=" poptip center"${tip ? ` data-tip="${esc(tip)}"` : ''} >${esc(label)}</th>`,
  );
  return `<tr${cls ? ` class="${cls}"` : ''}>\n${ths.join('\n')}\n</tr>`;
}

export interface TableSpec {
  id: string;
  /** Caption before ` Table` (HTML). */
  caption: string;
  columns: readonly Column[];
  /** `tr.over_header` rows placed before the header row. */
  overHeader?: string;
  body: readonly string[];
  cls?: string;
  freeze?: string;
}

export function table(t: TableSpec): string {
  return `<table class="${t.cls ?? 'sortable stats_table'}" id="${t.id}" data-cols-to-freeze="${t.freeze ?? ',1'}">
    <caption>${t.caption} Table</caption>
   <colgroup>${'<col>'.repeat(t.columns.length)}</colgroup>
   <thead>${t.overHeader ?? ''}
${headRow(t.columns)}
   </thead>
<tbody>${t.body.join('\n')}
</tbody></table>`;
}

/** `div#all_<id>` around a table: its heading (HTML), then the table, live or inside a comment. */
export function section(
  id: string,
  heading: string,
  tableHtml: string,
  commented: boolean,
  note = '',
): string {
  const open = commented ? '<div class="placeholder"></div>\n<!--\n' : '\n';
  const close = commented ? '\n-->\n' : '\n';
  return `<div id="all_${id}" class="table_wrapper${commented ? ' setup_commented commented' : ''}">

<div class="section_heading assoc_${id}" id="${id}_sh">
  <span class="section_anchor" id="${id}_link" data-label="${heading}"></span><h2>${heading}</h2>
      <div class="section_heading_text">
      <ul>${note}</ul>
    </div>
</div>${open}
<div class="table_container" id="div_${id}">
    ${tableHtml}
</div>
${close}</div>`;
}
