/**
 * What the generated part of the replay site shows at the current clock (`asOf`): which pages
 * exist, their HTML, and the ground truth behind them. Pure apart from its caches; the HTTP
 * server, the page cache and the faults sit on top of it.
 */
import type { BoxScore } from '../../domain/box-score.ts';
import type { ScheduleGame } from '../../domain/game.ts';
import type { PlayerSeasonTotals } from '../../domain/player-totals.ts';
import type { ScheduleMonth } from '../../domain/season.ts';
import { generateBoxModel } from './box-model.ts';
import { dayOfIso } from './dates.ts';
import { renderHeaderScores } from './game-summaries.ts';
import { renderBoxScorePage } from './render-boxscore.ts';
import { renderSchedulePage } from './render-schedule.ts';
import { renderTotalsPage } from './render-totals.ts';
import { type PageKind, parsePagePath, type SeasonPageKind } from './routes.ts';
import {
  listedGames,
  type MonthPage,
  monthPages,
  type SeasonGame,
  type SeasonModel,
  seasonModel,
} from './season-model.ts';
import { hasSeasonPage, renderSeasonPage, type SeasonPageTruth } from './season-pages.ts';
import { FIRST_REPLAY_SEASON } from './teams.ts';
import { boxScoreOf, scheduleGameOf, scheduleMonthOf } from './truth.ts';

/** A page the generator owns: either renderable or known to be absent (404). */
export type GeneratedLookup =
  | { type: 'page'; kind: PageKind; season: number; gameId: string | null; render: () => string }
  | { type: 'missing'; kind: PageKind; season: number };

/**
 * One entry of `GET /__replay/seasons/<year>/games.json`: the game as its schedule row shows it,
 * except `gameType`, which is always the true type (a schedule page itself tells it only through
 * a Playoffs divider or a `Play-In Game` note).
 */
export interface GroundTruthGame extends ScheduleGame {
  played: boolean;
  /** `Eastern Conference First Round`, `Finals`; null outside the playoffs. */
  playoffRound: string | null;
  gameNumber: number | null;
}

export interface SeasonGroundTruth {
  season: number;
  /** The clock the listing was made at, null when every game is played. */
  asOf: string | null;
  months: ScheduleMonth[];
  games: GroundTruthGame[];
}

export interface SiteContent {
  readonly seasons: readonly number[];
  asOf(): string | null;
  /** Changes the clock; `null` means every game is played. Throws on a malformed date. */
  setAsOf(asOf: string | null): void;
  /** Bumped on every clock change, so caches can key on it. */
  version(): number;
  lookup(path: string): GeneratedLookup | null;
  groundTruth(season: number): SeasonGroundTruth;
  boxScore(gameId: string): BoxScore | null;
  playerTotals(season: number): PlayerSeasonTotals[];
  /** Played games of a generated season, in schedule order. */
  playedGames(season: number): SeasonGame[];
  /**
   * The records of a season-level page (`team`: the team of a team page), or null when the site
   * does not show the page at the clock (404). Throws RangeError for a season it does not generate.
   */
  seasonPage<K extends SeasonPageKind>(
    kind: K,
    season: number,
    team?: string | null,
  ): SeasonPageTruth[K] | null;
  /** The records of every team page of a season (none before a game is played). */
  teamPages(season: number): SeasonPageTruth['team'][];
}

export function validSeasons(seasons: readonly number[]): number[] {
  const out = [...new Set(seasons)].sort((a, b) => a - b);
  for (const s of out) {
    if (!Number.isInteger(s) || s < FIRST_REPLAY_SEASON || s > 2100) {
      throw new RangeError(`the replay site generates seasons from ${FIRST_REPLAY_SEASON} on, not ${s}`);
    }
  }
  return out;
}

function parseAsOf(asOf: string | null): number {
  if (asOf === null) return Number.POSITIVE_INFINITY;
  const day = dayOfIso(asOf);
  if (Number.isNaN(day)) throw new RangeError(`asOf must be a date like 2018-01-31, got "${asOf}"`);
  return day;
}

interface SeasonView {
  model: SeasonModel;
  listed: SeasonGame[];
  months: MonthPage[];
  listedIds: Set<string>;
  /** Played games per team code, in order. */
  teamGames: Map<string, SeasonGame[]>;
}

