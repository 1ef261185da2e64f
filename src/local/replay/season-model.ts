/**
 * One generated season: every game with its date, start time, arena, final score by period,
 * attendance and game length, the Play-In and the playoffs, and the rosters. A pure function of
 * the season year (seeded PRNGs keyed by the year and the game ids), cached per process.
 */
import type { GameType } from '../../domain/game.ts';
import { type SeasonCalendar, seasonCalendar } from './calendar.ts';
import { compactOf, dateOf, dayOf, isoOf, MONTH_NAMES, weekdayOf } from './dates.ts';
import { playPostseason } from './postseason.ts';
import { createRng, type Rng } from './prng.ts';
import { type LineScores, simulateLineScores, total } from './result.ts';
import { buildRosters, type SeasonRosters } from './rosters.ts';
import { assignDays, buildMatchups, type Matchup } from './schedule.ts';
import { type Conference, type SeasonTeam, teamsForSeason } from './teams.ts';

export interface PlayoffInfo {
  /** `Eastern Conference First Round`, `Finals`. */
  round: string;
  gameNumber: number;
  seriesKey: string;
}

export interface SeasonGame {
  gameId: string;
  season: number;
  /** Day number (see dates.ts). */
  day: number;
  /** ISO date. */
  date: string;
  /** Minutes after midnight US Eastern; null when the season's pages give no times. */
  startMinutes: number | null;
  visitor: SeasonTeam;
  home: SeasonTeam;
  /** Points per period: four quarters then overtimes. */
  lines: LineScores;
  visitorPoints: number;
  homePoints: number;
  overtimes: number;
  attendance: number | null;
  durationMinutes: number | null;
  arena: string;
  location: string;
  remarks: string | null;
  gameType: GameType;
  playoff: PlayoffInfo | null;
  /** Record after the game as the box score shows it: season W-L, or the series record in playoffs. */
  visitorRecord: string;
  homeRecord: string;
}

export interface SeasonModel {
  season: number;
  calendar: SeasonCalendar;
  teams: readonly SeasonTeam[];
  /** Every game, ordered as the schedule lists them (date, start time, home team). */
  games: readonly SeasonGame[];
  byId: ReadonlyMap<string, SeasonGame>;
  /** Last day of the regular season (bubble games included). */
  lastRegularDay: number;
  rosters: SeasonRosters;
  ratings: ReadonlyMap<string, number>;
  champion: SeasonTeam;
}

const MEXICO_CITY = {
  arena: 'Arena CDMX',
  location: 'Mexico City, Mexico',
  remarks: 'at Mexico City, Mexico',
};

/** Start time in minutes after midnight ET for a game at `home` on `day`. */
function startMinutes(rng: Rng, home: SeasonTeam, day: number, gameType: GameType): number {
  const weekday = weekdayOf(day);
  const weekend = weekday === 0 || weekday === 6;
  if (gameType === 'playoffs' || gameType === 'play-in') {
    return rng.pick(
      weekend
        ? [13 * 60, 15 * 60 + 30, 18 * 60, 20 * 60 + 30]
        : [19 * 60, 19 * 60 + 30, 21 * 60 + 30, 22 * 60],
    );
  }
  if (weekend && rng.chance(0.15)) return rng.pick([13 * 60, 15 * 60, 15 * 60 + 30, 18 * 60]);
  const base = { ET: 19 * 60, CT: 20 * 60, MT: 21 * 60, PT: 22 * 60 }[home.timeZone];
  const r = rng.next();
  return r < 0.55 ? base : r < 0.88 ? base + 30 : base - 60;
}

function attendanceFor(rng: Rng, season: number, day: number, home: SeasonTeam, gameType: GameType): number {
  if (season === 2021) {
    if (day < dayOf(2021, 3, 15)) return 0;
    return gameType === 'regular' ? rng.int(1_500, 4_800) : rng.int(8_000, 17_000);
  }
  const share = gameType === 'regular' ? 0.78 + 0.22 * rng.next() : 0.97 + 0.03 * rng.next();
  return Math.min(home.capacity, Math.round(home.capacity * share));
}

