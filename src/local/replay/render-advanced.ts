/**
 * Advanced player stats page `/leagues/NBA_<Y>_advanced.html`: `table#advanced` (regular season)
 * and, once a playoff game is played, `table#advanced_post`, in the totals page's frame (2TM /
 * 3TM summary rows then `tr.partial_table` rows, a League Average row), ranked by minutes, every
 * rate with its exact value in `csk`. Also the matching ground-truth PlayerAdvanced records.
 */
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { SeasonPart } from '../../domain/player-totals.ts';
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
import { seasonAdvancedRows } from './season-advanced.ts';
import type { SeasonModel } from './season-model.ts';
import { cellValues, td } from './tables.ts';

const HEAD: readonly HeadColumn[] = [
  ...LEADING_COLUMNS,
  ['per', 'PER', 'Player Efficiency Rating'],
  ['ts_pct', 'TS%', 'True Shooting Percentage'],
  ['fg3a_per_fga_pct', '3PAr', '3-Point Attempt Rate'],
  ['fta_per_fga_pct', 'FTr', 'Free Throw Attempt Rate'],
  ['orb_pct', 'ORB%', 'Offensive Rebound Percentage'],
  ['drb_pct', 'DRB%', 'Defensive Rebound Percentage'],
  ['trb_pct', 'TRB%', 'Total Rebound Percentage'],
  ['ast_pct', 'AST%', 'Assist Percentage'],
  ['stl_pct', 'STL%', 'Steal Percentage'],
  ['blk_pct', 'BLK%', 'Block Percentage'],
  ['tov_pct', 'TOV%', 'Turnover Percentage'],
  ['usg_pct', 'USG%', 'Usage Percentage'],
  ['ows', 'OWS', 'Offensive Win Shares'],
  ['dws', 'DWS', 'Defensive Win Shares'],
  ['ws', 'WS', 'Win Shares'],
  ['ws_per_48', 'WS/48', 'Win Shares Per 48 Minutes'],
  ['obpm', 'OBPM', 'Offensive Box Plus/Minus'],
  ['dbpm', 'DBPM', 'Defensive Box Plus/Minus'],
  ['bpm', 'BPM', 'Box Plus/Minus'],
  ['vorp', 'VORP', 'Value over Replacement Player'],
  ['awards', 'Awards', ''],
];

function renderPart(
  model: SeasonModel,
  asOfDay: number,
  part: SeasonPart,
): RenderedPart<PlayerAdvanced> | null {
  const season = model.season;
  const rows = seasonAdvancedRows(model, asOfDay, part);
  if (rows.length === 0) return null;
  const numberOf = rowNumbering();
  const html: string[] = [];
  const truth: PlayerAdvanced[] = [];
  for (const { row: r, cells } of rows) {
    html.push(playerRow(season, r, numberOf(r), cells.map((c) => td(c)).join(' ')));
    truth.push({
      season,
      part,
      playerId: r.player.id,
      name: r.player.display,
      team: r.team,
      multiTeamSummary: r.summary,
      age: r.player.age,
      position: r.player.position,
      stats: cellValues(cells),
    });
  }
  html.push(
    leagueAverageRow(
      HEAD.slice(5, -1)
        .map(([stat]) => td({ stat, html: '' }))
        .join(' '),
    ),
  );
  const id = part === 'regular' ? 'advanced' : 'advanced_post';
  return { html: partTable(id, 'Advanced', HEAD, part, html), truth };
}

export function renderAdvancedPage(
  model: SeasonModel,
  asOfDay: number,
  headerScores: string,
): RenderedPart<PlayerAdvanced> {
  return renderPlayerSeasonPage({
    season: model.season,
    id: 'advanced',
    label: 'Advanced',
    slug: 'advanced',
    regular: renderPart(model, asOfDay, 'regular') ?? {
      html: partTable('advanced', 'Advanced', HEAD, 'regular', []),
      truth: [],
    },
    playoffs: renderPart(model, asOfDay, 'playoffs'),
    headerScores,
  });
}
