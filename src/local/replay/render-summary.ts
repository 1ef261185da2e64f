/**
 * Season summary page `/leagues/NBA_<Y>.html`: the standings of the games played by the clock,
 * laid out like the real page: a `div#all_standings` grid of stray `<tr>`/`<td>` tags around the
 * tables, whose second table of each pair is left unclosed (`…rows</td></tr></table>`), with the
 * conference tables `confs_standings_E/W` (from 2016-17, as in the saved pages) before the
 * division tables `divs_standings_E/W` (division names in `tr.thead` rows), a `*` after the
 * name of each playoff team and a dash for a leader's games behind. Also the matching
 * ground-truth StandingsRow records.
 */

import { seasonLabel } from '../../domain/season-range.ts';
import type { StandingsGrouping, StandingsRow } from '../../domain/standings.ts';
import { conferenceName, divisionsOf } from './divisions.ts';
import { esc, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import type { SeasonModel } from './season-model.ts';
import { byRecord, seasonStandings, type TeamStanding } from './season-standings.ts';
import { fixed1, ratio3 } from './stats-math.ts';
import { type Column, cellValues, section, type TableCell, table } from './tables.ts';

/** Seasons whose summary page has conference tables (the saved pages: from 2016-17). */
export const FIRST_CONFERENCE_TABLES = 2017;

const SRS_TIP =
  'Simple Rating System; a team rating that takes into account average point differential and strength of schedule. The rating is denominated in points above/below average, where zero is average.';

function columns(group: string): Column[] {
  return [
    ['team_name', group],
    ['wins', 'W', 'Wins'],
    ['losses', 'L', 'Losses'],
    ['win_loss_pct', 'W/L%', 'Win-Loss Percentage'],
    ['gb', 'GB', 'Games Behind'],
    ['pts_per_g', 'PS/G', 'Points Per Game'],
    ['opp_pts_per_g', 'PA/G', 'Opponent Points Per Game'],
    ['srs', 'SRS', SRS_TIP],
  ];
}

/** `1.75`; `-0.00` is written `0.00`. */
function fixed2(x: number): string {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

interface Listed {
  html: string;
  truth: StandingsRow;
}

function teamLine(
  season: number,
  s: TeamStanding,
  leader: TeamStanding,
  grouping: StandingsGrouping,
  group: string,
  rank: number,
): Listed {
  const gb = (leader.wins - s.wins + (s.losses - leader.losses)) / 2;
  const perGame = (n: number): string => (s.games > 0 ? fixed1(n / s.games) : '');
  const cells: TableCell[] = [
    { stat: 'wins', html: String(s.wins) },
    { stat: 'losses', html: String(s.losses) },
    { stat: 'win_loss_pct', html: ratio3(s.wins, s.games) },
    { stat: 'pts_per_g', html: perGame(s.pointsFor) },
    { stat: 'opp_pts_per_g', html: perGame(s.pointsAgainst) },
    { stat: 'srs', html: s.games > 0 ? fixed2(s.srs) : '' },
  ];
  const v = cellValues(cells);
  const name = `<a href="${teamHref(s.team.code, season)}">${esc(s.team.name)}</a>${s.playoffs ? '*' : ''}`;
  const gbCell = `<td class="right " data-stat="gb" >${gb === 0 ? '&mdash;' : gb.toFixed(1)}</td>`;
  const [w, l, pct, ...rest] = cells.map((c) => `<td class="right " data-stat="${c.stat}" >${c.html}</td>`);
  return {
    html: `<tr class="full_table" ><th scope="row" class="left " data-stat="team_name" >${name}</th>${w}${l}${pct}${gbCell}${rest.join('')}</tr>`,
    truth: {
      season,
      grouping,
      group,
      team: s.team.code,
      teamName: s.team.name,
      rank,
      wins: s.wins,
      losses: s.losses,
      winLossPct: v.win_loss_pct ?? null,
      gamesBehind: gb,
      pointsPerGame: v.pts_per_g ?? null,
      opponentPointsPerGame: v.opp_pts_per_g ?? null,
      srs: v.srs ?? null,
      playoffs: s.playoffs,
      seed: null,
    },
  };
}

function listGroup(
  season: number,
  lines: TeamStanding[],
  grouping: StandingsGrouping,
  group: string,
): Listed[] {
  const sorted = lines.slice().sort(byRecord);
  return sorted.map((s, i) => teamLine(season, s, sorted[0]!, grouping, group, i + 1));
}

/** The grid the real page wraps a pair of tables in; the second table ends without its `</tbody>`. */
function grid(kind: 'confs' | 'divs', first: string, second: string): string {
  const unclosed = second.replace(/\n<\/tbody><\/table>/, '\n</td>\n</tr>\n\n</table>');
  return `<div class="section_wrapper" id="all_${kind}_standings">    <div class="section_content" id="div_${kind}_standings">
	    <div class="standings_${kind} data_grid section_wrapper">
<tr class="valign_top">
<td><div>
${first.replace(/<\/div>$/, '</div>\n</div>')}
</td>
<td><div>
${unclosed.replace(/<\/div>$/, '</div>\n</div>')}
<div class='table_wrapper'><br></div>
    </div>
</div>`;
}

export interface SummaryPage {
  html: string;
  truth: StandingsRow[];
}

export function renderSummaryPage(model: SeasonModel, asOfDay: number, headerScores: string): SummaryPage {
  const season = model.season;
  const label = seasonLabel(season);
  const standings = seasonStandings(model, asOfDay);
  const truth: StandingsRow[] = [];
  const pair = (kind: 'confs' | 'divs', heading: string, bodies: Record<'E' | 'W', string[]>): string => {
    const [e, w] = (['E', 'W'] as const).map((conf, i) => {
      const id = `${kind}_standings_${conf}`;
      const caption = i === 0 ? heading : '&nbsp;';
      const html = table({
        id,
        caption,
        columns: columns(conferenceName(conf)),
        body: bodies[conf],
        cls: 'suppress_all sortable stats_table',
      });
      const note = `<li>${i === 0 ? '<small>* Playoff teams</small>' : '&nbsp;'}</li>`;
      return section(id, caption, html, false, note);
    });
    return grid(kind, e!, w!);
  };
  const parts: string[] = [];
  if (season >= FIRST_CONFERENCE_TABLES) {
    const bodies = { E: [] as string[], W: [] as string[] };
    for (const conf of ['E', 'W'] as const) {
      const group = conferenceName(conf);
      const lines = model.teams.filter((t) => t.conference === conf).map((t) => standings.get(t.code)!);
      for (const l of listGroup(season, lines, 'conference', group)) {
        bodies[conf].push(l.html);
        truth.push(l.truth);
      }
    }
    parts.push(pair('confs', 'Conference Standings', bodies));
  }
  const bodies = { E: [] as string[], W: [] as string[] };
  for (const division of divisionsOf(season, model.teams)) {
    bodies[division.conference].push(
      `<tr class='thead'><th colspan='8'><strong>${division.name}</strong></th></tr>`,
    );
    const lines = division.teams.map((t) => standings.get(t.code)!);
    for (const l of listGroup(season, lines, 'division', division.name)) {
      bodies[division.conference].push(l.html);
      truth.push(l.truth);
    }
  }
  parts.push(pair('divs', 'Division Standings', bodies));
  const leader = [...standings.values()].sort(byRecord)[0];
  const info = `<div id="info" class="seasons">
	<div id="meta">
		<div>
			<h1><span>${label}</span> <span>NBA</span> <span class="header_end">Season Summary</span></h1>
			<div class="prevnext"><a href="/leagues/NBA_${season - 1}.html" class="button2 prev">${seasonLabel(season - 1)} Season Summary</a> <a href="/leagues/NBA_${season + 1}.html" class="button2 next">${seasonLabel(season + 1)} Season Summary</a></div>
			${leader && leader.games > 0 ? `<p><strong>Best Record</strong>: <a href='${teamHref(leader.team.code, season)}'>${esc(leader.team.name)}</a> (${leader.wins}-${leader.losses}, ${ratio3(leader.wins, leader.games)})</p>` : ''}
		</div>
	</div>
</div>`;
  const html = renderPage({
    title: `${label} NBA Season Summary | Basketball-Reference.com`,
    description: `Generated standings of the ${label} season on the nba-scraper replay site`,
    canonical: `/leagues/NBA_${season}.html`,
    section: 'leagues',
    crumbs: [
      ['Leagues', '/leagues/'],
      [`${label} NBA Season Summary`, null],
    ],
    headerScores,
    info,
    content: `<div id='all_standings'>\n${parts.join('\n')}\n</div>`,
  });
  return { html, truth };
}