interface GameSpec {
  day: number;
  home: SeasonTeam;
  visitor: SeasonTeam;
  gameType: GameType;
  playoff: PlayoffInfo | null;
  neutral: { arena: string; location: string; remarks: string | null } | null;
  /** No crowd figure at all (2019-20 bubble). */
  noAttendance: boolean;
  remarks: string | null;
}

function makeGame(
  model: { season: number; calendar: SeasonCalendar; ratings: Map<string, number> },
  spec: GameSpec,
) {
  const { season, calendar } = model;
  const gameId = `${compactOf(spec.day)}0${spec.home.code}`;
  const rng = createRng(`game:${season}:${gameId}`);
  const post = spec.gameType !== 'regular';
  const lines = simulateLineScores(
    {
      pointsPerGame: calendar.pointsPerGame - (post ? 3 : 0),
      homeAdvantage: spec.neutral ? 0 : calendar.homeAdvantage,
      homeRating: model.ratings.get(spec.home.code) ?? 0,
      visitorRating: model.ratings.get(spec.visitor.code) ?? 0,
    },
    rng,
  );
  const overtimes = lines.home.length - 4;
  const start = calendar.hasStartTimes ? startMinutes(rng, spec.home, spec.day, spec.gameType) : null;
  const attendance = spec.noAttendance
    ? null
    : spec.neutral
      ? rng.int(18_000, 21_500)
      : attendanceFor(rng, season, spec.day, spec.home, spec.gameType);
  const durationMinutes = calendar.hasDuration
    ? Math.round(128 + rng.normal(0, 7) + 14 * overtimes + (post ? 8 : 0))
    : null;
  const game: SeasonGame = {
    gameId,
    season,
    day: spec.day,
    date: isoOf(spec.day),
    startMinutes: start,
    visitor: spec.visitor,
    home: spec.home,
    lines,
    visitorPoints: total(lines.visitor),
    homePoints: total(lines.home),
    overtimes,
    attendance,
    durationMinutes,
    arena: spec.neutral ? spec.neutral.arena : spec.home.arena,
    location: spec.neutral ? spec.neutral.location : spec.home.location,
    remarks: spec.neutral?.remarks ?? spec.remarks,
    gameType: spec.gameType,
    playoff: spec.playoff,
    visitorRecord: '',
    homeRecord: '',
  };
  return game;
}

function playableDays(cal: SeasonCalendar, from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; d <= to; d++) if (!cal.blackout.has(d)) days.push(d);
  return days;
}

function compareGames(a: SeasonGame, b: SeasonGame): number {
  return (
    a.day - b.day ||
    (a.startMinutes ?? 0) - (b.startMinutes ?? 0) ||
    (a.home.code < b.home.code ? -1 : a.home.code > b.home.code ? 1 : 0)
  );
}

