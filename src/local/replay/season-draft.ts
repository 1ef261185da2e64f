/**
 * The draft held after a generated season: two rounds, the teams picking in reverse order of their
 * regular-season record, made-up prospects (ids that no player of the season has, a college or
 * none for an international pick) and made-up NBA careers after the draft (most first-rounders
 * play, some second-rounders never do: their career cells stay empty). A pure function of the
 * season's results.
 */
import { fullName, makePersonName, type PersonName, playerId } from './names.ts';
import { COLLEGES } from './player-bio.ts';
import { createRng, type Rng } from './prng.ts';
import type { SeasonModel } from './season-model.ts';
import { seasonStandings } from './season-standings.ts';
import type { SeasonTeam } from './teams.ts';

export interface Career {
  seasons: number;
  g: number;
  mp: number;
  pts: number;
  trb: number;
  ast: number;
  fgPct: number;
  fg3Pct: number;
  ftPct: number;
  ws: number;
  bpm: number;
}

export interface GeneratedPick {
  round: number;
  pick: number;
  team: SeasonTeam;
  id: string;
  name: PersonName;
  display: string;
  college: string | null;
  career: Career | null;
}

function career(rng: Rng, pick: number): Career | null {
  if (!rng.chance(pick <= 30 ? 0.96 : 0.62)) return null;
  const seasons = rng.int(1, pick <= 10 ? 16 : pick <= 30 ? 11 : 6);
  const g = seasons * rng.int(20, 76);
  const mpg = (pick <= 10 ? 24 : pick <= 30 ? 18 : 12) + rng.normal(0, 4);
  const mp = Math.max(g, Math.round(g * Math.max(4, mpg)));
  const wsPer48 = rng.normal(0.075, 0.04);
  return {
    seasons,
    g,
    mp,
    pts: Math.round(mp * (0.32 + 0.25 * rng.next())),
    trb: Math.round(mp * (0.1 + 0.2 * rng.next())),
    ast: Math.round(mp * (0.04 + 0.15 * rng.next())),
    fgPct: 0.4 + 0.12 * rng.next(),
    fg3Pct: 0.25 + 0.15 * rng.next(),
    ftPct: 0.6 + 0.28 * rng.next(),
    ws: (wsPer48 * mp) / 48,
    bpm: rng.normal(-1.5, 2.5),
  };
}

/** Every pick, in order. */
export function seasonDraft(model: SeasonModel, asOfDay: number): GeneratedPick[] {
  const rng = createRng(`draft:${model.season}`);
  const taken = new Set(model.rosters.players.map((p) => p.id));
  const order = [...seasonStandings(model, asOfDay).values()]
    .sort((a, b) => a.wins / Math.max(1, a.games) - b.wins / Math.max(1, b.games) || a.srs - b.srs)
    .map((s) => s.team);
  const picks: GeneratedPick[] = [];
  for (const round of [1, 2]) {
    for (const team of order) {
      const pick = picks.length + 1;
      const name = makePersonName(rng);
      picks.push({
        round,
        pick,
        team,
        id: playerId(name, taken),
        name,
        display: fullName(name),
        college: rng.chance(0.78) ? rng.pick(COLLEGES) : null,
        career: career(rng, pick),
      });
    }
  }
  return picks;
}
