/**
 * Finds a table by id, whether the page serves it live or hidden in an HTML comment.
 *
 * The site sends some tables as
 * `<div id="all_X"> ... <!-- <div class="table_container"> <table id="X">...</table></div> --> </div>`
 * (box scores: `line_score`, `four_factors`; season summaries: most team tables in 2018 captures)
 * and un-comments them with JavaScript. A DOM parser sees a comment node, so its text is parsed
 * again as its own document. The search is scoped to `div#content`: the site-wide header carries
 * its own scores and tables.
 */

import type { Cheerio, CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { AnyNode, Comment, Element } from 'domhandler';

/** A table and the Cheerio instance its nodes belong to (a commented table has its own). */
export interface FoundTable {
  $: CheerioAPI;
  table: Cheerio<Element>;
  /** True when the table came out of an HTML comment. */
  commented: boolean;
}

function commentsUnder(nodes: readonly AnyNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.nodeType === 8) out.push((node as Comment).data);
    else if ('children' in node) commentsUnder(node.children, out);
  }
}

function fromComments(comments: readonly string[], id: string): FoundTable | undefined {
  const marker = new RegExp(`\\bid\\s*=\\s*["']?${id}["'\\s>]`);
  for (const text of comments) {
    if (!text.includes('<table') || !marker.test(text)) continue;
    const $c = cheerio.load(text, null, false);
    const table = $c(`table[id="${id}"]`).first();
    if (table.length > 0) return { $: $c, table, commented: true };
  }
  return undefined;
}

/**
 * `table#<id>` inside `content`: the live table if there is one, else the one inside a comment of
 * its `div#all_<id>` wrapper, else the one inside any comment of `content`. Undefined when absent.
 */
export function findTable($: CheerioAPI, content: Cheerio<Element>, id: string): FoundTable | undefined {
  const live = content.find(`table[id="${id}"]`).first();
  if (live.length > 0) return { $, table: live, commented: false };

  const wrapper = content.find(`[id="all_${id}"]`).first();
  if (wrapper.length > 0) {
    const comments: string[] = [];
    commentsUnder(wrapper.get(), comments);
    const found = fromComments(comments, id);
    if (found) return found;
  }
  const comments: string[] = [];
  commentsUnder(content.get(), comments);
  return fromComments(comments, id);
}

/** Ids of every table in `content`, live and commented, in document order (for error messages and tests). */
export function tableIds(content: Cheerio<Element>): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (node.nodeType === 8) {
        for (const m of (node as Comment).data.matchAll(/<table\b[^>]*\bid\s*=\s*["']?([\w-]+)/g)) {
          ids.push(m[1]!);
        }
      } else if (node.nodeType === 1) {
        const el = node as Element;
        if (el.name === 'table' && el.attribs.id) ids.push(el.attribs.id);
        walk(el.children);
      }
    }
  };
  walk(content.get());
  return ids;
}
