/**
 * Advanced player season stats from the generated lines, as the advanced page shows them: the
 * glossary's shooting, rebound, assist, steal, block, turnover and usage rates against the team's
 * and its opponents' sums (a multi-team summary row against the sums of all his teams), and
 * simplified stand-ins for what needs league-wide modelling the generator does not do: PER (game
 * score per minute scaled to a league average of 15), win shares (points produced over the
 * league's rate, and a minutes share of the team's defence), BPM and VORP. Each value comes with
 * the exact `csk` the page gives and the rounded text it shows.
 */
import type { SeasonPart } from '../../domain/player-totals.ts';
import { addLine, emptyLine, type Line, points } from './box-model.ts';
import { emptyTeam, type SeasonAggregate, seasonAggregate, type TeamSums } from './season-aggregate.ts';
import type { SeasonModel } from './season-model.ts';
import { seasonTotalsRows, type TotalsRow, totalMinutes } from './season-totals.ts';
import { fixed1, gameScore, possessions, ratio3 } from './stats-math.ts';
import type { TableCell } from './tables.ts';

export interface AdvancedRow {
  row: TotalsRow;
  cells: TableCell[];
}

/** `x.toFixed(digits)` without a negative zero. */
function csk(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

const fraction = (stat: string, x: number | null): TableCell =>
  x === null || !Number.isFinite(x) ? { stat, html: '' } : { stat, html: ratio3(x, 1), csk: csk(x, 10) };
const percent = (stat: string, x: number | null): TableCell =>
  x === null || !Number.isFinite(x) ? { stat, html: '' } : { stat, html: fixed1(100 * x), csk: csk(x, 10) };
const decimal = (stat: string, x: number, digits = 10): TableCell => ({
  stat,
  html: fixed1(x),
  csk: csk(x, digits),
});

interface League {
  gameScorePerMin: number;
  pointsPerPlay: number;
  teamPointsPerGame: number;
  tsPct: number;
}

const fga = (l: Line): number => l.fg2a + l.fg3a;
const fg = (l: Line): number => l.fg2 + l.fg3;
const plays = (l: Line): number => fga(l) + 0.44 * l.fta + l.tov;

function league(teams: ReadonlyMap<string, TeamSums>): League {
  const all = emptyLine();
  let games = 0;
  for (const t of teams.values()) {
    addLine(all, t.line);
    games += t.games;
  }
  const min = all.sec / 60;
  return {
    gameScorePerMin: min > 0 ? gameScore(all) / min : 0.3,
    pointsPerPlay: plays(all) > 0 ? points(all) / plays(all) : 1.05,
    teamPointsPerGame: games > 0 ? points(all) / games : 100,
    tsPct: fga(all) + all.fta > 0 ? points(all) / (2 * (fga(all) + 0.44 * all.fta)) : 0.55,
  };
}

function context(part: SeasonAggregate[SeasonPart], codes: readonly string[]): TeamSums {
  const sum = emptyTeam();
  for (const code of codes) {
    const t = part.teams.get(code)!;
    sum.games += t.games;
    addLine(sum.line, t.line);
    addLine(sum.opp, t.opp);
  }
  return sum;
}

function advancedCells(r: TotalsRow, team: TeamSums, lg: League): TableCell[] {
  const l = r.totals.line;
  const mp = l.sec / 60;
  const tm = team.line;
  const opp = team.opp;
  const onFloor = tm.sec / 60 / 5 / mp;
  const share = (num: number, den: number): number | null => (den > 0 ? (num * onFloor) / den : null);
  const shots = fga(l) + 0.44 * l.fta;
  const ts = shots > 0 ? points(l) / (2 * shots) : null;
  const astDen = (mp / (tm.sec / 60 / 5)) * fg(tm) - fg(l);
  const per = (15 * gameScore(l)) / mp / lg.gameScorePerMin;
  const ows = (points(l) - 0.92 * lg.pointsPerPlay * plays(l)) / (0.32 * lg.teamPointsPerGame);
  const oppPerGame = team.games > 0 ? points(opp) / team.games : lg.teamPointsPerGame;
  const minuteShare = mp / (tm.sec / 60 / 5);
  const dws =
    minuteShare * 0.045 * team.games * (1 + (lg.teamPointsPerGame - oppPerGame) / 12) +
    0.008 * (l.stl + l.blk);
  const ws = ows + dws;
  const bpm = Math.max(-40, Math.min(40, ((gameScore(l) * 36) / mp - 11) * 0.55));
  const obpm = bpm * 0.6 + ((ts ?? lg.tsPct) - lg.tsPct) * 25;
  return [
    { stat: 'games', html: String(r.totals.games) },
    { stat: 'games_started', html: String(r.totals.started) },
    { stat: 'mp', html: String(totalMinutes(l.sec)) },
    decimal('per', per),
    fraction('ts_pct', ts),
    fraction('fg3a_per_fga_pct', fga(l) > 0 ? l.fg3a / fga(l) : null),
    fraction('fta_per_fga_pct', fga(l) > 0 ? l.fta / fga(l) : null),
    percent('orb_pct', share(l.orb, tm.orb + opp.drb)),
    percent('drb_pct', share(l.drb, tm.drb + opp.orb)),
    percent('trb_pct', share(l.orb + l.drb, tm.orb + tm.drb + opp.orb + opp.drb)),
    percent('ast_pct', astDen > 0 ? l.ast / astDen : null),
    percent('stl_pct', share(l.stl, possessions(opp, tm))),
    percent('blk_pct', share(l.blk, opp.fg2a)),
    percent('tov_pct', plays(l) > 0 ? l.tov / plays(l) : null),
    percent('usg_pct', share(plays(l), plays(tm))),
    decimal('ows', ows, 6),
    decimal('dws', dws, 6),
    decimal('ws', ws, 6),
    {
      stat: 'ws_per_48',
      html: ((48 * ws) / mp).toFixed(3).replace(/^0\./, '.'),
      csk: csk((48 * ws) / mp, 10),
    },
    decimal('obpm', obpm),
    decimal('dbpm', bpm - obpm),
    decimal('bpm', bpm),
    decimal('vorp', ((bpm + 2) * minuteShare * team.games) / 82, 6),
  ];
}

/** Rows of one part of the season in the totals page's grouping, ranked by minutes played. */
export function seasonAdvancedRows(model: SeasonModel, asOfDay: number, part: SeasonPart): AdvancedRow[] {
  const sums = seasonAggregate(model, asOfDay)[part];
  const lg = league(sums.teams);
  const rows = seasonTotalsRows(model, asOfDay, part);
  const out: AdvancedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const teams = r.summary
      ? rows
          .slice(i + 1)
          .filter((p) => p.partial && p.player.id === r.player.id)
          .map((p) => p.team)
      : [r.team];
    out.push({ row: r, cells: advancedCells(r, context(sums, teams), lg) });
  }
  const groups: AdvancedRow[][] = [];
  for (const a of out) {
    if (a.row.partial) groups[groups.length - 1]!.push(a);
    else groups.push([a]);
  }
  groups.sort(
    (a, b) => b[0]!.row.totals.line.sec - a[0]!.row.totals.line.sec || a[0]!.row.rank - b[0]!.row.rank,
  );
  groups.forEach((g, i) => {
    for (const a of g) a.row = { ...a.row, rank: i + 1 };
  });
  return groups.flat();
}
