/**
 * Box score arithmetic and the site's number formats. Every table cell the replay site renders
 * is built here as text, and the ground truth reads its numbers back from that same text, so
 * what a parser reads is exactly what the generator says (`.471`, `18.2`, `+11`, `38:48`).
 *
 * Formulas: basketball-reference's glossary for the shooting, rebounding, assist, steal, block,
 * turnover and usage percentages, possessions, pace and the four factors; simplified stand-ins
 * for the individual offensive / defensive ratings and BPM (the site computes them with
 * season-level inputs the generator does not model).
 */
import { type Line, points } from './box-model.ts';

export interface Cell {
  stat: string;
  text: string;
  csk?: string;
  /** `data-tip` attribute (BPM breakdown). */
  tip?: string;
  /** Extra class after `right` (`plus` / `minus` in four factors). */
  mark?: string;
}

/** `.471`, `1.000`, or empty when the denominator is 0. */
export function ratio3(num: number, den: number): string {
  if (!(den > 0)) return '';
  const s = (num / den).toFixed(3);
  return s.startsWith('0.') ? s.slice(1) : s.startsWith('-0.') ? `-${s.slice(2)}` : s;
}

/** One decimal; `-0.0` is written `0.0`. */
export function fixed1(x: number): string {
  const s = x.toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}

/** `38:48`. */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `+11`, `-5`, `0`. */
export function signed(x: number): string {
  return x > 0 ? `+${x}` : String(x);
}