/** Generates a season from scratch (no cache). Prefer `seasonModel`, which caches. */
export function generateSeason(season: number): SeasonModel {
  const calendar = seasonCalendar(season);
  const teams = teamsForSeason(season);
  const rng = createRng(`season:${season}`);
  const ratings = new Map<string, number>();
  for (const t of teams) ratings.set(t.code, createRng(`rating:${season}:${t.code}`).normal(0, 4.5));
  const ctx = { season, calendar, ratings };
  const games: SeasonGame[] = [];
  const wins = new Map<string, number>(teams.map((t) => [t.code, 0]));

  const scheduleRegular = (
    list: readonly SeasonTeam[],
    matchups: Matchup[],
    days: number[],
    fixed: Map<number, number>,
  ) =>
    assignDays(matchups, { teamCount: list.length, days, fixedLoad: fixed }, rng).map((m) => ({
      day: m.day,
      home: list[m.home]!,
      visitor: list[m.visitor]!,
    }));

  // Regular season.
  const days = playableDays(calendar, calendar.window.from, calendar.window.to);
  const fixed = new Map<number, number>([
    [days[0]!, 3],
    [days[days.length - 1]!, Math.floor(teams.length / 2)],
  ]);
  const christmas = dayOf(season - 1, 12, 25);
  if (christmas >= calendar.window.from && christmas <= calendar.window.to) fixed.set(christmas, 5);
  const regular = scheduleRegular(
    teams,
    buildMatchups(teams.length, calendar.gamesPerTeam, rng),
    days,
    fixed,
  );

  let neutralIndex = -1;
  if (calendar.neutralSiteGame) {
    const candidates = regular
      .map((g, i) => ({ g, i }))
      .filter(({ g }) => dateOf(g.day).month === 1 && weekdayOf(g.day) === 6);
    if (candidates.length > 0) neutralIndex = rng.pick(candidates).i;
  }
  regular.forEach((g, i) => {
    const d = dateOf(g.day);
    const tournament =
      calendar.inSeasonTournament &&
      d.month === 11 &&
      (d.weekday === 2 || d.weekday === 5) &&
      g.home.conference === g.visitor.conference;
    games.push(
      makeGame(ctx, {
        ...g,
        gameType: 'regular',
        playoff: null,
        neutral: i === neutralIndex ? MEXICO_CITY : null,
        noAttendance: false,
        remarks: tournament ? 'In-Season Tournament' : null,
      }),
    );
  });
  for (const g of games) {
    const winner = g.homePoints > g.visitorPoints ? g.home : g.visitor;
    wins.set(winner.code, wins.get(winner.code)! + 1);
  }
  let lastRegularDay = Math.max(...games.map((g) => g.day));

  // 2019-20 restart at neutral sites.
  let invited: ReadonlySet<string> | null = null;
  const bubble = calendar.bubble;
  if (bubble) {
    const best = teams
      .slice()
      .sort((a, b) => wins.get(b.code)! - wins.get(a.code)! || ratings.get(b.code)! - ratings.get(a.code)!)
      .slice(0, bubble.teams)
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    invited = new Set(best.map((t) => t.code));
    const bubbleDays = playableDays(calendar, bubble.window.from, bubble.window.to);
    const list = scheduleRegular(
      best,
      buildMatchups(best.length, bubble.gamesPerTeam, rng),
      bubbleDays,
      new Map(),
    );
    list.forEach((g, i) => {
      const game = makeGame(ctx, {
        ...g,
        gameType: 'regular',
        playoff: null,
        neutral: {
          arena: bubble.arenas[i % bubble.arenas.length]!,
          location: bubble.location,
          remarks: null,
        },
        noAttendance: true,
        remarks: null,
      });
      games.push(game);
      const winner = game.homePoints > game.visitorPoints ? game.home : game.visitor;
      wins.set(winner.code, wins.get(winner.code)! + 1);
    });
    lastRegularDay = Math.max(lastRegularDay, ...list.map((g) => g.day));
  }

  // Postseason.
  const standings = (conf: Conference): SeasonTeam[] =>
    teams
      .filter((t) => t.conference === conf && (invited === null || invited.has(t.code)))
      .sort(
        (a, b) =>
          wins.get(b.code)! - wins.get(a.code)! ||
          ratings.get(b.code)! - ratings.get(a.code)! ||
          (a.code < b.code ? -1 : 1),
      );
  let postIndex = 0;
  const champion = playPostseason({
    standings,
    winsOf: (t) => wins.get(t.code)!,
    lastRegularDay,
    playoffStart: calendar.playoffStart,
    playIn: calendar.playIn,
    finalsFormat: calendar.finalsFormat,
    playGame: (day, home, visitor, meta) => {
      const game = makeGame(ctx, {
        day,
        home,
        visitor,
        gameType: meta.gameType,
        playoff:
          meta.round === null
            ? null
            : { round: meta.round, gameNumber: meta.gameNumber!, seriesKey: meta.seriesKey },
        neutral: bubble
          ? {
              arena: bubble.arenas[postIndex++ % bubble.arenas.length]!,
              location: bubble.location,
              remarks: null,
            }
          : null,
        noAttendance: bubble !== null,
        remarks: meta.gameType === 'play-in' ? 'Play-In Game' : null,
      });
      games.push(game);
      return game.homePoints > game.visitorPoints;
    },
  });

  games.sort(compareGames);
  fillRecords(games);
  const rosters = buildRosters(season, teams, calendar);
  return {
    season,
    calendar,
    teams,
    games,
    byId: new Map(games.map((g) => [g.gameId, g])),
    lastRegularDay,
    rosters,
    ratings,
    champion,
  };
}

