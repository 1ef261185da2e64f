/**
 * Each team's regular season at the clock, from the played games: W-L, points scored and allowed
 * per game, margin of victory, strength of schedule and the simple rating system (SRS = MOV +
 * SOS, SOS the mean SRS of the opponents played, solved by iteration), and whether the team is
 * in the playoffs (known once the regular season and the Play-In are over).
 */
import { points } from './box-model.ts';
import { seasonAggregate, type TeamSums } from './season-aggregate.ts';
import type { SeasonModel } from './season-model.ts';
import type { SeasonTeam } from './teams.ts';

export interface TeamStanding {
  team: SeasonTeam;
  wins: number;
  losses: number;
  games: number;
  pointsFor: number;
  pointsAgainst: number;
  mov: number;
  sos: number;
  srs: number;
  playoffs: boolean;
}

const ITERATIONS = 40;

function ratings(teams: ReadonlyMap<string, TeamSums>): Map<string, { mov: number; sos: number }> {
  const mov = new Map<string, number>();
  for (const [code, t] of teams) mov.set(code, t.games > 0 ? (points(t.line) - points(t.opp)) / t.games : 0);
  let srs = new Map(mov);
  for (let i = 0; i < ITERATIONS; i++) {
    const next = new Map<string, number>();
    for (const [code, t] of teams) {
      const sos = t.results.reduce((s, r) => s + (srs.get(r.opponent) ?? 0), 0) / Math.max(1, t.games);
      next.set(code, mov.get(code)! + sos);
    }
    srs = next;
  }
  const out = new Map<string, { mov: number; sos: number }>();
  for (const [code, m] of mov) out.set(code, { mov: m, sos: srs.get(code)! - m });
  return out;
}

/** The standing of every team of the season (teams without a played game at 0-0), by code. */
export function seasonStandings(model: SeasonModel, asOfDay: number): Map<string, TeamStanding> {
  const teams = seasonAggregate(model, asOfDay).regular.teams;
  const rated = ratings(teams);
  let fieldDay = 0;
  const inPlayoffs = new Set<string>();
  for (const g of model.games) {
    if (g.gameType === 'playoffs') for (const t of [g.home, g.visitor]) inPlayoffs.add(t.code);
    else fieldDay = Math.max(fieldDay, g.day);
  }
  const out = new Map<string, TeamStanding>();
  for (const team of model.teams) {
    const t = teams.get(team.code);
    const r = rated.get(team.code) ?? { mov: 0, sos: 0 };
    out.set(team.code, {
      team,
      wins: t?.wins ?? 0,
      losses: t?.losses ?? 0,
      games: t?.games ?? 0,
      pointsFor: t ? points(t.line) : 0,
      pointsAgainst: t ? points(t.opp) : 0,
      mov: r.mov,
      sos: r.sos,
      srs: r.mov + r.sos,
      playoffs: asOfDay >= fieldDay && inPlayoffs.has(team.code),
    });
  }
  return out;
}

/** Win fraction, 0 without a game. */
export function winPct(s: TeamStanding): number {
  return s.games > 0 ? s.wins / s.games : 0;
}

/** Best record first (win fraction, then wins, then SRS, then code). */
export function byRecord(a: TeamStanding, b: TeamStanding): number {
  return (
    winPct(b) - winPct(a) ||
    b.wins - a.wins ||
    b.srs - a.srs ||
    (a.team.code < b.team.code ? -1 : a.team.code > b.team.code ? 1 : 0)
  );
}
