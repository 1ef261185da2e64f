/**
 * The cells of a team page's commented tables, from the team's regular-season sums: the
 * `team_and_opponent` rows (totals, per game and league ranks, for the team and its opponents,
 * named as the real page names them: `fg`, `fg_per_g`, `opp_fg`, `opp_fg_per_g`) and the `Team`
 * row of `team_misc` (W-L, Pythagorean W-L, MOV, SOS, SRS, ratings, pace, four factors, arena,
 * attendance).
 */

import { TEAM_STATS } from '../../store/season-tables.ts';
import { type Line, points } from './box-model.ts';
import { esc } from './html.ts';
import type { TeamSums } from './season-aggregate.ts';
import type { TeamStanding } from './season-standings.ts';
import { fixed1, possessions, ratio3, thousands } from './stats-math.ts';
import type { TableCell } from './tables.ts';
import type { SeasonTeam } from './teams.ts';

/** The columns of `team_and_opponent` after `g` and `mp`, in the page's order. */
const STATS = TEAM_STATS.slice(2);

/** Raw value of each stat of a line (percentages as fractions, NaN when undefined). */
export function lineStats(l: Line): Record<string, number> {
  const fg = l.fg2 + l.fg3;
  const fga = l.fg2a + l.fg3a;
  return {
    fg,
    fga,
    fg_pct: fg / fga,
    fg3: l.fg3,
    fg3a: l.fg3a,
    fg3_pct: l.fg3 / l.fg3a,
    fg2: l.fg2,
    fg2a: l.fg2a,
    fg2_pct: l.fg2 / l.fg2a,
    ft: l.ft,
    fta: l.fta,
    ft_pct: l.ft / l.fta,
    orb: l.orb,
    drb: l.drb,
    trb: l.orb + l.drb,
    ast: l.ast,
    stl: l.stl,
    blk: l.blk,
    tov: l.tov,
    pf: l.pf,
    pts: points(l),
  };
}

const isPct = (stat: string): boolean => stat.endsWith('_pct');

/** `Team` / `Opponent` (totals) or `Team/G` / `Opponent/G` (per game) row cells, without the label. */
export function teamStatCells(
  games: number,
  line: Line,
  side: 'team' | 'opponent',
  perGame: boolean,
): TableCell[] {
  const stats = lineStats(line);
  const prefix = side === 'opponent' ? 'opp_' : '';
  const name = (stat: string): string =>
    isPct(stat) ? `${prefix}${stat}` : `${prefix}${stat}${perGame ? '_per_g' : ''}`;
  const minutes = Math.round(line.sec / 60);
  const cells: TableCell[] = [
    { stat: 'g', html: perGame ? '' : String(games), align: 'center' },
    {
      stat: perGame ? 'mp_per_g' : 'mp',
      html: perGame ? (games > 0 ? fixed1(minutes / games) : '') : String(minutes),
      align: 'center',
    },
  ];
  for (const stat of STATS) {
    const v = stats[stat]!;
    const html = isPct(stat)
      ? Number.isFinite(v)
        ? ratio3(v, 1)
        : ''
      : perGame
        ? games > 0
          ? fixed1(v / games)
          : ''
        : String(v);
    cells.push({ stat: name(stat), html, align: 'center' });
  }
  return cells;
}

/** League ranks of a team among `all` (per game; TOV and PF ascending; opponents' ranks flipped). */
export function rankCells(own: TeamSums, all: readonly TeamSums[], side: 'team' | 'opponent'): TableCell[] {
  const prefix = side === 'opponent' ? 'opp_' : '';
  const value = (t: TeamSums, stat: string): number => {
    const s = lineStats(side === 'team' ? t.line : t.opp)[stat]!;
    return isPct(stat) ? s : s / Math.max(1, t.games);
  };
  const cells: TableCell[] = [
    { stat: 'g', html: '', align: 'center' },
    { stat: 'mp', html: '', align: 'center' },
  ];
  for (const stat of STATS) {
    const lowIsGood = (stat === 'tov' || stat === 'pf') !== (side === 'opponent');
    const mine = value(own, stat);
    const better = all.filter((t) => (lowIsGood ? value(t, stat) < mine : value(t, stat) > mine)).length;
    cells.push({ stat: `${prefix}${stat}`, html: own.games > 0 ? String(better + 1) : '', align: 'center' });
  }
  return cells;
}

function pct1(num: number, den: number): string {
  return den > 0 ? fixed1((100 * num) / den) : '';
}

/** The `Team` row of `team_misc`, without the label. */
export function miscCells(team: SeasonTeam, sums: TeamSums | undefined, standing: TeamStanding): TableCell[] {
  const l = sums?.line;
  const o = sums?.opp;
  const games = standing.games;
  const pyth =
    games > 0
      ? Math.round(
          (games * standing.pointsFor ** 14) / (standing.pointsFor ** 14 + standing.pointsAgainst ** 14),
        )
      : 0;
  const poss = l && o ? possessions(l, o) : 0;
  const f = l ? lineStats(l) : undefined;
  const g = o ? lineStats(o) : undefined;
  const c = (stat: string, html: string): TableCell => ({ stat, html, align: 'center' });
  const two = (x: number): string => (games > 0 ? (x.toFixed(2) === '-0.00' ? '0.00' : x.toFixed(2)) : '');
  const plays = (s: Record<string, number>) => s.fga! + 0.44 * s.fta! + s.tov!;
  return [
    c('wins', String(standing.wins)),
    c('losses', String(standing.losses)),
    c('wins_pyth', String(pyth)),
    c('losses_pyth', String(games - pyth)),
    c('mov', two(standing.mov)),
    c('sos', two(standing.sos)),
    c('srs', two(standing.srs)),
    c('off_rtg', poss > 0 && f ? fixed1((100 * f.pts!) / poss) : ''),
    c('def_rtg', poss > 0 && g ? fixed1((100 * g.pts!) / poss) : ''),
    c('pace', poss > 0 && l ? fixed1((48 * poss) / (l.sec / 60 / 5)) : ''),
    c('fta_per_fga_pct', f ? ratio3(f.fta!, f.fga!) : ''),
    c('fg3a_per_fga_pct', f ? ratio3(f.fg3a!, f.fga!) : ''),
    c('efg_pct', f ? ratio3(f.fg! + 0.5 * f.fg3!, f.fga!) : ''),
    c('tov_pct', f ? pct1(f.tov!, plays(f)) : ''),
    c('orb_pct', f && g ? pct1(f.orb!, f.orb! + g.drb!) : ''),
    c('ft_rate', f ? ratio3(f.ft!, f.fga!) : ''),
    c('opp_efg_pct', g ? ratio3(g.fg! + 0.5 * g.fg3!, g.fga!) : ''),
    c('opp_tov_pct', g ? pct1(g.tov!, plays(g)) : ''),
    c('drb_pct', f && g ? pct1(f.drb!, f.drb! + g.orb!) : ''),
    c('opp_ft_rate', g ? ratio3(g.ft!, g.fga!) : ''),
    { stat: 'arena_name', html: esc(team.arena), align: 'center' },
    c('attendance', sums?.homeAttendance == null ? '' : thousands(sums.homeAttendance)),
  ];
}
