/**
 * Player totals page `/leagues/NBA_<Y>_totals.html`: `table#totals_stats` (regular season) and
 * `table#totals_stats_post` (playoffs) with the 2024 column names, `2TM` / `3TM` summary rows
 * followed by `tr.partial_table` rows, a `tr.norank` League Average row closing each body, and
 * the league leaders in bold. Also the matching ground-truth records.
 */
import type { PlayerSeasonTotals, SeasonPart } from '../../domain/player-totals.ts';
import { seasonLabel } from '../../domain/season-range.ts';
import { emptyLine, type Line, points } from './box-model.ts';
import { esc, playerHref, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import type { SeasonModel } from './season-model.ts';
import { seasonTotalsRows, type TotalsRow, toPlayerSeasonTotals, totalMinutes } from './season-totals.ts';
import { cellNumber, ratio3 } from './stats-math.ts';

interface TotalsCell {
  stat: string;
  text: string;
  csk?: string;
  align: 'left' | 'right' | 'center';
}

const HEAD: ReadonlyArray<readonly [string, string, string]> = [
  ['ranker', 'Rk', 'Rank'],
  ['name_display', 'Player', ''],
  ['age', 'Age', "Player's age on February 1 of the season"],
  ['team_name_abbr', 'Team', ''],
  ['pos', 'Pos', 'Position'],
  ['games', 'G', 'Games'],
  ['games_started', 'GS', 'Games Started'],
  ['mp', 'MP', 'Minutes Played'],
  ['fg', 'FG', 'Field Goals'],
  ['fga', 'FGA', 'Field Goal Attempts'],
  ['fg_pct', 'FG%', 'Field Goal Percentage'],
  ['fg3', '3P', '3-Point Field Goals'],
  ['fg3a', '3PA', '3-Point Field Goal Attempts'],
  ['fg3_pct', '3P%', '3-Point Field Goal Percentage'],
  ['fg2', '2P', '2-Point Field Goals'],
  ['fg2a', '2PA', '2-Point Field Goal Attempts'],
  ['fg2_pct', '2P%', '2-Point Field Goal Percentage'],
  ['efg_pct', 'eFG%', 'Effective Field Goal Percentage'],
  ['ft', 'FT', 'Free Throws'],
  ['fta', 'FTA', 'Free Throw Attempts'],
  ['ft_pct', 'FT%', 'Free Throw Percentage'],
  ['orb', 'ORB', 'Offensive Rebounds'],
  ['drb', 'DRB', 'Defensive Rebounds'],
  ['trb', 'TRB', 'Total Rebounds'],
  ['ast', 'AST', 'Assists'],
  ['stl', 'STL', 'Steals'],
  ['blk', 'BLK', 'Blocks'],
  ['tov', 'TOV', 'Turnovers'],
  ['pf', 'PF', 'Personal Fouls'],
  ['pts', 'PTS', 'Points'],
  ['tpl_dbl', 'Trp-Dbl', 'At least 10 in 3 distinct statistical categories in one game.'],
  ['awards', 'Awards', ''],
];

/** Stats whose leader is shown in bold. */
const LEADER_STATS = new Set([
  'fg',
  'fga',
  'fg3',
  'ft',
  'orb',
  'drb',
  'trb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pts',
]);

function fraction(num: number, den: number): string | undefined {
  return den > 0 ? (num / den).toFixed(10) : undefined;
}

function statCells(l: Line, games: number, started: number, tripleDoubles: number): TotalsCell[] {
  const fg = l.fg2 + l.fg3;
  const fga = l.fg2a + l.fg3a;
  const pct = (stat: string, num: number, den: number): TotalsCell => {
    const csk = fraction(num, den);
    return csk === undefined
      ? { stat, text: ratio3(num, den), align: 'right' }
      : { stat, text: ratio3(num, den), csk, align: 'right' };
  };
  const n = (stat: string, v: number): TotalsCell => ({ stat, text: String(v), align: 'right' });
  return [
    n('games', games),
    n('games_started', started),
    n('mp', totalMinutes(l.sec)),
    n('fg', fg),
    n('fga', fga),
    pct('fg_pct', fg, fga),
    n('fg3', l.fg3),
    n('fg3a', l.fg3a),
    pct('fg3_pct', l.fg3, l.fg3a),
    n('fg2', l.fg2),
    n('fg2a', l.fg2a),
    pct('fg2_pct', l.fg2, l.fg2a),
    pct('efg_pct', fg + 0.5 * l.fg3, fga),
    n('ft', l.ft),
    n('fta', l.fta),
    pct('ft_pct', l.ft, l.fta),
    n('orb', l.orb),
    n('drb', l.drb),
    n('trb', l.orb + l.drb),
    n('ast', l.ast),
    n('stl', l.stl),
    n('blk', l.blk),
    n('tov', l.tov),
    n('pf', l.pf),
    n('pts', points(l)),
    n('tpl_dbl', tripleDoubles),
  ];
}

function td(c: TotalsCell, bold: boolean): string {
  const iz = c.text === '' || Number(c.text) === 0 ? 'iz' : '';
  const csk = c.csk === undefined ? '' : ` csk="${c.csk}"`;
  const text = bold ? `<strong>${c.text}</strong>` : c.text;
  return `<td class="${c.align} ${iz}" data-stat="${c.stat}"${csk} >${text}</td>`;
}

interface PartRender {
  html: string;
  truth: PlayerSeasonTotals[];
}

function renderPart(model: SeasonModel, asOfDay: number, part: SeasonPart): PartRender {
  const season = model.season;
  const rows = seasonTotalsRows(model, asOfDay, part);
  const cellsOf = (r: TotalsRow): TotalsCell[] =>
    statCells(r.totals.line, r.totals.games, r.totals.started, r.totals.tripleDoubles);
  const leaders = new Map<string, number>();
  for (const r of rows) {
    if (r.partial) continue;
    for (const c of cellsOf(r)) {
      if (!LEADER_STATS.has(c.stat)) continue;
      leaders.set(c.stat, Math.max(leaders.get(c.stat) ?? 0, Number(c.text)));
    }
  }
  const truth: PlayerSeasonTotals[] = [];
  const html: string[] = [];
  const perPlayerIndex = new Map<string, number>();
  for (const r of rows) {
    const cells = cellsOf(r);
    const stats: Record<string, number | null> = {};
    // Percentages carry their exact value in `csk`; the text rounds it to three decimals.
    for (const c of cells) stats[c.stat] = c.csk === undefined ? cellNumber(c.text) : Number(c.csk);
    truth.push(toPlayerSeasonTotals(season, part, r, stats));
    const k = r.partial ? (perPlayerIndex.get(r.player.id) ?? 0) + 1 : r.summary ? 0 : 1;
    if (r.partial) perPlayerIndex.set(r.player.id, k);
    const nameCsk = `${r.player.name.last} ${r.player.name.first}-${k}`;
    const team = r.summary ? r.team : `<a href="${teamHref(r.team, season)}">${r.team}</a>`;
    const lead = (c: TotalsCell): boolean =>
      !r.partial && LEADER_STATS.has(c.stat) && Number(c.text) > 0 && Number(c.text) === leaders.get(c.stat);
    html.push(
      `<tr ${r.partial ? 'class="partial_table" ' : ''}> <th scope="row" class="right " data-stat="ranker" csk="${r.rank}" >${r.rank}</th> ` +
        `<td class="left " data-append-csv="${r.player.id}" data-stat="name_display" csk="${esc(nameCsk)}" ><a href="${playerHref(r.player.id)}">${esc(r.player.display)}</a></td> ` +
        `<td class="right " data-stat="age" >${r.player.age}</td> <td class="left " data-stat="team_name_abbr" >${team}</td> ` +
        `<td class="center " data-stat="pos" >${r.player.position}</td> ${cells.map((c) => td(c, lead(c))).join(' ')} ` +
        `<td class="left iz" data-stat="awards" ></td> </tr>`,
    );
  }
  if (rows.length > 0) {
    const league = emptyLine();
    for (const r of rows) {
      if (r.partial) continue;
      const l = r.totals.line;
      for (const key of Object.keys(league) as (keyof Line)[]) league[key] += l[key];
    }
    const avg = statCells(league, 0, 0, 0);
    const pctOnly = new Set(['fg_pct', 'fg3_pct', 'fg2_pct', 'efg_pct', 'ft_pct']);
    const cells = avg.map((c) =>
      td(pctOnly.has(c.stat) ? c : { stat: c.stat, text: '', align: 'right' }, false).replace(' iz"', ' "'),
    );
    html.push(
      `<tr class="norank" > <th scope="row" class="right " data-stat="ranker" ></th> <td class="left " data-stat="name_display" csk="zzzzz" >League Average</td> ` +
        `<td class="right " data-stat="age" ></td> <td class="left " data-stat="team_name_abbr" ></td> <td class="center " data-stat="pos" ></td> ${cells.join(' ')} <td class="left " data-stat="awards" ></td> </tr>`,
    );
  }
  const id = part === 'regular' ? 'totals_stats' : 'totals_stats_post';
  const head = HEAD.map(
    ([stat, label, tip]) =>
      `<th aria-label="${label}" data-stat="${stat}" scope="col" class=" poptip center"${tip ? ` data-tip="${tip}"` : ''} >${label}</th>`,
  ).join(' ');
  const table = `<table class="stats_table sortable soc" id="${id}" data-cols-to-freeze="2,4" data-soc-sum-phase-type="${part === 'regular' ? 'reg' : 'post'}"> <caption>Totals Table</caption> <colgroup>${'<col>'.repeat(HEAD.length)}</colgroup> <thead> 
<tr> ${head} </tr> </thead> <tbody>
${html.join(' \n')} </tbody> </table>`;
  return { html: table, truth };
}

export interface TotalsPage {
  html: string;
  truth: PlayerSeasonTotals[];
}

export function renderTotalsPage(model: SeasonModel, asOfDay: number, headerScores: string): TotalsPage {
  const season = model.season;
  const label = seasonLabel(season);
  const regular = renderPart(model, asOfDay, 'regular');
  const post = renderPart(model, asOfDay, 'playoffs');
  const heading = (
    id: string,
    hidden: boolean,
  ): string => `<div class="section_heading${hidden ? ' hidden' : ''} assoc_${id}" id="${id}_sh">
  <span class="section_anchor" id="${id}_link" data-label="Totals" data-no-inpage="1"></span><h2>Totals</h2>
</div>`;
  const content = `<div id="all_totals_stats" class="table_wrapper tabbed">
${heading('totals_stats', false)}
${heading('totals_stats_post', true)}
<div class="filter switcher" data-controls="#switcher_totals_stats">
<div class=" current">
	<a class="sr_preset" data-show=".assoc_totals_stats">Regular Season</a>
</div><div class="">
	<a class="sr_preset" data-show=".assoc_totals_stats_post">Playoffs</a>
</div></div>
<div id="switcher_totals_stats">
	<div class="table_container tabbed current" id="div_totals_stats">
		${regular.html}
	</div>
	<div class="table_container tabbed" id="div_totals_stats_post">
		${post.html}
	</div></div>
</div>`;
  const info = `<div id="info" class="seasons">
	<div id="meta">
		<div>
			<h1><span>${label}</span> <span>NBA</span> <span class="header_end">Player Stats: Totals</span></h1>
		</div>
	</div>
</div>`;
  const html = renderPage({
    title: `${label} NBA Player Stats: Totals | Basketball-Reference.com`,
    description: `Generated player season totals of the ${label} season on the nba-scraper replay site`,
    canonical: `/leagues/NBA_${season}_totals.html`,
    section: 'leagues',
    crumbs: [
      ['Leagues', '/leagues/'],
      [`${label} NBA`, `/leagues/NBA_${season}.html`],
      ['Player Totals', null],
    ],
    headerScores,
    info,
    content,
  });
  return { html, truth: [...regular.truth, ...post.truth] };
}
