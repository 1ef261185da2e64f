/**
 * A season's awards `/awards/awards_<Y>.html`: one table per award, live or inside an HTML
 * comment (`coy` always commented; in 2023-24 also `dpoy`, `smoy`, `mip`, `clutch_poy`).
 *
 * - Voting tables (`mvp`, `roy`, ... `coy`; 1973-74 per league: `nba_mvp`, `aba_mvp`, `nba_roy`,
 *   `aba_roy`): any table whose header has `rank` and `award_share` columns. Columns `rank player
 *   age team_id votes_first points_won points_max award_share` then season stats; `coy` has a
 *   `coach` (a `/coaches/<id>.html` link) instead of a `player`. The place is the rank as shown
 *   (`1`, `10T`); the winner is rank 1.
 * - All-league tables `leading_all_nba`, `leading_all_defense`, `leading_all_rookie` (award
 *   `all_nba`, ...): the team in `<award>_team` (`1st`, `2nd`, and in 2023-24 `1T`, `2T`, `3T`,
 *   normalised to `1st`, `2nd`, `3rd`), `ORV` for others receiving votes; blank `tr.thead` rows
 *   separate the teams. Every member of a team is a winner, ORV entries are not. Their
 *   `first_team_votes` (2023-24) are the entries' first-place votes.
 *
 * Cells are read by `data-stat`; the team is the code of the team link, else the text (`TOT` of a
 * player traded during an ABA season has no link), null when empty.
 */
import type { AwardEntry, AwardKind } from '../../domain/awards.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody } from '../source.ts';
import { cleanText } from './cells.ts';
import { findTable, tableIds } from './commented-tables.ts';
import { bodyRows, type Element, hasClass, is, select, textOf } from './dom.ts';
import { checkSeason, loadPage, ownStrings } from './page.ts';
import { type Cell, cellsByStat, cellText, firstLink, linkHref, numberCell } from './table-cells.ts';
import { coachIdFromPath, playerIdFromPath, teamFromPath } from './urls.ts';

const WHAT = 'awards page';

const SELECTION = /^leading_(all_\w+)$/;

/** `1T` (team 1 of 2023-24 pages) -> `1st`, as older pages write it. */
const TEAM_PLACES: Readonly<Record<string, string>> = { '1T': '1st', '2T': '2nd', '3T': '3rd' };

function headerStats(table: Element): Set<string> {
  return new Set(select(table, is('thead'), is('th')).map((th) => th.attribs['data-stat'] ?? ''));
}

function person(cells: Map<string, Cell>) {
  const cell = cells.get('player') ?? cells.get('coach');
  const isCoach = !cells.has('player') && cells.has('coach');
  const href = linkHref(cell) ?? '';
  return {
    playerId: isCoach ? null : (cell?.attribs['data-append-csv'] ?? playerIdFromPath(href) ?? null),
    coachId: isCoach ? (coachIdFromPath(href) ?? null) : null,
    name: cleanText(textOf((cell && firstLink(cell)) ?? cell)),
  };
}

function parseEntry(tr: Element, n: number, id: string, award: string, kind: AwardKind, season: number) {
  const cells = cellsByStat(tr);
  const who = person(cells);
  if (who.name === '' || (who.playerId === null && who.coachId === null)) {
    throw new ParseError(`${WHAT}: table#${id} row ${n} names no player or coach`);
  }
  const where = `${WHAT}, table#${id} row ${n} ("${who.name}")`;
  const shown = cellText(kind === 'voting' ? cells.get('rank') : cells.get(`${award}_team`));
  if (shown === '') throw new ParseError(`${where}: no ${kind === 'voting' ? 'rank' : 'team'}`);
  const place = kind === 'voting' ? shown : (TEAM_PLACES[shown] ?? shown);
  const teamCell = cells.get('team_id');
  const entry: AwardEntry = {
    season,
    award,
    kind,
    place,
    winner: kind === 'voting' ? /^1T?$/.test(place) : place !== 'ORV',
    ...who,
    team: teamFromPath(linkHref(teamCell) ?? '')?.code ?? (cellText(teamCell) || null),
    votesFirst: numberCell(cells.get('votes_first') ?? cells.get('first_team_votes'), `${where} votes_first`),
    pointsWon: numberCell(cells.get('points_won'), `${where} points_won`),
    pointsMax: numberCell(cells.get('points_max'), `${where} points_max`),
    share: numberCell(cells.get('award_share'), `${where} award_share`),
  };
  return entry;
}

/** The award and kind of a table, undefined for a table that is no award's. */
function awardOf(id: string, table: Element): { award: string; kind: AwardKind } | undefined {
  const selection = SELECTION.exec(id);
  if (selection) return { award: selection[1]!, kind: 'selection' };
  const header = headerStats(table);
  return header.has('rank') && header.has('award_share') ? { award: id, kind: 'voting' } : undefined;
}

/**
 * Every entry of every award table, table by table in the page's order. Throws ParseError when
 * the page has no award table or is another season's, EmptyPageError when its award tables list
 * nobody.
 */
export function parseAwards(html: PageBody, season: number): AwardEntry[] {
  const { content, urls } = loadPage(html, WHAT);
  checkSeason(urls, season, WHAT);
  const entries: AwardEntry[] = [];
  let tables = 0;
  for (const id of new Set(tableIds(content))) {
    const table = findTable(content, id)?.table;
    const what = table && awardOf(id, table);
    if (!table || !what) continue;
    tables++;
    bodyRows(table).forEach((tr, i) => {
      if (!hasClass(tr, 'thead')) entries.push(parseEntry(tr, i + 1, id, what.award, what.kind, season));
    });
  }
  if (tables === 0) throw new ParseError(`${WHAT} has no award table: the layout changed`);
  if (entries.length === 0) throw new EmptyPageError(`${WHAT} for ${season}: the award tables list nobody`);
  return ownStrings(entries);
}
