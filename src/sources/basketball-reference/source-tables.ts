/**
 * Tables cut out of the raw HTML and parsed on their own, for the parts of a page whose markup
 * htmlparser2 does not follow the way a browser does.
 *
 * The season summary (`/leagues/NBA_<Y>.html`) lays its standings out in a grid of stray `<tr>` and
 * `<td>` tags inside `div`s, and leaves the second table of each pair unclosed:
 * `<td>…<table id="confs_standings_W">…rows…</td></tr></table></div>…`. A browser ignores the
 * stray `</td>` and `</tr>` (no cell is open inside the table) and closes the table at `</table>`.
 * htmlparser2 closes every open element up to the stray `<td>` instead, so the `</div>` tags that
 * follow close `div#content` itself and every later table of the page (the division standings after
 * the conference standings in 2016-17, 2019-20 and 2023-24) falls outside it. Cutting the table
 * from its start tag to its own `</table>` (nested tables counted) gives what a browser sees, live
 * or inside a comment.
 */
import { type Element, parseHtml, selectFirst, withId } from './dom.ts';
import { contentStart } from './page.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The index just past the `</table>` that closes the table starting at `start`; the end of `html` if none. */
function tableEnd(html: string, start: number): number {
  const tags = /<(\/?)table\b[^>]*>/gi;
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    depth += m[1] === '' ? 1 : -1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/**
 * `table#<id>` of `div#content` (the first one after the content's start tag, live or commented),
 * parsed from its own slice of `html`; undefined when the page has none.
 */
export function sourceTable(html: string, id: string): Element | undefined {
  const startTag = new RegExp(`<table\\b[^>]*\\sid\\s*=\\s*["']?${escapeRegExp(id)}["'\\s>]`, 'gi');
  startTag.lastIndex = contentStart(html) ?? 0;
  const m = startTag.exec(html);
  if (m === null) return undefined;
  return selectFirst(parseHtml(html.slice(m.index, tableEnd(html, m.index))), withId('table', id));
}

/** Ids of the tables of `div#content` (live or commented) whose id matches `pattern`, in page order, once each. */
export function sourceTableIds(html: string, pattern: RegExp): string[] {
  const ids: string[] = [];
  const tags = /<table\b[^>]*\sid\s*=\s*["']?([^"'\s>]+)/gi;
  tags.lastIndex = contentStart(html) ?? 0;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    const id = m[1]!;
    if (pattern.test(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
