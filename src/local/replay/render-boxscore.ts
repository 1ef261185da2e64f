/**
 * Box score pages `/boxscores/<gameId>.html` with the structure of the 2024+ server captures:
 * title `<Visitor nickname> vs <Home nickname>, <Month D, YYYY>` and h1 `<Visitor> at <Home> Box
 * Score, ...` (playoff games prefixed `<YYYY> NBA <Round> Game <N>: `, Play-In games `Play-In Game: `), the commented "other
 * games this date" `div.game_summaries`, `div.scorebox` (`div.scores > div.score`, record,
 * Prev/Next links) and `div.scorebox_meta`, `line_score` and `four_factors` inside HTML
 * comments, then per team `box-<TEAM>-game-basic`, `-q1-basic` .. `-q4-basic`, `-h1-basic`,
 * `-h2-basic`, `-ot<N>-basic` and `-game-advanced` (starters, a `Reserves` thead row, DNP rows
 * with a colspan reason cell, tfoot Team Totals), and the Inactive / Officials / Attendance /
 * Time of Game blocks.
 */
import { ADVANCED_STATS, BASIC_STATS } from '../../domain/box-score.ts';
import { addLine, type BoxModel, type BoxPlayer, type BoxTeam, emptyLine, type Line } from './box-model.ts';
import { longDateText, shortDateText } from './dates.ts';
import { renderGameSummary } from './game-summaries.ts';
import { boxScoreHref, esc, hoursMinutes, longTime, playerHref, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import type { SeasonGame, SeasonModel } from './season-model.ts';
import { advancedCells, basicCells, type Cell, fourFactorCells, thousands } from './stats-math.ts';

export interface BoxScorePageInput {
  model: SeasonModel;
  box: BoxModel;
  /** Other games played that day (the page's own game included), for the commented summaries. */
  sameDay: readonly SeasonGame[];
  /** Previous / next played game of each team, or null. */
  links: { visitor: [string | null, string | null]; home: [string | null, string | null] };
  headerScores: string;
}

interface ColumnHead {
  stat: string;
  label: string;
  aria: string;
  tip: string;
  align: string;
}

const BASIC_HEAD: Record<string, [string, string, string]> = {
  mp: ['MP', 'Minutes Played', 'Minutes Played'],
  fg: ['FG', 'Field Goals', 'Field Goals'],
  fga: ['FGA', 'FGA', 'Field Goal Attempts'],
  fg_pct: ['FG%', 'Field Goal Percentage', 'Field Goal Percentage'],
  fg3: ['3P', '3-Point Field Goals', '3-Point Field Goals'],
  fg3a: ['3PA', '3-Point Field Goal Attempts', '3-Point Field Goal Attempts'],
  fg3_pct: ['3P%', '3-Point Field Goal Percentage', '3-Point Field Goal Percentage'],
  ft: ['FT', 'Free Throws', 'Free Throws'],
  fta: ['FTA', 'Free Throw Attempts', 'Free Throw Attempts'],
  ft_pct: ['FT%', 'Free Throw Percentage', 'Free Throw Percentage'],
  orb: ['ORB', 'Offensive Rebounds', 'Offensive Rebounds'],
  drb: ['DRB', 'Defensive Rebounds', 'Defensive Rebounds'],
  trb: ['TRB', 'Total Rebounds', 'Total Rebounds'],
  ast: ['AST', 'Assists', 'Assists'],
  stl: ['STL', 'Steals', 'Steals'],
  blk: ['BLK', 'Blocks', 'Blocks'],
  tov: ['TOV', 'Turnovers', 'Turnovers'],
  pf: ['PF', 'Personal Fouls', 'Personal Fouls'],
  pts: ['PTS', 'Points', 'Points'],
  game_score: ['GmSc', 'GmSc', 'Game Score'],
  plus_minus: ['+/-', 'Plus/Minus', 'Plus/Minus'],
};

const ADVANCED_HEAD: Record<string, [string, string, string]> = {
  mp: ['MP', 'Minutes Played', 'Minutes Played'],
  ts_pct: ['TS%', 'True Shooting Percentage', 'Shooting efficiency counting twos, threes and free throws.'],
  efg_pct: [
    'eFG%',
    'Effective Field Goal Percentage',
    'Field goal percentage with threes counted at 1.5 field goals.',
  ],
  fg3a_per_fga_pct: ['3PAr', '3-Point Attempt Rate', 'Share of field goal attempts taken from three.'],
  fta_per_fga_pct: ['FTr', 'Free Throw Attempt Rate', 'Free throw attempts per field goal attempt.'],
  orb_pct: [
    'ORB%',
    'Offensive Rebound Percentage',
    'Share of available offensive rebounds grabbed on the floor.',
  ],
  drb_pct: [
    'DRB%',
    'Defensive Rebound Percentage',
    'Share of available defensive rebounds grabbed on the floor.',
  ],
  trb_pct: ['TRB%', 'Total Rebound Percentage', 'Share of available rebounds grabbed on the floor.'],
  ast_pct: ['AST%', 'Assist Percentage', 'Share of teammate field goals assisted on the floor.'],
  stl_pct: ['STL%', 'Steal Percentage', 'Share of opponent possessions ended by a steal on the floor.'],
  blk_pct: ['BLK%', 'Block Percentage', 'Share of opponent two-point attempts blocked on the floor.'],
  tov_pct: ['TOV%', 'Turnover Percentage', 'Turnovers per 100 plays.'],
  usg_pct: ['USG%', 'Usage Percentage', 'Share of team plays used on the floor.'],
  off_rtg: ['ORtg', 'Offensive Rating', 'Points produced per 100 possessions.'],
  def_rtg: ['DRtg', 'Defensive Rating', 'Points allowed per 100 possessions.'],
  bpm: ['BPM', 'BPM', 'Box score estimate of points per 100 possessions above an average player.'],
};

function heads(stats: readonly string[], names: Record<string, [string, string, string]>): ColumnHead[] {
  return stats.map((stat) => {
    const [label, aria, tip] = names[stat]!;
    return {
      stat,
      label,
      aria,
      tip,
      align: stat === 'game_score' || stat === 'plus_minus' || stat === 'bpm' ? 'right' : 'center',
    };
  });
}

const BASIC_COLUMNS = heads(BASIC_STATS, BASIC_HEAD);
const ADVANCED_COLUMNS = heads(ADVANCED_STATS, ADVANCED_HEAD);

function theadOf(columns: readonly ColumnHead[], over: string): string {
  const cells = columns
    .map(
      (c) =>
        `         <th aria-label="${c.aria}" data-stat="${c.stat}" scope="col" class=" poptip ${c.align}" data-tip="${c.tip}" data-over-header="${over}" >${c.label}</th>`,
    )
    .join('\n');
  return `   <colgroup>${'<col>'.repeat(columns.length + 1)}</colgroup>
   <thead>

      
      <tr class="over_header"><th></th>
         <th aria-label="" data-stat="header_tmp" colspan="${columns.length}" class=" over_header center" >${over}</th>
      </tr>
            
      <tr>
         <th aria-label="Starters" data-stat="player" scope="col" class=" poptip sort_default_asc center" >Starters</th>
${cells}
      </tr>
      </thead>
`;
}

function reservesRow(columns: readonly ColumnHead[]): string {
  const cells = columns
    .map(
      (c) =>
        `         <th aria-label="${c.aria}" data-stat="${c.stat}" class=" ${c.align}" data-tip="${c.tip}" >${c.label}</th>`,
    )
    .join('\n');
  return `
      
      <tr class="thead">
         <th aria-label="Reserves" data-stat="player" class=" sort_default_asc center" >Reserves</th>
${cells}
      </tr>
      `;
}

const BASIC_THEAD = theadOf(BASIC_COLUMNS, 'Basic Box Score Stats');
const ADVANCED_THEAD = theadOf(ADVANCED_COLUMNS, 'Advanced Box Score Stats');
const BASIC_RESERVES = reservesRow(BASIC_COLUMNS);
const ADVANCED_RESERVES = reservesRow(ADVANCED_COLUMNS);

/** True for the texts the site marks `iz` (zero or empty): the formats stats-math.ts writes zeros in. */
function isZero(text: string): boolean {
  return text === '' || text === '0' || text === '.000' || text === '0.0';
}

function td(c: Cell): string {
  if (c.tip !== undefined)
    return `<td class="right poptip" data-stat="${c.stat}" data-tip="${c.tip}" >${c.text}</td>`;
  const csk = c.csk === undefined ? '' : `csk="${c.csk}" `;
  return `<td class="right ${isZero(c.text) ? 'iz' : ''}" data-stat="${c.stat}" ${csk}>${c.text}</td>`;
}

function playerTh(p: BoxPlayer): string {
  const pl = p.player;
  return `<th scope="row" class="left " data-append-csv="${pl.id}" data-stat="player" csk="${esc(pl.sortKey)}" ><a href="${playerHref(pl.id)}">${esc(pl.display)}</a></th>`;
}

function reasonRow(p: BoxPlayer, colspan: number): string {
  return `<tr >${playerTh(p)}<td class="center " data-stat="reason" colspan=${colspan} class='italic_text gray_text' >${esc(p.reason!)}</td></tr>`;
}

function benchedRow(p: BoxPlayer, colspan: number): string {
  const pl = p.player;
  return `<tr ><th scope="row" class="left " data-stat="player" ><a href='${playerHref(pl.id)}'>${esc(pl.display)}</a></th><td class="center " data-stat="reason" colspan=${colspan} class='italic_text gray_text' >&nbsp;</td></tr>`;
}

function tfoot(cells: Cell[]): string {
  return `</tbody><tfoot><tr ><th scope="row" class="left " data-stat="player" >Team Totals</th>${cells.map(td).join('')}</tr>

   </tfoot>
`;
}

interface TableSpec {
  /** `game`, `q1`, `h1`, `ot1`, ... */
  part: string;
  kind: 'basic' | 'advanced';
  heading: string;
  toggleable: boolean;
  body: string;
}

function wrap(team: BoxTeam, spec: TableSpec): string {
  const code = team.team.code;
  const id = `box-${code}-${spec.part}-${spec.kind}`;
  const label = spec.heading;
  const noInpage = spec.toggleable ? ' data-no-inpage="1"' : '';
  const classes = `section_wrapper box-${code} box-${code}-${spec.part}${spec.toggleable ? ' toggleable' : ''}`;
  return `<div class="${classes}" id="all_${id}">    <div class="section_content" id="div_${id}">
	    
<div id="all_${id}" class="table_wrapper">

<div class="section_heading assoc_${id}" id="${id}_sh">
  <span class="section_anchor" id="${id}_link" data-label="${label}"${noInpage}></span><h2>${label}</h2>
      <div class="section_heading_text">
      <ul>
      </ul>
    </div>
    
    		
</div>
<div class="table_container" id="div_${id}">
    
    <table class="sortable stats_table" id="${id}" data-cols-to-freeze=",1">
    <caption>${label} Table</caption>
    

${spec.kind === 'basic' ? BASIC_THEAD : ADVANCED_THEAD}<tbody>${spec.body}
</table>


</div>



</div>

		
    </div>

</div>
`;
}

/** Lines of each player for a period selection (game = all periods). */
function periodLine(p: BoxPlayer, periods: readonly number[]): Line | null {
  if (!p.periods) return null;
  const acc = emptyLine();
  for (const k of periods) addLine(acc, p.periods[k]!);
  return acc;
}

function basicTable(team: BoxTeam, periods: readonly number[], part: string, heading: string): string {
  const rows: string[] = [];
  let reservesShown = false;
  const colspan = BASIC_COLUMNS.length;
  for (const p of team.players) {
    if (!p.starter && !reservesShown) {
      rows.push(BASIC_RESERVES);
      reservesShown = true;
    }
    if (p.reason !== null) {
      rows.push(reasonRow(p, colspan));
      continue;
    }
    const line = periodLine(p, periods)!;
    if (line.sec === 0) {
      rows.push(benchedRow(p, colspan));
      continue;
    }
    rows.push(`<tr >${playerTh(p)}${basicCells(line, 'player').map(td).join('')}</tr>`);
  }
  const total = emptyLine();
  for (const k of periods) addLine(total, team.periodTotals[k]!);
  const body = `${rows.join('\n')}\n${tfoot(basicCells(total, 'team'))}`;
  return wrap(team, { part, kind: 'basic', heading, toggleable: part !== 'game', body });
}

function advancedTable(team: BoxTeam, opp: BoxTeam): string {
  const rows: string[] = [];
  let reservesShown = false;
  const colspan = ADVANCED_COLUMNS.length;
  for (const p of team.players) {
    if (!p.starter && !reservesShown) {
      rows.push(ADVANCED_RESERVES);
      reservesShown = true;
    }
    if (p.reason !== null) {
      rows.push(reasonRow(p, colspan));
      continue;
    }
    rows.push(
      `<tr >${playerTh(p)}${advancedCells(p.total!, team.total, opp.total, 'player').map(td).join('')}</tr>`,
    );
  }
  const body = `${rows.join('\n')}\n${tfoot(advancedCells(team.total, team.total, opp.total, 'team'))}`;
  return wrap(team, { part: 'game', kind: 'advanced', heading: '', toggleable: false, body });
}

function teamTables(team: BoxTeam, opp: BoxTeam, overtimes: number): string {
  const name = team.team.name;
  const parts: string[] = [
    basicTable(
      team,
      [0, 1, 2, 3, ...Array.from({ length: overtimes }, (_, i) => 4 + i)],
      'game',
      `${name} Basic and Advanced Stats`,
    ),
  ];
  const sections: Array<[string, number[], string]> = [
    ['q1', [0], 'Q1'],
    ['q2', [1], 'Q2'],
    ['h1', [0, 1], 'H1'],
    ['q3', [2], 'Q3'],
    ['q4', [3], 'Q4'],
    ['h2', [2, 3], 'H2'],
  ];
  for (let i = 0; i < overtimes; i++) sections.push([`ot${i + 1}`, [4 + i], `OT${i + 1}`]);
  for (const [part, periods, label] of sections)
    parts.push(basicTable(team, periods, part, `${name} (${label})`));
  parts.push(advancedTable(team, opp));
  return parts.join('');
}

function switcher(v: string, h: string, overtimes: number): string {
  const parts: Array<[string, string]> = [
    ['game', 'Game'],
    ['q1', 'Q1'],
    ['q2', 'Q2'],
    ['h1', 'H1'],
    ['q3', 'Q3'],
    ['q4', 'Q4'],
    ['h2', 'H2'],
  ];
  for (let i = 1; i <= overtimes; i++) parts.push([`ot${i}`, `OT${i}`]);
  const divs = parts
    .map(
      ([part, label], i) =>
        `<div class='${i === 0 ? 'current' : ''}'><a class='sr_preset' data-hide='.box-${v},.box-${h}' data-show='.box-${v}-${part},.box-${h}-${part}'>${label}</a></div>`,
    )
    .join(' ');
  return `<div class="filter switcher">${divs}</div>`;
}

function commented(id: string, label: string, table: string): string {
  return `<div id="all_${id}" class="table_wrapper setup_commented commented">

<div class="section_heading assoc_${id}" id="${id}_sh">
  <span class="section_anchor" id="${id}_link" data-label="${label}"></span><h2>${label}</h2>
      <div class="section_heading_text">
      <ul>
      </ul>
    </div>
    
    		
</div><div class="placeholder"></div>
<!--

<div class="table_container" id="div_${id}">
    
${table}

</div>
-->


</div>`;
}

function lineScoreTable(game: SeasonGame): string {
  const periods = game.lines.home.length;
  const label = (k: number): [string, string] =>
    k < 4 ? [String(k + 1), String(k + 1)] : k === 4 ? ['OT', '1OT'] : [`${k - 3}OT`, `${k - 3}OT`];
  const headCells = Array.from({ length: periods }, (_, k) => {
    const [text] = label(k);
    return `         <th aria-label="${text}" data-stat="${text}" scope="col" class=" poptip center" data-over-header="Scoring" >${text}</th>`;
  });
  const row = (code: string, line: readonly number[], tot: number): string =>
    `<tr ><th scope="row" class="center " data-stat="team" ><a href='${teamHref(code, game.season)}'>${code}</a></th>${line
      .map((pts, k) => `<td class="center " data-stat="${label(k)[1]}" >${pts}</td>`)
      .join('')}<td class="center " data-stat="T" ><strong>${tot}</strong></td></tr>`;
  return `    <table class="suppress_all stats_table" id="line_score" data-cols-to-freeze="0">
    <caption>Line Score Table</caption>
    

   <colgroup>${'<col>'.repeat(periods + 2)}</colgroup>
   <thead>

      
      <tr class="over_header">
         <th aria-label="" data-stat="header_tmp" colspan="${periods + 2}" class=" over_header center" >Scoring</th>
      </tr>
            
      <tr>
         <th aria-label="&nbsp;" data-stat="team" scope="col" class=" poptip center" data-over-header="Scoring" >&nbsp;</th>
${headCells.join('\n')}
         <th aria-label="T" data-stat="T" scope="col" class=" poptip center" data-over-header="Scoring" >T</th>
      </tr>
      </thead>
<tbody>${row(game.visitor.code, game.lines.visitor, game.visitorPoints)}
${row(game.home.code, game.lines.home, game.homePoints)}

</table>`;
}

function fourFactorsTable(box: BoxModel): string {
  const row = (t: BoxTeam, o: BoxTeam): string =>
    `<tr ><th scope="row" class="left " data-stat="team_id" ><a href="${teamHref(t.team.code, box.game.season)}">${t.team.code}</a></th>${fourFactorCells(
      t.total,
      o.total,
    )
      .map((c) => `<td class="right ${c.mark ?? ''}" data-stat="${c.stat}" >${c.text}</td>`)
      .join('')}</tr>`;
  return `    <table class="suppress_all stats_table" id="four_factors" data-cols-to-freeze=",1">
    <caption>Four Factors Table</caption>
    

   <colgroup><col><col><col><col><col><col><col></colgroup>
   <thead>

      
      <tr class="over_header">
         <th aria-label="" data-stat="" colspan="2" class=" over_header center" ></th>
         <th aria-label="" data-stat="header_tmp" colspan="4" class=" over_header center" >Four Factors</th><th></th>
      </tr>
            
      <tr>
         <th aria-label="&nbsp;" data-stat="team_id" scope="col" class=" poptip sort_default_asc left" data-tip="Team" >&nbsp;</th>
         <th aria-label="Pace Factor" data-stat="pace" scope="col" class=" poptip right" data-tip="Possessions per 48 minutes" >Pace</th>
         <th aria-label="Effective Field Goal Percentage" data-stat="efg_pct" scope="col" class=" poptip right" data-over-header="Four Factors" >eFG%</th>
         <th aria-label="Turnover Percentage" data-stat="tov_pct" scope="col" class=" poptip sort_default_asc right" data-over-header="Four Factors" >TOV%</th>
         <th aria-label="Offensive Rebound Percentage" data-stat="orb_pct" scope="col" class=" poptip right" data-over-header="Four Factors" >ORB%</th>
         <th aria-label="FT/FGA" data-stat="ft_rate" scope="col" class=" poptip right" data-tip="Free throws per field goal attempt" data-over-header="Four Factors" >FT/FGA</th>
         <th aria-label="Offensive Rating" data-stat="off_rtg" scope="col" class=" poptip right" data-tip="Points per 100 possessions" >ORtg</th>
      </tr>
      </thead>
<tbody>${row(box.visitor, box.home)}
${row(box.home, box.visitor)}

</table>`;
}

function scoreboxTeam(
  game: SeasonGame,
  team: BoxTeam,
  pts: number,
  record: string,
  links: [string | null, string | null],
): string {
  const t = team.team;
  const prev = links[0] ? `  <a href="${boxScoreHref(links[0])}" class="button2 prev">Prev Game</a>\n` : '';
  const next = links[1] ? `  <a href="${boxScoreHref(links[1])}" class="button2 next">Next Game</a>\n` : '';
  return `	<div>
		<div>


	<div class="media-item logo loader">
		<img class="teamlogo" src="/replay-logos/${t.code}-${game.season}.png" alt="${game.season} ${esc(t.name)} Logo">
	</div>


<strong>
				<a href="${teamHref(t.code, game.season)}">${esc(t.name)}</a>
			</strong>
		</div>
		<div class="scores">
			<div class="score">${pts}</div>
		</div><div>${record}</div>
			<div class="prevnext">
${prev}${next}</div>


	</div>
`;
}

/** `2018 NBA Eastern Conference First Round Game 3: `, `Play-In Game: `, or nothing. */
function headingPrefix(game: SeasonGame): string {
  if (game.playoff) return `${game.season} NBA ${game.playoff.round} Game ${game.playoff.gameNumber}: `;
  return game.gameType === 'play-in' ? 'Play-In Game: ' : '';
}

function inactiveBlock(box: BoxModel): string {
  const team = (t: BoxTeam): string => {
    const names = t.inactive
      .map((p) => `<a href="${playerHref(p.id)}">${esc(p.display)}</a>`)
      .join(',&nbsp;');
    return `<span><strong>${t.team.code}</strong>&nbsp;</span>${names === '' ? 'None' : names}&nbsp;&nbsp;&nbsp;`;
  };
  return `<div><strong>Inactive:&nbsp;</strong>${team(box.visitor)}${team(box.home)}</div>`;
}

export function renderBoxScorePage(input: BoxScorePageInput): string {
  const { box, model } = input;
  const game = box.game;
  const season = model.season;
  const date = longDateText(game.day);
  const prefix = headingPrefix(game);
  const others = input.sameDay
    .slice()
    .sort((a, b) => (a.home.code < b.home.code ? -1 : 1))
    .map((g) => renderGameSummary(g, g.gameId === game.gameId, true))
    .join('\n');
  const playoffsClass = game.gameType === 'playoffs' ? ' playoffs' : '';
  const meta = [
    `<div>${game.startMinutes === null ? date : `${longTime(game.startMinutes)}, ${date}`}</div>`,
    `<div>${esc(game.arena)}, ${esc(game.location)}</div>`,
  ].join('');
  const extras = [
    inactiveBlock(box),
    `<div><strong>Officials:&nbsp;</strong>${box.officials.map((r) => `<a href='/referees/${r.id}.html'>${esc(r.display)}</a>`).join(', ')}</div>`,
    game.attendance === null
      ? ''
      : `<div><strong>Attendance:&nbsp;</strong>${thousands(game.attendance)}</div>`,
    game.durationMinutes === null
      ? ''
      : `<div><strong>Time of Game:&nbsp;</strong>${hoursMinutes(game.durationMinutes)}</div>`,
  ]
    .filter((s) => s !== '')
    .map((s) => `  ${s}\n  \n  `)
    .join('\n');
  const v = game.visitor.code;
  const h = game.home.code;
  const content = `  <h1>${esc(prefix)}${esc(game.visitor.name)} at ${esc(game.home.name)} Box Score, ${date}</h1>
  
  <div class="section_wrapper setup_commented commented" id="all_other_scores">
<div class="section_heading assoc_other_scores" id="other_scores_sh">
  <span class="section_anchor" id="other_scores_link" data-label="All Games This Date"></span><h2></h2>
  		
</div><div class="placeholder"></div>
<!--     <div class="section_content" id="div_other_scores">
	    <div class="game_summaries compressed${playoffsClass}">
   <h2>NBA Scores &mdash; ${shortDateText(game.day)}</h2>
   
${others}
   
</div>

		
    </div>
-->
</div>

<div class="scorebox">
${scoreboxTeam(game, box.visitor, game.visitorPoints, game.visitorRecord, input.links.visitor)}${scoreboxTeam(game, box.home, game.homePoints, game.homeRecord, input.links.home)}	
	<div class="scorebox_meta">
		${meta}
		<div><em>Logos are placeholders on the replay site</em></div>
	</div>
	
	
</div>

<div class="filter">

<div class=" current">
	<a href="/boxscores/${game.gameId}.html">Box Score</a>
</div><div class="">
	<a href="/boxscores/pbp/${game.gameId}.html">Play-By-Play</a>
</div><div class="">
	<a href="/boxscores/shot-chart/${game.gameId}.html">Shot Charts</a>
</div><div class="">
	<a href="/boxscores/plus-minus/${game.gameId}.html">Plus/Minus</a>
</div></div>

<div class="content_grid">
<div>
${commented('line_score', 'Line Score', lineScoreTable(game))}
</div><div>
${commented('four_factors', 'Four Factors', fourFactorsTable(box))}
</div>
</div>

${switcher(v, h, game.overtimes)}${teamTables(box.visitor, box.home, game.overtimes)}${teamTables(box.home, box.visitor, game.overtimes)}<div>
  
${extras}
</div>

<div id="bottom_nav" class="section_wrapper">
<div class="section_heading"><span data-no-inpage="1" class="section_anchor" id="inner_nav_bottom_link" data-label="Team and League Schedules"></span><h2>Team and League Schedules</h2></div>
<div class="section_content" id="bottom_nav_container">
  <ul class="">
    <li><a href="/teams/${v}/${season}_games.html"><u>${esc(game.visitor.name)} Schedule</u></a></li>
    <li><a href="/teams/${h}/${season}_games.html"><u>${esc(game.home.name)} Schedule</u></a></li>
    <li><a href="/leagues/NBA_${season}_games.html"><u>NBA Schedule &amp; Results</u></a></li>
  </ul></div></div>`;
  return renderPage({
    title: `${prefix}${game.visitor.nickname} vs ${game.home.nickname}, ${date} | Basketball-Reference.com`,
    description: `Generated box score of ${game.visitor.name} at ${game.home.name}, ${date}, on the nba-scraper replay site`,
    canonical: boxScoreHref(game.gameId),
    section: 'scores',
    crumbs: [
      ['Box Scores', '/boxscores/'],
      [date, null],
    ],
    headerScores: input.headerScores,
    contentClass: 'box',
    content,
  });
}
