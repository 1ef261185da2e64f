/**
 * Standings on the season summary page `/leagues/NBA_<Y>.html`: the division tables
 * `divs_standings_E`, `divs_standings_W` (every era; required) and the conference tables
 * `confs_standings_E`, `confs_standings_W` (2016-17 on in the saved pages). All are live, but the
 * page's markup around them makes htmlparser2 lose the tables after the first pair, so each table
 * is cut out of the raw HTML (source-tables.ts).
 *
 * Columns `team_name wins losses win_loss_pct gb pts_per_g opp_pts_per_g srs`. A division table
 * names its divisions in `tr.thead` rows (`Atlantic Division`) before their teams; a conference
 * table names its conference in its header (`Eastern Conference`). The team cell is
 * `<a href="/teams/BOS/2024.html">Boston Celtics</a>*`, the `*` marking a playoff team, and in
 * 2018 captures a seed `<span class="seed">(1)&nbsp;</span>`. The leader's `gb` is a dash.
 */
import type { StandingsGrouping, StandingsRow } from '../../domain/standings.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody, SeasonTeam } from '../source.ts';
import { cleanText } from './cells.ts';
import { bodyRows, type Element, hasClass, is, select, selectFirst, textOf } from './dom.ts';
import { checkSeason, loadPage, ownStrings, pageText } from './page.ts';
import { sourceTable, sourceTableIds } from './source-tables.ts';
import {
  type Cell,
  cellsByStat,
  cellText,
  firstLink,
  numberCell,
  requiredNumberCell,
} from './table-cells.ts';
import { teamFromPath } from './urls.ts';

const WHAT = 'season summary page';

const STANDINGS = /^(?:divs|confs)_standings_/;
const DIVISIONS = /^divs_standings_/;

/** The gb of a group's leader: a dash. */
const DASH = /^[-\u2013\u2014]$/;

function gamesBehind(cell: Cell | undefined, where: string): number | null {
  return DASH.test(cellText(cell)) ? 0 : numberCell(cell, where);
}

function parseTeamCell(cell: Cell | undefined, where: string) {
  const link = cell && firstLink(cell);
  const team = teamFromPath(link?.attribs.href ?? '')?.code;
  const teamName = cleanText(textOf(link));
  if (team === undefined || teamName === '') throw new ParseError(`${where} has no team link`);
  const seedText = cell && textOf(selectFirst(cell, is('span', 'seed')));
  const seed = seedText ? /\((\d+)\)/.exec(seedText)?.[1] : undefined;
  return {
    team,
    teamName,
    playoffs: cellText(cell).replace(teamName, '').includes('*'),
    seed: seed === undefined ? null : Number(seed),
  };
}

/** The conference a conference table names in its header (`Eastern Conference`). */
function headerGroup(table: Element, id: string): string {
  const th = select(table, is('thead'), is('th')).find((el) => el.attribs['data-stat'] === 'team_name');
  const group = cleanText(textOf(th));
  if (group === '') throw new ParseError(`${WHAT}: table#${id} names no conference in its header`);
  return group;
}

function parseTable(table: Element, id: string, grouping: StandingsGrouping, season: number): StandingsRow[] {
  const rows: StandingsRow[] = [];
  let group = grouping === 'conference' ? headerGroup(table, id) : undefined;
  let rank = 0;
  bodyRows(table).forEach((tr, i) => {
    if (hasClass(tr, 'thead')) {
      group = cleanText(textOf(tr));
      rank = 0;
      return;
    }
    const where = `${WHAT}, table#${id} row ${i + 1}`;
    if (group === undefined) throw new ParseError(`${where}: a team before any division row`);
    const cells = cellsByStat(tr);
    const { team, teamName, playoffs, seed } = parseTeamCell(cells.get('team_name'), where);
    rows.push({
      season,
      grouping,
      group,
      team,
      teamName,
      rank: ++rank,
      wins: requiredNumberCell(cells.get('wins'), `${where} wins`),
      losses: requiredNumberCell(cells.get('losses'), `${where} losses`),
      winLossPct: numberCell(cells.get('win_loss_pct'), `${where} win_loss_pct`),
      gamesBehind: gamesBehind(cells.get('gb'), `${where} gb`),
      pointsPerGame: numberCell(cells.get('pts_per_g'), `${where} pts_per_g`),
      opponentPointsPerGame: numberCell(cells.get('opp_pts_per_g'), `${where} opp_pts_per_g`),
      srs: numberCell(cells.get('srs'), `${where} srs`),
      playoffs,
      seed,
    });
  });
  return rows;
}

/**
 * Every team line of the standings tables, in the page's order: one per team and division, and
 * one per team and conference where the page has conference tables. Throws ParseError when the
 * page has no division table or is another season's page, EmptyPageError when its division tables
 * list no team.
 */
export function parseStandings(body: PageBody, season: number): StandingsRow[] {
  const { urls } = loadPage(body, WHAT, { skipTables: /./ }); // the guards; the tables are cut out of the source
  checkSeason(urls, season, WHAT);
  const html = pageText(body);
  const ids = sourceTableIds(html, STANDINGS);
  if (!ids.some((id) => DIVISIONS.test(id))) {
    throw new ParseError(`${WHAT} has no table#divs_standings_*: the layout changed`);
  }
  const rows: StandingsRow[] = [];
  for (const id of ids) {
    const grouping = DIVISIONS.test(id) ? 'division' : 'conference';
    rows.push(...parseTable(sourceTable(html, id)!, id, grouping, season));
  }
  if (!rows.some((r) => r.grouping === 'division')) {
    throw new EmptyPageError(`${WHAT} for ${season}: the division standings list no team`);
  }
  return ownStrings(rows);
}

/**
 * The teams of a season, from the division standings of its summary page: each team's code (from
 * its link, the code of its team season page) and name, once, in the page's order. Throws like
 * parseStandings.
 */
export function teamsOfSeason(html: PageBody, season: number): SeasonTeam[] {
  const teams = new Map<string, string>();
  for (const row of parseStandings(html, season)) {
    if (row.grouping === 'division' && !teams.has(row.team)) teams.set(row.team, row.teamName);
  }
  return [...teams].map(([team, name]) => ({ team, name }));
}
