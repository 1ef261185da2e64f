/**
 * Play-In tournament (from 2020-21) and playoffs: 16 teams, four rounds of best-of-7 series.
 * Seeds come from the regular-season standings of each conference (1v8, 4v5, 3v6, 2v7, then
 * the bracket). The better seed has home court (2-2-1-1-1; NBA Finals 2-3-2 until 2013).
 * Series lengths follow from the simulated games. The caller creates and scores each game.
 */
import type { Conference, SeasonTeam } from './teams.ts';

export interface PostseasonGameMeta {
  gameType: 'play-in' | 'playoffs';
  /** `Eastern Conference First Round`, `Finals`; null for play-in games. */
  round: string | null;
  /** 1-7 within the series; null for play-in games. */
  gameNumber: number | null;
  /** Key shared by the games of one series (`E1-1v8`, `F`), or the play-in game (`E-7v8`). */
  seriesKey: string;
}

export interface PostseasonContext {
  /** Conference standings, best first (already tie-broken). */
  standings(conf: Conference): readonly SeasonTeam[];
  /** Regular-season wins, for Finals home court. */
  winsOf(team: SeasonTeam): number;
  /** Creates and scores one game; returns true when the home team won. */
  playGame(day: number, home: SeasonTeam, visitor: SeasonTeam, meta: PostseasonGameMeta): boolean;
  /** Day after which the postseason may start (the last regular-season day). */
  lastRegularDay: number;
  /** Fixed first playoff day, or null for "the Saturday after". */
  playoffStart: number | null;
  playIn: boolean;
  finalsFormat: '2-3-2' | '2-2-1-1-1';
}

const FIRST_ROUND_OFFSETS = [0, 2, 5, 7, 9, 11, 13] as const;
const LATER_OFFSETS = [0, 2, 4, 6, 8, 10, 12] as const;
const FINALS_OFFSETS: Record<'2-3-2' | '2-2-1-1-1', readonly number[]> = {
  '2-2-1-1-1': [0, 3, 5, 8, 10, 13, 16],
  '2-3-2': [0, 3, 5, 7, 9, 12, 15],
};
const HOME_PATTERN: Record<'2-3-2' | '2-2-1-1-1', readonly boolean[]> = {
  '2-2-1-1-1': [true, true, false, false, true, false, true],
  '2-3-2': [true, true, false, false, false, true, true],
};

const CONF_NAME: Record<Conference, string> = { E: 'Eastern', W: 'Western' };
const ROUND_NAME = ['First Round', 'Semifinals', 'Finals'] as const;

interface SeriesOutcome {
  winner: SeasonTeam;
  lastDay: number;
}

function nextSaturday(day: number): number {
  // Day 2 (1970-01-03) was a Saturday.
  return day + ((2 - (day % 7) + 7) % 7);
}

function playSeries(
  ctx: PostseasonContext,
  high: SeasonTeam,
  low: SeasonTeam,
  start: number,
  offsets: readonly number[],
  pattern: readonly boolean[],
  round: string,
  seriesKey: string,
): SeriesOutcome {
  let highWins = 0;
  let lowWins = 0;
  let day = start;
  for (let g = 0; highWins < 4 && lowWins < 4; g++) {
    day = start + offsets[g]!;
    const highHome = pattern[g]!;
    const home = highHome ? high : low;
    const visitor = highHome ? low : high;
    const homeWon = ctx.playGame(day, home, visitor, {
      gameType: 'playoffs',
      round,
      gameNumber: g + 1,
      seriesKey,
    });
    if (homeWon === highHome) highWins++;
    else lowWins++;
  }
  return { winner: highWins === 4 ? high : low, lastDay: day };
}

/** Plays the whole postseason through `ctx.playGame`. Returns the champion. */
export function playPostseason(ctx: PostseasonContext): SeasonTeam {
  const seeds: Record<Conference, SeasonTeam[]> = { E: [], W: [] };
  let playoffStart: number;
  if (ctx.playIn) {
    const d0 = ctx.lastRegularDay + 2;
    const finals: Array<() => void> = [];
    (['E', 'W'] as const).forEach((conf, c) => {
      const s = ctx.standings(conf);
      const day = d0 + c;
      const t7 = s[6]!;
      const t8 = s[7]!;
      const t9 = s[8]!;
      const t10 = s[9]!;
      const won78 = ctx.playGame(day, t7, t8, {
        gameType: 'play-in',
        round: null,
        gameNumber: null,
        seriesKey: `${conf}-7v8`,
      });
      const won910 = ctx.playGame(day, t9, t10, {
        gameType: 'play-in',
        round: null,
        gameNumber: null,
        seriesKey: `${conf}-9v10`,
      });
      const seven = won78 ? t7 : t8;
      const loser78 = won78 ? t8 : t7;
      const winner910 = won910 ? t9 : t10;
      finals.push(() => {
        const homeWon = ctx.playGame(d0 + 3, loser78, winner910, {
          gameType: 'play-in',
          round: null,
          gameNumber: null,
          seriesKey: `${conf}-8th`,
        });
        seeds[conf] = [...s.slice(0, 6), seven, homeWon ? loser78 : winner910];
      });
    });
    for (const f of finals) f();
    playoffStart = d0 + 4;
  } else {
    seeds.E = ctx.standings('E').slice(0, 8);
    seeds.W = ctx.standings('W').slice(0, 8);
    playoffStart = ctx.playoffStart ?? nextSaturday(ctx.lastRegularDay + 1);
  }

  const pattern = HOME_PATTERN['2-2-1-1-1'];
  const confChampion: Partial<Record<Conference, SeriesOutcome>> = {};
  (['E', 'W'] as const).forEach((conf, c) => {
    const s = seeds[conf];
    const label = (r: number): string => `${CONF_NAME[conf]} Conference ${ROUND_NAME[r]}`;
    const pairs: Array<[number, number]> = [
      [0, 7],
      [3, 4],
      [2, 5],
      [1, 6],
    ];
    let round: SeriesOutcome[] = pairs.map(([hi, lo], i) =>
      playSeries(
        ctx,
        s[hi]!,
        s[lo]!,
        playoffStart + ((i + c) % 2),
        FIRST_ROUND_OFFSETS,
        pattern,
        label(0),
        `${conf}1-${hi + 1}v${lo + 1}`,
      ),
    );
    for (let r = 1; r <= 2; r++) {
      const next: SeriesOutcome[] = [];
      for (let i = 0; i < round.length; i += 2) {
        const a = round[i]!;
        const b = round[i + 1]!;
        const [high, low] =
          s.indexOf(a.winner) < s.indexOf(b.winner) ? [a.winner, b.winner] : [b.winner, a.winner];
        const start = Math.max(a.lastDay, b.lastDay) + 2;
        next.push(
          playSeries(
            ctx,
            high,
            low,
            start,
            LATER_OFFSETS,
            pattern,
            label(r),
            `${conf}${r + 1}-${high.code}-${low.code}`,
          ),
        );
      }
      round = next;
    }
    confChampion[conf] = round[0]!;
  });
  const east = confChampion.E!;
  const west = confChampion.W!;
  const eastFirst = ctx.winsOf(east.winner) >= ctx.winsOf(west.winner);
  const [high, low] = eastFirst ? [east.winner, west.winner] : [west.winner, east.winner];
  const finals = playSeries(
    ctx,
    high,
    low,
    Math.max(east.lastDay, west.lastDay) + 3,
    FINALS_OFFSETS[ctx.finalsFormat],
    HOME_PATTERN[ctx.finalsFormat],
    'Finals',
    'F',
  );
  return finals.winner;
}