/** `14,662`. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The number a cell's text stands for (what a parser should read): `` -> null, `.471` -> 0.471. */
export function cellNumber(text: string): number | null {
  const t = text.replace(/,/g, '').trim();
  if (t === '') return null;
  const m = /^(\d+):(\d\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return Number(t);
}

function fg(l: Line): number {
  return l.fg2 + l.fg3;
}

function fga(l: Line): number {
  return l.fg2a + l.fg3a;
}

export function gameScore(l: Line): number {
  return (
    points(l) +
    0.4 * fg(l) -
    0.7 * fga(l) -
    0.4 * (l.fta - l.ft) +
    0.7 * l.orb +
    0.3 * l.drb +
    l.stl +
    0.7 * l.ast +
    0.7 * l.blk -
    0.4 * l.pf -
    l.tov
  );
}

/** Basic columns, in the site's order (`mp` ... `plus_minus`). */
export function basicCells(l: Line, who: 'player' | 'team'): Cell[] {
  const player = who === 'player';
  return [
    player
      ? { stat: 'mp', text: clock(l.sec), csk: String(l.sec) }
      : { stat: 'mp', text: String(Math.round(l.sec / 60)) },
    { stat: 'fg', text: String(fg(l)) },
    { stat: 'fga', text: String(fga(l)) },
    { stat: 'fg_pct', text: ratio3(fg(l), fga(l)) },
    { stat: 'fg3', text: String(l.fg3) },
    { stat: 'fg3a', text: String(l.fg3a) },
    { stat: 'fg3_pct', text: ratio3(l.fg3, l.fg3a) },
    { stat: 'ft', text: String(l.ft) },
    { stat: 'fta', text: String(l.fta) },
    { stat: 'ft_pct', text: ratio3(l.ft, l.fta) },
    { stat: 'orb', text: String(l.orb) },
    { stat: 'drb', text: String(l.drb) },
    { stat: 'trb', text: String(l.orb + l.drb) },
    { stat: 'ast', text: String(l.ast) },
    { stat: 'stl', text: String(l.stl) },
    { stat: 'blk', text: String(l.blk) },
    { stat: 'tov', text: String(l.tov) },
    { stat: 'pf', text: String(l.pf) },
    { stat: 'pts', text: String(points(l)) },
    { stat: 'game_score', text: player ? fixed1(gameScore(l)) : '' },
    { stat: 'plus_minus', text: player ? signed(l.pm) : '' },
  ];
}

/** Estimated possessions of `tm` against `opp` (the glossary's two-sided formula). */
export function possessions(tm: Line, opp: Line): number {
  const side = (a: Line, b: Line): number => {
    const orbShare = a.orb + b.drb > 0 ? a.orb / (a.orb + b.drb) : 0;
    return fga(a) + 0.4 * a.fta - 1.07 * orbShare * (fga(a) - fg(a)) + a.tov;
  };
  return 0.5 * (side(tm, opp) + side(opp, tm));
}

function pct1(num: number, den: number): string {
  return den > 0 ? fixed1((100 * num) / den) : '';
}

/** Advanced columns of a player (`who = 'player'`) or of the Team Totals row. */
export function advancedCells(l: Line, tm: Line, opp: Line, who: 'player' | 'team'): Cell[] {
  const player = who === 'player';
  const mp = l.sec / 60;
  const tmMp = tm.sec / 60;
  const poss = possessions(tm, opp);
  const plays = fga(l) + 0.44 * l.fta + l.tov;
  const share = mp > 0 ? tmMp / 5 / mp : 0;
  const cells: Cell[] = [
    player
      ? { stat: 'mp', text: clock(l.sec), csk: String(l.sec) }
      : { stat: 'mp', text: String(Math.round(tmMp)) },
    { stat: 'ts_pct', text: ratio3(points(l), 2 * (fga(l) + 0.44 * l.fta)) },
    { stat: 'efg_pct', text: ratio3(fg(l) + 0.5 * l.fg3, fga(l)) },
    { stat: 'fg3a_per_fga_pct', text: ratio3(l.fg3a, fga(l)) },
    { stat: 'fta_per_fga_pct', text: ratio3(l.fta, fga(l)) },
  ];
  if (player) {
    const astDen = (mp / (tmMp / 5)) * fg(tm) - fg(l);
    const offRtg = plays > 0 ? Math.round((100 * points(l)) / plays) : null;
    const teamDef = poss > 0 ? (100 * points(opp)) / poss : 110;
    const stops = mp > 0 ? ((l.stl + l.blk) * 2.2 + l.drb * 0.45) * share : 0;
    const defRtg = Math.round(Math.max(85, Math.min(135, teamDef + 2.5 - stops)));
    const bpm = mp > 0 ? Math.max(-40, Math.min(40, ((gameScore(l) * 36) / mp - 11) * 0.55)) : 0;
    const obpm = bpm * 0.65 + (offRtg !== null ? (offRtg - 110) / 25 : 0);
    const dbpm = bpm - obpm;
    const vorp = ((bpm + 2) * mp) / 48 / 10;
    cells.push(
      { stat: 'orb_pct', text: pct1(l.orb * share, tm.orb + opp.drb) },
      { stat: 'drb_pct', text: pct1(l.drb * share, tm.drb + opp.orb) },
      { stat: 'trb_pct', text: pct1((l.orb + l.drb) * share, tm.orb + tm.drb + opp.orb + opp.drb) },
      { stat: 'ast_pct', text: astDen > 0 ? fixed1((100 * l.ast) / astDen) : '' },
      { stat: 'stl_pct', text: pct1(l.stl * share, poss) },
      { stat: 'blk_pct', text: pct1(l.blk * share, opp.fg2a) },
      { stat: 'tov_pct', text: pct1(l.tov, plays) },
      { stat: 'usg_pct', text: pct1(plays * share, fga(tm) + 0.44 * tm.fta + tm.tov) },
      { stat: 'off_rtg', text: offRtg === null ? '' : String(offRtg) },
      { stat: 'def_rtg', text: String(defRtg) },
      {
        stat: 'bpm',
        text: fixed1(bpm),
        tip: `OBPM: ${fixed1(obpm)}<br> DBPM: ${fixed1(dbpm)}<br> VORP: ${fixed1(vorp)}<br> <em><small>VORP is prorated to 82 games</small></em> `,
      },
    );
  } else {
    cells.push(
      { stat: 'orb_pct', text: pct1(tm.orb, tm.orb + opp.drb) },
      { stat: 'drb_pct', text: pct1(tm.drb, tm.drb + opp.orb) },
      { stat: 'trb_pct', text: pct1(tm.orb + tm.drb, tm.orb + tm.drb + opp.orb + opp.drb) },
      { stat: 'ast_pct', text: pct1(tm.ast, fg(tm)) },
      { stat: 'stl_pct', text: pct1(tm.stl, poss) },
      { stat: 'blk_pct', text: pct1(tm.blk, opp.fg2a) },
      { stat: 'tov_pct', text: pct1(tm.tov, fga(tm) + 0.44 * tm.fta + tm.tov) },
      { stat: 'usg_pct', text: '100.0' },
      { stat: 'off_rtg', text: poss > 0 ? fixed1((100 * points(tm)) / poss) : '' },
      { stat: 'def_rtg', text: poss > 0 ? fixed1((100 * points(opp)) / poss) : '' },
      { stat: 'bpm', text: '' },
    );
  }
  return cells;
}

/** The `four_factors` row of `tm` (pace, eFG%, TOV%, ORB%, FT/FGA, ORtg), marked against `opp`. */
export function fourFactorCells(tm: Line, opp: Line): Cell[] {
  const poss = possessions(tm, opp);
  const tmMp = tm.sec / 60;
  const efg = (l: Line): number => (fga(l) > 0 ? (fg(l) + 0.5 * l.fg3) / fga(l) : 0);
  const tov = (l: Line): number => l.tov / (fga(l) + 0.44 * l.fta + l.tov || 1);
  const orb = (a: Line, b: Line): number => a.orb / (a.orb + b.drb || 1);
  const ftr = (l: Line): number => (fga(l) > 0 ? l.ft / fga(l) : 0);
  const mark = (mine: number, theirs: number, higherIsBetter: boolean): string =>
    mine === theirs ? '' : mine > theirs === higherIsBetter ? 'plus' : 'minus';
  return [
    { stat: 'pace', text: fixed1(48 * ((2 * poss) / (2 * (tmMp / 5)))) },
    { stat: 'efg_pct', text: ratio3(fg(tm) + 0.5 * tm.fg3, fga(tm)), mark: mark(efg(tm), efg(opp), true) },
    {
      stat: 'tov_pct',
      text: pct1(tm.tov, fga(tm) + 0.44 * tm.fta + tm.tov),
      mark: mark(tov(tm), tov(opp), false),
    },
    { stat: 'orb_pct', text: pct1(tm.orb, tm.orb + opp.drb), mark: mark(orb(tm, opp), orb(opp, tm), true) },
    { stat: 'ft_rate', text: ratio3(tm.ft, fga(tm)), mark: mark(ftr(tm), ftr(opp), true) },
    { stat: 'off_rtg', text: poss > 0 ? fixed1((100 * points(tm)) / poss) : '' },
  ];
}
