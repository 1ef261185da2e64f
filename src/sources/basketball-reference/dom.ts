/**
 * The small DOM toolkit the parsers use: htmlparser2 builds a domhandler tree, and these helpers
 * walk it directly (no CSS selector engine, no wrapper objects). Profiling showed cheerio's default
 * parse5 backend plus css-select queries dominating a worker's CPU.
 *
 * htmlparser2 is not a browser-grade HTML parser. Where it differs from parse5 (the browser
 * algorithm) and how the parsers cope:
 * - no implicit `<tbody>`: `bodyRows` takes a table's direct `<tr>` children as body rows, where a
 *   browser wraps them in a `tbody` (the CSS selector `tbody > tr` matches them there);
 * - its implied end tags are simpler: `<td>` closes an open `td`/`th`, `<tr>` an open row and
 *   cell, `<tbody>`/`<tfoot>` an open section, like a browser, but only when the open element is
 *   the innermost one; there is no foster parenting of stray text in tables and no adoption agency
 *   for misnested formatting tags. The site's tables are well formed, and the tests parse every
 *   saved and generated page, and variants without `tbody` tags or closing cell and row tags, to
 *   the same values;
 * - the doctype node has DOM nodeType 1 like an element: `isElement` tests the node type name;
 * - tag and attribute names are lower-cased, entities decoded (`&nbsp;` -> U+00A0, `&amp;` -> `&`)
 *   in text and attributes, the first of two equal attributes wins: as in a browser.
 */
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { DomHandler, Parser } from 'htmlparser2';

export type { AnyNode, Document, Element };

/** A test on one element. */
export type Match = (el: Element) => boolean;

/**
 * Parses an HTML document or fragment into a domhandler tree. Several strings are parsed as one
 * document, one after the other (htmlparser2 is a streaming parser).
 */
export function parseHtml(html: string | Iterable<string>): Document {
  const handler = new DomHandler();
  const parser = new Parser(handler);
  if (typeof html === 'string') parser.end(html);
  else {
    for (const chunk of html) parser.write(chunk);
    parser.end();
  }
  return handler.root;
}

/** True for elements (`tag`, `script`, `style` nodes; not the doctype, whose DOM nodeType is 1 too). */
export function isElement(node: AnyNode): node is Element {
  const { type } = node;
  return type === 'tag' || type === 'script' || type === 'style';
}

function hasChildren(node: AnyNode): node is ParentNode {
  return 'children' in node;
}

/** True when the element's `class` attribute lists `name`. */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.attribs.class;
  if (cls === undefined || !cls.includes(name)) return false;
  return cls.split(/[\t\n\f\r ]+/).includes(name);
}

/** The CSS simple selector `tag` or `tag.class` as a Match: `is('div', 'score')` is `div.score` (`*` = any tag). */
export function is(tag: string, cls?: string): Match {
  return cls === undefined
    ? (el) => el.name === tag
    : (el) => (tag === '*' || el.name === tag) && hasClass(el, cls);
}

/** The CSS simple selector `tag#id` as a Match: `withId('table', 'schedule')` (`*` = any tag). */
export function withId(tag: string, id: string): Match {
  return (el) => (tag === '*' || el.name === tag) && el.attribs.id === id;
}

/** The text of a node and its descendants (comments excluded), like the DOM's `textContent`. */
export function textOf(node: AnyNode | undefined): string {
  if (node === undefined) return '';
  if (node.nodeType === 3) return (node as { data: string }).data;
  if (node.nodeType === 8 || !hasChildren(node)) return '';
  const { children } = node;
  if (children.length === 1) return textOf(children[0]);
  let out = '';
  for (const child of children) out += textOf(child);
  return out;
}

/** The element children of a node, optionally only those that match. */
export function childElements(node: AnyNode, match?: Match): Element[] {
  const out: Element[] = [];
  if (!hasChildren(node)) return out;
  for (const child of node.children) {
    if (isElement(child) && (match === undefined || match(child))) out.push(child);
  }
  return out;
}

/** The first element child that matches. */
export function childElement(node: AnyNode, match?: Match): Element | undefined {
  if (!hasChildren(node)) return undefined;
  for (const child of node.children) {
    if (isElement(child) && (match === undefined || match(child))) return child;
  }
  return undefined;
}

/** Cell elements (`th`, `td`) of a row, in order. */
export function cellsOf(row: Element): Element[] {
  return childElements(row, (el) => el.name === 'td' || el.name === 'th');
}

/**
 * Descendants of `root` (not `root` itself) matching a chain of descendant steps, in document
 * order: `select(root, is('div', 'filter'), is('a'))` is the CSS selector `div.filter a` scoped to
 * `root` (every step matches inside `root`, as with cheerio's `find`).
 */
export function select(root: AnyNode, ...steps: Match[]): Element[] {
  return selectLimit(root, steps, Number.POSITIVE_INFINITY);
}

/** The first match of `select(root, ...steps)`. */
export function selectFirst(root: AnyNode, ...steps: Match[]): Element | undefined {
  return selectLimit(root, steps, 1)[0];
}

function selectLimit(root: AnyNode, steps: readonly Match[], limit: number): Element[] {
  const out: Element[] = [];
  if (steps.length === 0 || !hasChildren(root)) return out;
  const last = steps.length - 1;
  // `matched` = how many leading steps the ancestors of the current node already satisfy.
  const walk = (node: ParentNode, matched: number): boolean => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      let next = matched;
      if (steps[matched]!(child)) {
        if (matched === last) {
          out.push(child);
          if (out.length >= limit) return true;
        } else next = matched + 1;
      }
      if (child.children.length > 0 && walk(child, next)) return true;
    }
    return false;
  };
  walk(root, 0);
  return out;
}

/** Every comment node under `root`, in document order. */
export function commentsUnder(root: AnyNode, out: string[] = []): string[] {
  if (root.nodeType === 8) out.push((root as { data: string }).data);
  else if (hasChildren(root)) for (const child of root.children) commentsUnder(child, out);
  return out;
}

/**
 * The body rows of a table, as the CSS selector `tbody > tr` sees them in a browser DOM: rows of
 * its `tbody` sections, and rows placed directly in the table (a browser wraps those in an
 * implicit `tbody`; htmlparser2 does not).
 */
export function bodyRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr' && (node === table || node.name === 'tbody')) rows.push(child);
      if (child.children.length > 0) walk(child);
    }
  };
  walk(table);
  return rows;
}

/** Every `tr` under a table (header, body and footer rows), in document order. */
export function allRows(table: Element): Element[] {
  return select(table, is('tr'));
}
