/**
 * Ground truth: the generator's games and box scores as the project's domain records
 * (ScheduleGame, BoxScore), with every number read back from the text the pages show, so a
 * parser's output can be compared with them field by field.
 */
import type { AdvancedStats, BasicStats, BoxScore, PlayerLine, TeamBox } from '../../domain/box-score.ts';
import type { ScheduleGame } from '../../domain/game.ts';
import type { ScheduleMonth } from '../../domain/season.ts';
import type { BoxModel, BoxTeam } from './box-model.ts';
import { boxScoreHref, isoTime } from './html.ts';
import type { MonthPage, SeasonGame } from './season-model.ts';
import { advancedCells, basicCells, type Cell, cellNumber, fourFactorCells } from './stats-math.ts';

/** One game as the schedule pages list it at a given moment. */
export function scheduleGameOf(game: SeasonGame, played: boolean): ScheduleGame {
  return {
    gameId: game.gameId,
    season: game.season,
    date: game.date,
    startTime: game.startMinutes === null ? null : isoTime(game.startMinutes),
    visitor: { code: game.visitor.code, name: game.visitor.name },
    home: { code: game.home.code, name: game.home.name },
    visitorPoints: played ? game.visitorPoints : null,
    homePoints: played ? game.homePoints : null,
    overtimes: played ? game.overtimes : 0,
    attendance: played ? game.attendance : null,
    durationMinutes: played ? game.durationMinutes : null,
    arena: game.arena,
    remarks: game.remarks,
    boxScorePath: played ? boxScoreHref(game.gameId) : null,
    status: played ? 'final' : 'scheduled',
    gameType: game.gameType,
  };
}

export function scheduleMonthOf(season: number, page: MonthPage): ScheduleMonth {
  return { slug: page.slug, label: page.label, path: `/leagues/NBA_${season}_games-${page.slug}.html` };
}

function statsOf<T extends string>(
  cells: readonly Cell[],
  teamMinutes: boolean,
): Partial<Record<T, number | null>> {
  const out: Partial<Record<T, number | null>> = {};
  for (const c of cells) {
    const v = cellNumber(c.text);
    out[c.stat as T] = c.stat === 'mp' && teamMinutes && v !== null ? v * 60 : v;
  }
  return out;
}

function teamBoxOf(t: BoxTeam, opp: BoxTeam, points: number, record: string, line: number[]): TeamBox {
  const players: PlayerLine[] = t.players.map((p) => ({
    playerId: p.player.id,
    name: p.player.display,
    starter: p.starter,
    reason: p.reason,
    basic: p.total ? (statsOf(basicCells(p.total, 'player'), false) as BasicStats) : null,
    advanced: p.total
      ? (statsOf(advancedCells(p.total, t.total, opp.total, 'player'), false) as AdvancedStats)
      : null,
  }));
  const ff = statsOf<string>(fourFactorCells(t.total, opp.total), false);
  return {
    code: t.team.code,
    name: t.team.name,
    points,
    record,
    lineScore: line.slice(),
    fourFactors: {
      pace: ff.pace ?? null,
      efg_pct: ff.efg_pct ?? null,
      tov_pct: ff.tov_pct ?? null,
      orb_pct: ff.orb_pct ?? null,
      ft_rate: ff.ft_rate ?? null,
      off_rtg: ff.off_rtg ?? null,
    },
    players,
    totals: statsOf(basicCells(t.total, 'team'), true) as BasicStats,
    inactive: t.inactive.map((p) => ({ playerId: p.id, name: p.display })),
  };
}

/** The BoxScore record a parser should produce from the generated page. */
export function boxScoreOf(box: BoxModel): BoxScore {
  const g = box.game;
  return {
    gameId: g.gameId,
    season: g.season,
    date: g.date,
    startTime: g.startMinutes === null ? null : isoTime(g.startMinutes),
    arena: g.arena,
    location: g.location,
    gameType: g.gameType,
    playoffRound: g.playoff ? `${g.playoff.round} Game ${g.playoff.gameNumber}` : null,
    overtimes: g.overtimes,
    visitor: teamBoxOf(box.visitor, box.home, g.visitorPoints, g.visitorRecord, g.lines.visitor),
    home: teamBoxOf(box.home, box.visitor, g.homePoints, g.homeRecord, g.lines.home),
    officials: box.officials.map((r) => ({ playerId: r.id, name: r.display })),
    attendance: g.attendance,
    durationMinutes: g.durationMinutes,
  };
}
