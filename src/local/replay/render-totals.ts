/**
 * Player totals page `/leagues/NBA_<Y>_totals.html`: `table#totals_stats` (regular season) and
 * `table#totals_stats_post` (playoffs) with the 2024 column names, `2TM` / `3TM` summary rows
 * followed by `tr.partial_table` rows, a `tr.norank` League Average row closing each body, and
 * the league leaders in bold. Also the matching ground-truth records.
 */
import type { PlayerSeasonTotals, SeasonPart } from '../../domain/player-totals.ts';
import { emptyLine, type Line, points } from './box-model.ts';
import {
  type HeadColumn,
  LEADING_COLUMNS,
  leagueAverageRow,
  partTable,
  playerRow,
  type RenderedPart,
  renderPlayerSeasonPage,
  rowNumbering,
} from './player-season-page.ts';
import type { SeasonModel } from './season-model.ts';
import { seasonTotalsRows, type TotalsRow, toPlayerSeasonTotals, totalMinutes } from './season-totals.ts';
import { cellNumber, ratio3 } from './stats-math.ts';

interface TotalsCell {
  stat: string;
  text: string;
  csk?: string;
  align: 'left' | 'right' | 'center';
}

const HEAD: readonly HeadColumn[] = [
  ...LEADING_COLUMNS,
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

function renderPart(model: SeasonModel, asOfDay: number, part: SeasonPart): RenderedPart<PlayerSeasonTotals> {
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
  const numberOf = rowNumbering();
  for (const r of rows) {
    const cells = cellsOf(r);
    const stats: Record<string, number | null> = {};
    // Percentages carry their exact value in `csk`; the text rounds it to three decimals.
    for (const c of cells) stats[c.stat] = c.csk === undefined ? cellNumber(c.text) : Number(c.csk);
    truth.push(toPlayerSeasonTotals(season, part, r, stats));
    const lead = (c: TotalsCell): boolean =>
      !r.partial && LEADER_STATS.has(c.stat) && Number(c.text) > 0 && Number(c.text) === leaders.get(c.stat);
    html.push(playerRow(season, r, numberOf(r), cells.map((c) => td(c, lead(c))).join(' ')));
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
    html.push(leagueAverageRow(cells.join(' ')));
  }
  const id = part === 'regular' ? 'totals_stats' : 'totals_stats_post';
  return { html: partTable(id, 'Totals', HEAD, part, html), truth };
}

export function renderTotalsPage(
  model: SeasonModel,
  asOfDay: number,
  headerScores: string,
): RenderedPart<PlayerSeasonTotals> {
  return renderPlayerSeasonPage({
    season: model.season,
    id: 'totals_stats',
    label: 'Totals',
    slug: 'totals',
    regular: renderPart(model, asOfDay, 'regular'),
    playoffs: renderPart(model, asOfDay, 'playoffs'),
    headerScores,
  });
}
