/**
 * The box score page's `div.scorebox`: both teams (visitor first, home second) with their points
 * and record, and `div.scorebox_meta` with the date, start time and venue.
 *
 * Three wrappers seen: `div.score` directly in the team `div` (2018), `div.scores > div.score`
 * (2019-2025), team blocks `div.scorebox_team#sb_team_0/1` (2026). Each team block is found as
 * the child of `div.scorebox` that holds a `div.score`, so all three read the same way.
 */
import { ParseError } from '../../errors/parse-error.ts';
import { cleanText, parseDate, parseNumber, parseStartTime } from './cells.ts';
import { childElements, type Element, is, isElement, select, selectFirst, textOf } from './dom.ts';
import { firstLink } from './table-cells.ts';
import { teamFromPath } from './urls.ts';

export interface ScoreboxTeam {
  code: string;
  name: string;
  points: number;
  record: string | null;
  /** Season named by the team link (`/teams/TOR/2018.html` -> 2018). */
  season: number;
}

export interface Scorebox {
  visitor: ScoreboxTeam;
  home: ScoreboxTeam;
  /** ISO date from the meta line, undefined when the page gives none. */
  date: string | undefined;
  startTime: string | null;
  arena: string | null;
  location: string | null;
}

const WHAT = 'box score page';

const SCORE = is('div', 'score');
const META = is('div', 'scorebox_meta');

/** The first `strong a[href]` under a block. */
function teamLink(block: Element): Element | undefined {
  for (const strong of select(block, is('strong'))) {
    const link = firstLink(strong);
    if (link) return link;
  }
  return undefined;
}

function parseTeam(block: Element, side: string): ScoreboxTeam {
  const link = teamLink(block);
  const team = teamFromPath(link?.attribs.href ?? '');
  const name = cleanText(textOf(link));
  if (!team || name === '')
    throw new ParseError(`${WHAT}: the ${side} team of div.scorebox has no team link`);
  const scoreText = textOf(selectFirst(block, SCORE));
  const points = parseNumber(scoreText);
  if (typeof points !== 'number') {
    throw new ParseError(
      `${WHAT}: the ${side} div.scorebox div.score "${cleanText(scoreText)}" is not a number`,
    );
  }
  // The record is the first `div` whose only content is `25-10` (after the game; in playoff games
  // the series record).
  let record: string | null = null;
  for (const div of select(block, is('div'))) {
    if (!div.children.every((c) => c.nodeType === 3)) continue;
    const text = cleanText(div.children.map((c) => (c as { data: string }).data).join(''));
    if (/^\d+-\d+$/.test(text)) {
      record = text;
      break;
    }
  }
  return { code: team.code, name, points, record, season: team.season };
}

/** `div.scorebox_meta > div` under the scorebox, in document order. */
function metaDivs(box: Element): Element[] {
  const out: Element[] = [];
  const walk = (node: Element): void => {
    const meta = node !== box && META(node);
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (meta && child.name === 'div') out.push(child);
      walk(child);
    }
  };
  walk(box);
  return out;
}

/** Reads `div.scorebox` of a box score page. Throws ParseError when it is missing or incomplete. */
export function parseScorebox(content: Element): Scorebox {
  const box = selectFirst(content, is('div', 'scorebox'));
  if (box === undefined) throw new ParseError(`${WHAT} has no div.scorebox: the layout changed`);
  const blocks = childElements(box, is('div')).filter((div) => selectFirst(div, SCORE) !== undefined);
  if (blocks.length < 2) {
    throw new ParseError(
      `${WHAT}: div.scorebox has ${blocks.length} team blocks with a div.score, expected 2`,
    );
  }
  const visitor = parseTeam(blocks[0]!, 'visitor');
  const home = parseTeam(blocks[1]!, 'home');

  // Meta lines: an optional label (`NBA Cup`), `7:30 PM, January 1, 2018` (or a bare date for old
  // games), then `Arena, City, State`, then the logo credits.
  const lines = metaDivs(box).map((div) => cleanText(textOf(div)));
  const dateLine = lines.findIndex((l) => parseDate(l) !== undefined);
  const date = dateLine < 0 ? undefined : parseDate(lines[dateLine]!);
  const time = dateLine < 0 ? null : parseStartTime(lines[dateLine]!);
  const venue = dateLine < 0 ? undefined : lines[dateLine + 1];
  let arena: string | null = null;
  let location: string | null = null;
  if (venue !== undefined && venue !== '' && !/^Logos\b/i.test(venue)) {
    const comma = venue.indexOf(',');
    arena = comma < 0 ? venue : venue.slice(0, comma).trim();
    location = comma < 0 ? null : venue.slice(comma + 1).trim() || null;
  }
  return { visitor, home, date, startTime: time ?? null, arena, location };
}