/** Season W-L after each regular-season / play-in game; series record after each playoff game. */
function fillRecords(games: SeasonGame[]): void {
  const season = new Map<string, [number, number]>();
  const series = new Map<string, [number, number]>();
  for (const g of games) {
    const homeWon = g.homePoints > g.visitorPoints;
    if (g.playoff) {
      const key = (code: string) => `${g.playoff!.seriesKey}:${code}`;
      const h = series.get(key(g.home.code)) ?? [0, 0];
      const v = series.get(key(g.visitor.code)) ?? [0, 0];
      const nh: [number, number] = homeWon ? [h[0] + 1, h[1]] : [h[0], h[1] + 1];
      const nv: [number, number] = homeWon ? [v[0], v[1] + 1] : [v[0] + 1, v[1]];
      series.set(key(g.home.code), nh);
      series.set(key(g.visitor.code), nv);
      g.homeRecord = `${nh[0]}-${nh[1]}`;
      g.visitorRecord = `${nv[0]}-${nv[1]}`;
      continue;
    }
    const h = season.get(g.home.code) ?? [0, 0];
    const v = season.get(g.visitor.code) ?? [0, 0];
    if (g.gameType === 'regular') {
      if (homeWon) {
        h[0]++;
        v[1]++;
      } else {
        h[1]++;
        v[0]++;
      }
    }
    season.set(g.home.code, h);
    season.set(g.visitor.code, v);
    g.homeRecord = `${h[0]}-${h[1]}`;
    g.visitorRecord = `${v[0]}-${v[1]}`;
  }
}

const MAX_CACHED = 48;
const cache = new Map<number, SeasonModel>();

/** The generated season (cached; the same object for the same year). */
export function seasonModel(season: number): SeasonModel {
  const hit = cache.get(season);
  if (hit) return hit;
  const model = generateSeason(season);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(season, model);
  return model;
}

/** One month page of a season. */
export interface MonthPage {
  /** `october`, or `october-2019` when the season has two Octobers. */
  slug: string;
  /** `October`, `October 2019`. */
  label: string;
  year: number;
  /** 1-12. */
  month: number;
  games: SeasonGame[];
}

/**
 * What the site lists at `asOfDay`: every regular-season game (played or not), and postseason
 * games once they are at most two days away (the league schedules them round by round).
 */
export function listedGames(model: SeasonModel, asOfDay: number): SeasonGame[] {
  return model.games.filter((g) => g.gameType === 'regular' || g.day <= asOfDay + 2);
}

/** The month pages for a list of games (in order), with the site's slugs. */
export function monthPages(games: readonly SeasonGame[]): MonthPage[] {
  const pages: MonthPage[] = [];
  for (const g of games) {
    const { year, month } = dateOf(g.day);
    let page = pages[pages.length - 1];
    if (!page || page.year !== year || page.month !== month) {
      page = { slug: '', label: '', year, month, games: [] };
      pages.push(page);
    }
    page.games.push(g);
  }
  for (const p of pages) {
    const name = MONTH_NAMES[p.month - 1]!;
    const twice = pages.filter((q) => q.month === p.month).length > 1;
    p.slug = twice ? `${name.toLowerCase()}-${p.year}` : name.toLowerCase();
    p.label = twice ? `${name} ${p.year}` : name;
  }
  return pages;
}
