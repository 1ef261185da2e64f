/**
 * The shape of one season: when it is played, how many games each team plays, which postseason
 * formats apply, and the era's scoring level. Dates follow the league's habits (October start,
 * mid-April end, All-Star break, no games on Thanksgiving and Christmas Eve) and its exceptions:
 * the 2011-12 lockout (66 games from Christmas Day), 2019-20 (suspended in March, resumed in a
 * neutral-site "bubble" in July, playoffs until October), 2020-21 (72 games from December 22).
 */
import { dayOf, nearestWeekday, nextWeekday, nthWeekday } from './dates.ts';

export interface DayRange {
  from: number;
  to: number;
}

/** The 2019-20 restart: some teams play extra games at neutral sites, with no crowd. */
export interface BubblePhase {
  window: DayRange;
  /** How many teams (the best by record) are invited. */
  teams: number;
  gamesPerTeam: number;
  /** Venues used in turn; also used for that season's playoffs. */
  arenas: readonly string[];
  location: string;
}

export interface SeasonCalendar {
  season: number;
  /** Regular-season games per team (before any bubble phase). */
  gamesPerTeam: number;
  window: DayRange;
  /** Days without games inside the window. */
  blackout: ReadonlySet<number>;
  bubble: BubblePhase | null;
  /** Play-In tournament between the regular season and the playoffs (from 2020-21). */
  playIn: boolean;
  /** First playoff day; null means "the Saturday after the regular season / play-in". */
  playoffStart: number | null;
  /** NBA Finals home pattern: 2-3-2 until 2013, 2-2-1-1-1 since 2014. */
  finalsFormat: '2-3-2' | '2-2-1-1-1';
  /** Schedule pages show `game_start_time` (2024+ captures: from 2000-01 on). */
  hasStartTimes: boolean;
  /** Game length (LOG / Time of Game) is known (from 2009-10 on). */
  hasDuration: boolean;
  /** Schedule pages put a `Playoffs` divider row before the first playoff game (until 2018-19). */
  playoffsDivider: boolean;
  /** `In-Season Tournament` remarks on November/December group games (2023-24). */
  inSeasonTournament: boolean;
  /** One regular-season game at a neutral site abroad (from 2017-18). */
  neutralSiteGame: boolean;
  /** League scoring level: points per team per game. */
  pointsPerGame: number;
  /** Share of field goal attempts taken from three. */
  threeShare: number;
  /** Points of home-court advantage. */
  homeAdvantage: number;
}

const POINTS: Record<number, number> = {
  2000: 97.5,
  2001: 94.8,
  2002: 95.5,
  2003: 95.1,
  2004: 93.4,
  2005: 97.2,
  2006: 97.0,
  2007: 98.7,
  2008: 99.9,
  2009: 100.0,
  2010: 100.4,
  2011: 99.6,
  2012: 96.3,
  2013: 98.1,
  2014: 101.0,
  2015: 100.0,
  2016: 102.7,
  2017: 105.6,
  2018: 106.3,
  2019: 111.2,
  2020: 111.8,
  2021: 112.1,
  2022: 110.6,
  2023: 114.7,
  2024: 114.2,
  2025: 113.8,
};

const THREE_SHARE: ReadonlyArray<readonly [number, number]> = [
  [2000, 0.16],
  [2005, 0.2],
  [2010, 0.22],
  [2015, 0.27],
  [2018, 0.34],
  [2020, 0.38],
  [2022, 0.39],
  [2025, 0.42],
];

function interpolate(points: ReadonlyArray<readonly [number, number]>, x: number): number {
  const first = points[0]!;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return points[points.length - 1]![1];
}

function regularWindow(season: number): DayRange {
  const y = season - 1;
  if (season === 2012) return { from: dayOf(2011, 12, 25), to: dayOf(2012, 4, 26) };
  if (season === 2020) return { from: dayOf(2019, 10, 22), to: dayOf(2020, 3, 11) };
  if (season === 2021) return { from: dayOf(2020, 12, 22), to: dayOf(2021, 5, 16) };
  let from: number;
  if (season <= 2000) from = nthWeekday(y, 11, 2, 1);
  else if (season <= 2011) from = nextWeekday(dayOf(y, 10, 25), 2);
  else if (season <= 2019) from = nextWeekday(dayOf(y, 10, 15), 2);
  else from = nextWeekday(dayOf(y, 10, 18), 2);
  const to = nearestWeekday(from + 174, season <= 2019 ? 3 : 0);
  return { from, to };
}

function blackoutDays(season: number, window: DayRange): Set<number> {
  const days = new Set<number>();
  const y = season - 1;
  days.add(nthWeekday(y, 11, 4, 4)); // Thanksgiving
  days.add(dayOf(y, 12, 24));
  const allStar = season === 2021 ? dayOf(2021, 3, 7) : nthWeekday(season, 2, 0, 3);
  for (let d = allStar - 2; d <= allStar + 2; d++) days.add(d);
  for (const d of days) if (d < window.from || d > window.to) days.delete(d);
  return days;
}

const cache = new Map<number, SeasonCalendar>();

export function seasonCalendar(season: number): SeasonCalendar {
  const hit = cache.get(season);
  if (hit) return hit;
  const window = regularWindow(season);
  const cal: SeasonCalendar = {
    season,
    gamesPerTeam: season === 2012 ? 66 : season === 2020 ? 64 : season === 2021 ? 72 : 82,
    window,
    blackout: blackoutDays(season, window),
    bubble:
      season === 2020
        ? {
            window: { from: dayOf(2020, 7, 30), to: dayOf(2020, 8, 14) },
            teams: 22,
            gamesPerTeam: 8,
            arenas: ['HP Field House', 'The Arena', 'Visa Athletic Center'],
            location: 'Lake Buena Vista, Florida',
          }
        : null,
    playIn: season >= 2021,
    playoffStart: season === 2020 ? dayOf(2020, 8, 17) : null,
    finalsFormat: season <= 2013 ? '2-3-2' : '2-2-1-1-1',
    hasStartTimes: season >= 2001,
    hasDuration: season >= 2010,
    playoffsDivider: season <= 2019,
    inSeasonTournament: season === 2024,
    neutralSiteGame: season >= 2018 && season !== 2020 && season !== 2021,
    pointsPerGame: POINTS[season] ?? 114,
    threeShare: interpolate(THREE_SHARE, season),
    homeAdvantage: season <= 2010 ? 3.3 : season <= 2019 ? 2.8 : season === 2021 ? 1.2 : 2.2,
  };
  cache.set(season, cal);
  return cal;
}
