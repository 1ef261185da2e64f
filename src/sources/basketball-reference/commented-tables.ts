/**
 * Finds a table by id, whether the page serves it live or hidden in an HTML comment.
 *
 * The site sends some tables as
 * `<div id="all_X"> ... <!-- <div class="table_container"> <table id="X">...</table></div> --> </div>`
 * (box scores: `line_score`, `four_factors`; season summaries: most team tables in 2018 captures)
 * and un-comments them with JavaScript. A DOM parser sees a comment node, so its text is parsed
 * again as its own document (only the comment that holds the table, found by string search). The
 * search is scoped to `div#content`: the site-wide header carries its own scores and tables.
 */
import {
  type AnyNode,
  commentsUnder,
  type Element,
  isElement,
  parseHtml,
  selectFirst,
  withId,
} from './dom.ts';

/** A table, live or parsed out of a comment. */
export interface FoundTable {
  table: Element;
  /** True when the table came out of an HTML comment. */
  commented: boolean;
}

/** The first live table and the first element of each id under a root, and its comments, from one walk. */
interface IdIndex {
  tables: Map<string, Element>;
  elements: Map<string, Element>;
  comments: string[];
}

/**
 * The index of a root, kept on the root element itself. Not in a WeakMap: V8's young-generation
 * collections (scavenges) keep a WeakMap's values alive, and an index references the whole DOM (and
 * through its texts the page string), so every page parsed would survive to the old generation and
 * wait for a full collection: 1 MB or more of garbage promoted per box score page (measured with
 * `--trace-gc-nvp` on a parse loop; a scavenge's survivors fell from ~5 MB to ~0.2 MB without it).
 */
const INDEX = Symbol('id index');
type Indexed = Element & { [INDEX]?: IdIndex };

function indexOf(root: Indexed): IdIndex {
  const hit = root[INDEX];
  if (hit) return hit;
  const index: IdIndex = { tables: new Map(), elements: new Map(), comments: [] };
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.nodeType === 8) index.comments.push(child.data);
      else if (isElement(child)) {
        const id = child.attribs.id;
        if (id !== undefined) {
          if (!index.elements.has(id)) index.elements.set(id, child);
          if (child.name === 'table' && !index.tables.has(id)) index.tables.set(id, child);
        }
        if (child.children.length > 0) walk(child);
      }
    }
  };
  walk(root);
  root[INDEX] = index;
  return index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TABLE_TAG = /<table\b/i;

function fromComments(comments: readonly string[], id: string): FoundTable | undefined {
  const marker = new RegExp(`\\bid\\s*=\\s*["']?${escapeRegExp(id)}["'\\s>]`, 'i');
  for (const text of comments) {
    if (!TABLE_TAG.test(text) || !marker.test(text)) continue;
    const table = selectFirst(parseHtml(text), withId('table', id));
    if (table) return { table, commented: true };
  }
  return undefined;
}

/**
 * `table#<id>` inside `content`: the live table if there is one, else the one inside a comment of
 * its `div#all_<id>` wrapper, else the one inside any comment of `content`. Undefined when absent.
 */
export function findTable(content: Element, id: string): FoundTable | undefined {
  const index = indexOf(content);
  const live = index.tables.get(id);
  if (live) return { table: live, commented: false };
  const wrapper = index.elements.get(`all_${id}`);
  if (wrapper) {
    const found = fromComments(commentsUnder(wrapper), id);
    if (found) return found;
  }
  return fromComments(index.comments, id);
}

/** Ids of every table in `content`, live and commented, in document order (for error messages and tests). */
export function tableIds(content: Element): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (node.nodeType === 8) {
        for (const m of node.data.matchAll(/<table\b[^>]*\bid\s*=\s*["']?([\w-]+)/gi)) {
          ids.push(m[1]!);
        }
      } else if (isElement(node)) {
        if (node.name === 'table' && node.attribs.id) ids.push(node.attribs.id);
        walk(node.children);
      }
    }
  };
  walk(content.children);
  return ids;
}
