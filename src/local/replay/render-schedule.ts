/**
 * Schedule pages: `/leagues/NBA_<Y>_games-<month>.html` and the season default page
 * `/leagues/NBA_<Y>_games.html` (byte-identical to the first month's page). Structure of the
 * 2024+ server captures: month navigation in `div.filter`, `table#schedule` with the column set
 * of the era (no `game_start_time` for 1999-00), empty cells for games not yet played, and the
 * `Playoffs` divider row for seasons up to 2018-19. The canonical link names the season page.
 */
import { seasonLabel } from '../../domain/season-range.ts';
import { dateOf, MONTH_NAMES, scheduleDateText } from './dates.ts';
import { boxScoreHref, esc, hoursMinutes, shortTime, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import type { MonthPage, SeasonGame, SeasonModel } from './season-model.ts';
import { thousands } from './stats-math.ts';

export interface SchedulePageInput {
  model: SeasonModel;
  months: readonly MonthPage[];
  month: MonthPage;
  /** Games on or before this day are played. */
  asOfDay: number;
  /** True once the Finals are over (the page names the champion). */
  complete: boolean;
  headerScores: string;
}

interface Column {
  stat: string;
  label: string;
  aria: string;
  cls: string;
  tip?: string;
}

const COLUMNS: readonly Column[] = [
  { stat: 'date_game', label: 'Date', aria: 'Date', cls: ' poptip sort_default_asc center' },
  { stat: 'game_start_time', label: 'Start (ET)', aria: 'Start (ET)', cls: ' poptip center' },
  {
    stat: 'visitor_team_name',
    label: 'Visitor/Neutral',
    aria: 'Visitor/Neutral',
    cls: ' poptip sort_default_asc center',
  },
  { stat: 'visitor_pts', label: 'PTS', aria: 'Visitor Points', cls: ' poptip center', tip: 'Points' },
  {
    stat: 'home_team_name',
    label: 'Home/Neutral',
    aria: 'Home/Neutral',
    cls: ' poptip sort_default_asc center',
  },
  { stat: 'home_pts', label: 'PTS', aria: 'Home Points', cls: ' poptip center' },
  { stat: 'box_score_text', label: '&nbsp;', aria: '&nbsp;', cls: ' poptip sort_default_asc center' },
  { stat: 'overtimes', label: '&nbsp;', aria: '&nbsp;', cls: ' poptip center' },
  { stat: 'attendance', label: 'Attend.', aria: 'Attend.', cls: ' poptip center', tip: 'Attendance' },
  { stat: 'game_duration', label: 'LOG', aria: 'LOG', cls: ' poptip center', tip: 'Length of Game' },
  { stat: 'arena_name', label: 'Arena', aria: 'Arena', cls: ' poptip sort_default_asc center' },
  {
    stat: 'game_remarks',
    label: 'Notes',
    aria: 'Notes',
    cls: ' poptip sort_default_asc show_partial_when_sorting center',
  },
];

function cell(tag: 'td' | 'th', align: string, stat: string, text: string, csk?: string): string {
  const iz = text === '' ? 'iz' : '';
  const scope = tag === 'th' ? 'scope="row" ' : '';
  const sort = csk === undefined ? '' : `csk="${csk}" `;
  return `<${tag} ${scope}class="${align} ${iz}" data-stat="${stat}" ${sort}>${text}</${tag}>`;
}

function row(game: SeasonGame, played: boolean, withStart: boolean): string {
  const { year, month, day } = dateOf(game.day);
  const ot = game.overtimes === 0 ? '' : game.overtimes === 1 ? 'OT' : `${game.overtimes}OT`;
  const cells = [
    cell(
      'th',
      'left',
      'date_game',
      `<a href="/boxscores/index.fcgi?month=${month}&amp;day=${day}&amp;year=${year}">${scheduleDateText(game.day)}</a>`,
      game.gameId,
    ),
  ];
  if (withStart)
    cells.push(
      cell('td', 'right', 'game_start_time', game.startMinutes === null ? '' : shortTime(game.startMinutes)),
    );
  cells.push(
    cell(
      'td',
      'left',
      'visitor_team_name',
      `<a href="${teamHref(game.visitor.code, game.season)}">${esc(game.visitor.name)}</a>`,
      `${game.visitor.code}.${game.gameId}`,
    ),
    cell('td', 'right', 'visitor_pts', played ? String(game.visitorPoints) : ''),
    cell(
      'td',
      'left',
      'home_team_name',
      `<a href="${teamHref(game.home.code, game.season)}">${esc(game.home.name)}</a>`,
      `${game.home.code}.${game.gameId}`,
    ),
    cell('td', 'right', 'home_pts', played ? String(game.homePoints) : ''),
    cell(
      'td',
      'center',
      'box_score_text',
      played ? `<a href="${boxScoreHref(game.gameId)}">Box Score</a>` : '',
    ),
    cell('td', 'center', 'overtimes', played ? ot : ''),
    cell('td', 'right', 'attendance', played && game.attendance !== null ? thousands(game.attendance) : ''),
    cell(
      'td',
      'right',
      'game_duration',
      played && game.durationMinutes !== null ? hoursMinutes(game.durationMinutes) : '',
    ),
    cell('td', 'left', 'arena_name', esc(game.arena)),
    cell('td', 'left', 'game_remarks', game.remarks === null ? '' : esc(game.remarks)),
  );
  return `<tr >${cells.join('')}</tr>`;
}

function table(input: SchedulePageInput): string {
  const { model, month, asOfDay } = input;
  const withStart = model.calendar.hasStartTimes;
  const columns = withStart ? COLUMNS : COLUMNS.filter((c) => c.stat !== 'game_start_time');
  const head = columns
    .map((c) => {
      const tip = c.tip ? ` data-tip="${c.tip}"` : '';
      return `         <th aria-label="${c.aria}" data-stat="${c.stat}" scope="col" class="${c.cls}"${tip} >${c.label}</th>`;
    })
    .join('\n');
  const rows: string[] = [];
  let sawRegular = false;
  let divided = false;
  for (const g of month.games) {
    if (g.gameType === 'regular') sawRegular = true;
    else if (model.calendar.playoffsDivider && sawRegular && !divided && g.gameType === 'playoffs') {
      rows.push(`<tr class='thead'><th colspan='${columns.length}'>Playoffs</th></tr>`);
      divided = true;
    }
    rows.push(row(g, g.day <= asOfDay, withStart));
  }
  const name = `${month.label} Schedule`;
  return `<div id="all_schedule" class="table_wrapper">

<div class="section_heading assoc_schedule" id="schedule_sh">
  <span class="section_anchor" id="schedule_link" data-label="${name}"></span><h2>${name}</h2>
      <div class="section_heading_text">
      <ul>
      </ul>
    </div>
</div>
<div class="table_container" id="div_schedule">
    
    <table class="suppress_glossary sortable stats_table" id="schedule" data-cols-to-freeze=",1">
    <caption>${name} Table</caption>
    

   <colgroup>${'<col>'.repeat(columns.length)}</colgroup>
   <thead>      
      <tr>
${head}
      </tr>
      </thead>
<tbody>${rows.join('\n')}

</tbody></table>
</div>
</div>`;
}

function monthFilter(input: SchedulePageInput): string {
  const divs = input.months
    .map(
      (m) => `<div class="${m === input.month ? ' current' : ''}">
	<a href="/leagues/NBA_${input.model.season}_games-${m.slug}.html">${m.label}</a>
</div>`,
    )
    .join('');
  return `<div class="filter">

${divs}</div>`;
}

export function renderSchedulePage(input: SchedulePageInput): string {
  const { model } = input;
  const season = model.season;
  const label = seasonLabel(season);
  const champion = input.complete
    ? `<p><strong>League Champion</strong>: <a href='${teamHref(model.champion.code, season)}'>${esc(model.champion.name)}</a></p>`
    : '';
  const info = `<div id="info" class="seasons">
	<div id="meta">
		<div>
			<h1>
				<span>${label}</span> <span>NBA</span> <span class="header_end">Schedule and Results</span>
			</h1>
			<div class="prevnext">
  <a href="/leagues/NBA_${season - 1}_games.html" class="button2 prev">${seasonLabel(season - 1)} Schedule and Results</a>
  <a href="/leagues/NBA_${season + 1}_games.html" class="button2 next">${seasonLabel(season + 1)} Schedule and Results</a>
</div>
			${champion}
		</div>
	</div>
</div>`;
  const content = `${monthFilter(input)}

${table(input)}

<div id="bottom_nav" class="section_wrapper">
<div class="section_heading"><span data-no-inpage="1" class="section_anchor" id="inner_nav_bottom_link" data-label="More ${label} NBA Pages"></span><h2>More ${label} NBA Pages</h2></div>
<div class="section_content" id="bottom_nav_container">
  <p><a href="/leagues/NBA_${season}.html">${label} NBA Season</a></p>
  <ul class="">
    <li><a href="/leagues/NBA_${season}_games.html">Schedule and Results</a></li>
    <li><a href="/leagues/NBA_${season}_totals.html">Totals</a></li>
  </ul>
</div></div>`;
  return renderPage({
    title: `${label} NBA Schedule | Basketball-Reference.com`,
    description: `Generated schedule and results of the ${label} season on the nba-scraper replay site`,
    canonical: `/leagues/NBA_${season}_games.html`,
    section: 'leagues',
    crumbs: [
      ['Leagues', '/leagues/'],
      [`${label} NBA`, `/leagues/NBA_${season}.html`],
      [`${MONTH_NAMES[input.month.month - 1]} ${input.month.year} Schedule and Results`, null],
    ],
    headerScores: input.headerScores,
    info,
    content,
  });
}