export function createSiteContent(opts: { seasons: readonly number[]; asOf?: string | null }): SiteContent {
  const seasons = validSeasons(opts.seasons);
  let asOf: string | null = opts.asOf ?? null;
  let asOfDay = parseAsOf(asOf);
  let version = 0;
  const views = new Map<number, SeasonView>();
  let headerScores: string | undefined;

  const view = (season: number): SeasonView => {
    const hit = views.get(season);
    if (hit) return hit;
    const model = seasonModel(season);
    const listed = listedGames(model, asOfDay);
    const teamGames = new Map<string, SeasonGame[]>();
    for (const g of listed) {
      if (g.day > asOfDay) continue;
      for (const code of [g.visitor.code, g.home.code]) {
        const list = teamGames.get(code) ?? [];
        list.push(g);
        teamGames.set(code, list);
      }
    }
    const v: SeasonView = {
      model,
      listed,
      months: monthPages(listed),
      listedIds: new Set(listed.map((g) => g.gameId)),
      teamGames,
    };
    views.set(season, v);
    return v;
  };

  const played = (g: SeasonGame): boolean => g.day <= asOfDay;
  const teamsOf = (season: number): string[] => {
    if (!seasons.includes(season))
      throw new RangeError(`season ${season} is not generated by this replay site`);
    return view(season).model.teams.map((t) => t.code);
  };

  const header = (): string => {
    if (headerScores !== undefined) return headerScores;
    headerScores = '';
    for (let i = seasons.length - 1; i >= 0; i--) {
      const games = view(seasons[i]!).listed.filter(played);
      if (games.length === 0) continue;
      const last = games[games.length - 1]!.day;
      headerScores = renderHeaderScores(games.filter((g) => g.day === last));
      break;
    }
    return headerScores;
  };

  const seasonOfGame = (gameId: string): SeasonView | undefined => {
    for (const s of seasons) {
      const v = view(s);
      if (v.model.byId.has(gameId)) return v;
    }
    return undefined;
  };

  const renderBox = (v: SeasonView, game: SeasonGame): string => {
    const links = (code: string): [string | null, string | null] => {
      const list = v.teamGames.get(code) ?? [];
      const i = list.indexOf(game);
      return [list[i - 1]?.gameId ?? null, list[i + 1]?.gameId ?? null];
    };
    return renderBoxScorePage({
      model: v.model,
      box: generateBoxModel(v.model, game),
      sameDay: v.listed.filter((g) => g.day === game.day),
      links: { visitor: links(game.visitor.code), home: links(game.home.code) },
      headerScores: header(),
    });
  };

  const complete = (v: SeasonView): boolean => {
    const last = v.model.games[v.model.games.length - 1]!;
    return last.day <= asOfDay;
  };

  return {
    seasons,
    asOf: () => asOf,
    setAsOf(next) {
      const day = parseAsOf(next);
      asOf = next;
      asOfDay = day;
      version++;
      views.clear();
      headerScores = undefined;
    },
    version: () => version,
    lookup(path) {
      const p = parsePagePath(path);
      if (p.kind === 'other') return null;
      if (p.kind === 'boxscore') {
        const v = seasonOfGame(p.gameId);
        if (!v) return null;
        const game = v.model.byId.get(p.gameId)!;
        if (!v.listedIds.has(game.gameId) || !played(game))
          return { type: 'missing', kind: 'boxscore', season: v.model.season };
        return {
          type: 'page',
          kind: 'boxscore',
          season: v.model.season,
          gameId: game.gameId,
          render: () => renderBox(v, game),
        };
      }
      if (!seasons.includes(p.season)) return null;
      const v = view(p.season);
      if ('team' in p) {
        const { kind, team } = p;
        if (kind === 'team' && !v.model.teams.some((t) => t.code === team)) return null;
        if (!hasSeasonPage(kind, v.model, asOfDay, team)) return { type: 'missing', kind, season: p.season };
        return {
          type: 'page',
          kind,
          season: p.season,
          gameId: null,
          render: () => renderSeasonPage(kind, v.model, asOfDay, team, header()).html,
        };
      }
      if (p.kind === 'totals') {
        return {
          type: 'page',
          kind: 'totals',
          season: p.season,
          gameId: null,
          render: () => renderTotalsPage(v.model, asOfDay, header()).html,
        };
      }
      const month = p.kind === 'season' ? v.months[0] : v.months.find((m) => m.slug === p.month);
      if (!month) return { type: 'missing', kind: p.kind, season: p.season };
      return {
        type: 'page',
        kind: p.kind,
        season: p.season,
        gameId: null,
        render: () =>
          renderSchedulePage({
            model: v.model,
            months: v.months,
            month,
            asOfDay,
            complete: complete(v),
            headerScores: header(),
          }),
      };
    },
    groundTruth(season) {
      if (!seasons.includes(season))
        throw new RangeError(`season ${season} is not generated by this replay site`);
      const v = view(season);
      return {
        season,
        asOf,
        months: v.months.map((m) => scheduleMonthOf(season, m)),
        games: v.listed.map((g) => ({
          ...scheduleGameOf(g, played(g)),
          played: played(g),
          playoffRound: g.playoff?.round ?? null,
          gameNumber: g.playoff?.gameNumber ?? null,
        })),
      };
    },
    boxScore(gameId) {
      const v = seasonOfGame(gameId);
      if (!v) return null;
      const game = v.model.byId.get(gameId)!;
      if (!v.listedIds.has(gameId) || !played(game)) return null;
      return boxScoreOf(generateBoxModel(v.model, game));
    },
    playerTotals(season) {
      if (!seasons.includes(season))
        throw new RangeError(`season ${season} is not generated by this replay site`);
      return renderTotalsPage(view(season).model, asOfDay, '').truth;
    },
    playedGames(season) {
      if (!seasons.includes(season)) return [];
      return view(season).listed.filter(played);
    },
    seasonPage(kind, season, team = null) {
      if (!seasons.includes(season))
        throw new RangeError(`season ${season} is not generated by this replay site`);
      const model = view(season).model;
      if (!hasSeasonPage(kind, model, asOfDay, team)) return null;
      return renderSeasonPage(kind, model, asOfDay, team, '').truth;
    },
    teamPages(season) {
      return teamsOf(season).flatMap((code) => this.seasonPage('team', season, code) ?? []);
    },
  };
}
