/**
 * Draft page `/draft/NBA_<Y>.html` of a finished generated season: one live `table#stats`
 * (`<N> Selections Table`), the first round's `Round 1` over-header in `thead`, the second round
 * announced inside `tbody` by a `tr.over_header.thead` row and a repeated `tr.thead` header, each
 * pick's NBA career after it (empty cells for a player who never played). Also the matching
 * DraftPick records.
 */
import type { DraftPick } from '../../domain/draft.ts';
import { esc, playerHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import { type Career, type GeneratedPick, seasonDraft } from './season-draft.ts';
import type { SeasonModel } from './season-model.ts';
import { fixed1, ratio3 } from './stats-math.ts';
import { type Column, cellValues, headRow, row, section, type TableCell, table } from './tables.ts';

const COLUMNS: Column[] = [
  ['ranker', 'Rk', 'Rank'],
  ['pick_overall', 'Pk', 'Overall Pick'],
  ['team_id', 'Tm', 'Team'],
  ['player', 'Player'],
  ['college_name', 'College'],
  ['seasons', 'Yrs', 'Seasons that player has appeared in the NBA'],
  ['g', 'G', 'Games'],
  ['mp', 'MP', 'Minutes Played'],
  ['pts', 'PTS', 'Points'],
  ['trb', 'TRB', 'Total Rebounds'],
  ['ast', 'AST', 'Assists'],
  ['fg_pct', 'FG%', 'Field Goal Percentage'],
  ['fg3_pct', '3P%', '3-Point Field Goal Percentage'],
  ['ft_pct', 'FT%', 'Free Throw Percentage'],
  ['mp_per_g', 'MP', 'Minutes Played Per Game'],
  ['pts_per_g', 'PTS', 'Points Per Game'],
  ['trb_per_g', 'TRB', 'Total Rebounds Per Game'],
  ['ast_per_g', 'AST', 'Assists Per Game'],
  ['ws', 'WS', 'Win Shares'],
  ['ws_per_48', 'WS/48', 'Win Shares Per 48 Minutes'],
  ['bpm', 'BPM', 'Box Plus/Minus'],
  ['vorp', 'VORP', 'Value over Replacement Player'],
];

function overHeader(round: number, cls: string): string {
  return `<tr class="${cls}"><th></th><th></th><th></th>
         <th aria-label="" data-stat="header_draft" colspan="2" class=" over_header center" >Round ${round}</th><th></th>
         <th aria-label="" data-stat="header_totals" colspan="5" class=" over_header center" >Totals</th>
         <th aria-label="" data-stat="header_shooting" colspan="3" class=" over_header center" >Shooting</th>
         <th aria-label="" data-stat="header_per_g" colspan="4" class=" over_header center" >Per Game</th>
         <th aria-label="" data-stat="header_advanced" colspan="4" class=" over_header center" >Advanced</th>
      </tr>`;
}

function careerCells(c: Career | null): TableCell[] {
  const stats = COLUMNS.slice(5).map(([stat]) => stat);
  if (c === null) return stats.map((stat) => ({ stat, html: '' }));
  const perGame = (n: number): string => fixed1(n / c.g);
  const wsPer48 = (48 * c.ws) / c.mp;
  const text: Record<string, string> = {
    seasons: String(c.seasons),
    g: String(c.g),
    mp: String(c.mp),
    pts: String(c.pts),
    trb: String(c.trb),
    ast: String(c.ast),
    fg_pct: ratio3(c.fgPct, 1),
    fg3_pct: ratio3(c.fg3Pct, 1),
    ft_pct: ratio3(c.ftPct, 1),
    mp_per_g: perGame(c.mp),
    pts_per_g: perGame(c.pts),
    trb_per_g: perGame(c.trb),
    ast_per_g: perGame(c.ast),
    ws: fixed1(c.ws),
    ws_per_48: wsPer48
      .toFixed(3)
      .replace(/^0\./, '.')
      .replace(/^-0\.000$/, '.000'),
    bpm: fixed1(c.bpm),
    vorp: fixed1((((c.bpm + 2) * c.mp) / (48 * 82 * 5)) * 1.9),
  };
  return stats.map((stat) => ({ stat, html: text[stat]! }));
}

function pickRow(season: number, p: GeneratedPick): { html: string; truth: DraftPick } {
  const three = String(p.pick).padStart(3, '0');
  const career = careerCells(p.career);
  const cells: TableCell[] = [
    { stat: 'ranker', html: String(p.pick) },
    {
      stat: 'pick_overall',
      html: `<a target='_blank' rel='noopener' href='https://www.sports-reference.com/stathead/basketball/player-season-finder.cgi?request=1&amp;draft_pick_min=${p.pick}&amp;draft_pick_max=${p.pick}'>${p.pick}</a>`,
      csk: String(p.pick),
    },
    {
      stat: 'team_id',
      html: `<a href="/teams/${p.team.code}/draft.html" title="${esc(p.team.name)}">${p.team.code}</a>`,
      csk: `${p.team.code}.${three}`,
      align: 'left',
    },
    {
      stat: 'player',
      html: `<a href='${playerHref(p.id)}'>${esc(p.display)}</a>`,
      csk: p.name.last,
      align: 'left',
    },
    p.college
      ? {
          stat: 'college_name',
          html: `<a href="/friv/draft.fcgi?college=${p.college.toLowerCase().replace(/[^a-z]/g, '')}">${esc(p.college)}</a>`,
          csk: p.college,
          align: 'left',
        }
      : { stat: 'college_name', html: '', csk: 'Zzz', align: 'left' },
    ...career,
  ];
  return {
    html: row(cells),
    truth: {
      season,
      round: p.round,
      pick: p.pick,
      team: p.team.code,
      playerId: p.id,
      name: p.display,
      college: p.college,
      career: cellValues(career),
    },
  };
}

export interface DraftPage {
  html: string;
  truth: DraftPick[];
}

export function renderDraftPage(model: SeasonModel, asOfDay: number, headerScores: string): DraftPage {
  const season = model.season;
  const picks = seasonDraft(model, asOfDay);
  const body: string[] = [];
  const truth: DraftPick[] = [];
  for (const p of picks) {
    if (p.round > 1 && picks[p.pick - 2]!.round !== p.round) {
      body.push(overHeader(p.round, 'over_header thead'), headRow(COLUMNS, 'thead'));
    }
    const r = pickRow(season, p);
    body.push(r.html);
    truth.push(r.truth);
  }
  const caption = `${picks.length} Selections`;
  const content = section(
    'stats',
    caption,
    table({
      id: 'stats',
      caption,
      columns: COLUMNS,
      overHeader: overHeader(1, 'over_header'),
      body,
      freeze: '2,4',
    }),
    false,
    "<li><small>Stats shown are for the player's NBA career</small></li>",
  );
  const html = renderPage({
    title: `${season} NBA Draft | Basketball-Reference.com`,
    description: `Generated ${season} draft on the nba-scraper replay site`,
    canonical: `/draft/NBA_${season}.html`,
    section: 'none',
    crumbs: [
      ['Draft', '/draft/'],
      [`${season} NBA Draft`, null],
    ],
    headerScores,
    info: `<div id="info" class="draft">\n\t<div id="meta">\n\t\t<div>\n\t\t\t<h1><span>${season}</span> <span>NBA Draft</span></h1>\n\t\t</div>\n\t</div>\n</div>`,
    content,
  });
  return { html, truth };
}
