/**
 * The lines under a box score's tables: `<strong>Inactive:&nbsp;</strong>` (per team:
 * `<span><strong>SAS</strong></span>` then player links, or `None`), `Officials:` (referee links),
 * `Attendance:` (`18,088`) and `Time of Game:` (`2:44`; absent for older games).
 *
 * Two markups: each label in its own `div` (2019+ captures), or all labels in one `div` separated
 * by `<br>` (2018 captures). A label's value is the run of sibling nodes after its `strong` up to
 * the next `<br>`, the next label or the end of the parent.
 */
import type { PlayerRef } from '../../domain/box-score.ts';
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText, parseDuration, parseNumber } from './cells.ts';
import { type AnyNode, childElement, type Element, is, isElement, select, textOf } from './dom.ts';
import { playerIdFromPath, refereeIdFromPath } from './urls.ts';

const WHAT = 'box score page';
const LABEL = /^(Inactive|Officials|Attendance|Time of Game):?$/;

export interface GameInfo {
  /** Inactive players by team code; a team listed with `None` has an empty list. */
  inactive: Map<string, PlayerRef[]>;
  officials: PlayerRef[];
  attendance: number | null;
  durationMinutes: number | null;
}

function labelOf(node: AnyNode): string | undefined {
  if (!isElement(node) || node.name !== 'strong') return undefined;
  return LABEL.exec(cleanText(textOf(node)))?.[1];
}

/** The sibling nodes that hold a label's value. */
function valueNodes(label: Element): AnyNode[] {
  const nodes: AnyNode[] = [];
  for (let n = label.nextSibling; n !== null; n = n.nextSibling) {
    if (isElement(n) && n.name === 'br') break;
    if (labelOf(n) !== undefined) break;
    nodes.push(n);
  }
  return nodes;
}

function textOfAll(nodes: readonly AnyNode[]): string {
  return cleanText(nodes.map((n) => textOf(n)).join(''));
}

const LINK = (el: Element) => el.name === 'a' && el.attribs.href !== undefined;

function links(nodes: readonly AnyNode[], idOf: (href: string) => string | undefined): PlayerRef[] {
  const refs: PlayerRef[] = [];
  for (const n of nodes) {
    if (!isElement(n)) continue;
    const anchors = n.name === 'a' ? [n] : select(n, LINK);
    for (const a of anchors) {
      const id = idOf(a.attribs.href ?? '');
      const name = cleanText(textOf(a));
      if (id !== undefined && name !== '') refs.push({ playerId: id, name });
    }
  }
  return refs;
}

function parseInactive(nodes: readonly AnyNode[]): Map<string, PlayerRef[]> {
  const byTeam = new Map<string, PlayerRef[]>();
  let team: PlayerRef[] | undefined;
  for (const n of nodes) {
    if (!isElement(n)) continue;
    const code = cleanText(textOf(n.name === 'strong' ? n : childElement(n, is('strong'))));
    if ((n.name === 'span' || n.name === 'strong') && /^[A-Z0-9]{2,4}$/.test(code)) {
      team = [];
      byTeam.set(code, team);
      continue;
    }
    const refs = links([n], playerIdFromPath);
    if (refs.length > 0) {
      if (team === undefined) throw new ParseError(`${WHAT}: Inactive players listed before any team code`);
      team.push(...refs);
    }
  }
  return byTeam;
}

/** Reads the Inactive / Officials / Attendance / Time of Game lines; each is optional. */
export function parseGameInfo(content: Element): GameInfo {
  const info: GameInfo = { inactive: new Map(), officials: [], attendance: null, durationMinutes: null };
  const seen = new Set<string>();
  for (const el of select(content, is('strong'))) {
    const label = labelOf(el);
    if (label === undefined || seen.has(label)) continue;
    seen.add(label);
    const nodes = valueNodes(el);
    const text = textOfAll(nodes);
    if (label === 'Inactive') info.inactive = parseInactive(nodes);
    else if (label === 'Officials') info.officials = links(nodes, refereeIdFromPath);
    else if (label === 'Attendance') {
      const n = parseNumber(text);
      if (n === undefined) throw new ParseError(`${WHAT}: Attendance "${text}" is not a number`);
      info.attendance = n;
    } else {
      const d = parseDuration(text);
      if (d === undefined) throw new ParseError(`${WHAT}: Time of Game "${text}" is not h:mm`);
      info.durationMinutes = d;
    }
  }
  return info;
}
