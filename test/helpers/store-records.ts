/**
 * Hand-built records for the store tests: two box scores of the 2017-18 season (one with an
 * overtime, did-not-play lines, inactive players, a non-ASCII name; one with no advanced table, no
 * four factors and text that needs CSV quoting), schedule listings and player season totals.
 * Each call returns fresh objects, so a test may change them.
 */
import type { AdvancedStats, BasicStats, BoxScore, PlayerLine } from '../../src/domain/box-score.ts';
import type { ScheduleGame } from '../../src/domain/game.ts';
import type { PlayerSeasonTotals } from '../../src/domain/player-totals.ts';
import type { Row } from '../../src/store/rows.ts';
import {
  awardRows,
  draftRows,
  playerAdvancedRows,
  type SeasonTableName,
  standingsRows,
  teamSeasonRows,
} from '../../src/store/season-tables.ts';

function basic(
  mp: number,
  [fg, fga, fg3, fg3a, ft, fta]: number[],
  [orb, drb, ast, stl, blk, tov, pf]: number[],
  plusMinus: number | null,
): BasicStats {
  const pct = (made: number | undefined, att: number | undefined): number | null =>
    att ? Math.round(((made ?? 0) / att) * 1000) / 1000 : null;
  return {
    mp,
    fg,
    fga,
    fg_pct: pct(fg, fga),
    fg3,
    fg3a,
    fg3_pct: pct(fg3, fg3a),
    ft,
    fta,
    ft_pct: pct(ft, fta),
    orb,
    drb,
    trb: (orb ?? 0) + (drb ?? 0),
    ast,
    stl,
    blk,
    tov,
    pf,
    pts: 2 * (fg ?? 0) + (fg3 ?? 0) + (ft ?? 0),
    plus_minus: plusMinus,
  };
}

function adv(mp: number, ts: number, usg: number, ortg: number, drtg: number): AdvancedStats {
  return {
    mp,
    ts_pct: ts,
    efg_pct: 0.5,
    fg3a_per_fga_pct: 0.25,
    fta_per_fga_pct: 0.3,
    orb_pct: 4.1,
    drb_pct: 18.2,
    trb_pct: 11.3,
    ast_pct: 20.5,
    stl_pct: 1.6,
    blk_pct: 2.2,
    tov_pct: 9.8,
    usg_pct: usg,
    off_rtg: ortg,
    def_rtg: drtg,
    bpm: 3.4,
  };
}

function played(
  playerId: string,
  name: string,
  starter: boolean,
  b: BasicStats,
  a: AdvancedStats | null,
): PlayerLine {
  return { playerId, name, starter, reason: null, basic: b, advanced: a };
}

function dnp(playerId: string, name: string, reason: string): PlayerLine {
  return { playerId, name, starter: false, reason, basic: null, advanced: null };
}

/** Bucks at Raptors, 1 January 2018, decided in overtime (127-131). */
export function overtimeBoxScore(): BoxScore {
  return {
    gameId: '201801010TOR',
    season: 2018,
    date: '2018-01-01',
    startTime: '19:30',
    arena: 'Air Canada Centre',
    location: 'Toronto, Canada',
    gameType: 'regular',
    playoffRound: null,
    overtimes: 1,
    attendance: 19_800,
    durationMinutes: 164,
    officials: [
      { playerId: 'brothto99r', name: 'Tony Brothers' },
      { playerId: 'kennebi99r', name: 'Bill Kennedy' },
      { playerId: 'mottbr99r', name: 'Brett Nansel' },
    ],
    visitor: {
      code: 'MIL',
      name: 'Milwaukee Bucks',
      points: 127,
      record: '19-16',
      lineScore: [28, 30, 29, 30, 10],
      fourFactors: {
        pace: 96.4,
        efg_pct: 0.531,
        tov_pct: 11.2,
        orb_pct: 20.5,
        ft_rate: 0.301,
        off_rtg: 120.1,
      },
      players: [
        played(
          'antetgi01',
          'Giannis Antetokounmpo',
          true,
          basic(2608, [10, 19, 0, 1, 8, 10], [2, 10, 5, 1, 1, 4, 3], -3),
          adv(2608, 0.596, 29.8, 118.2, 112.4),
        ),
        played(
          'middlkh01',
          'Khris Middleton',
          true,
          basic(2470, [9, 20, 3, 7, 4, 4], [1, 5, 6, 2, 0, 2, 2], -5),
          adv(2470, 0.563, 27.1, 114.0, 115.3),
        ),
        played(
          'bledser01',
          'Eric Bledsoe',
          true,
          basic(2388, [8, 15, 2, 5, 3, 4], [0, 3, 7, 3, 1, 3, 4], 2),
          adv(2388, 0.611, 24.3, 121.7, 113.9),
        ),
        played(
          'snellto01',
          'Tony Snell',
          false,
          basic(1502, [3, 6, 3, 5, 0, 0], [0, 2, 1, 0, 0, 0, 1], 4),
          adv(1502, 0.75, 12.4, 133.0, 116.1),
        ),
        dnp('wilsoda01', 'D.J. Wilson', 'Did Not Play'),
      ],
      totals: basic(265 * 60, [46, 92, 10, 29, 25, 32], [11, 34, 28, 8, 4, 14, 22], null),
      inactive: [
        { playerId: 'parkeja01', name: 'Jabari Parker' },
        { playerId: 'henssjo01', name: 'John Henson' },
      ],
    },
    home: {
      code: 'TOR',
      name: 'Toronto Raptors',
      points: 131,
      record: '25-10',
      lineScore: [27, 33, 25, 32, 14],
      fourFactors: {
        pace: 96.4,
        efg_pct: 0.559,
        tov_pct: 9.4,
        orb_pct: 22.0,
        ft_rate: 0.352,
        off_rtg: 124.0,
      },
      players: [
        played(
          'derozde01',
          'DeMar DeRozan',
          true,
          { ...basic(2800, [17, 29, 5, 9, 13, 15], [0, 3, 8, 1, 0, 2, 2], 6), game_score: 41.3 },
          adv(2800, 0.729, 37.9, 141.3, 114.8),
        ),
        played(
          'lowryky01',
          'Kyle Lowry',
          true,
          basic(2654, [5, 14, 3, 9, 2, 2], [1, 9, 12, 2, 0, 3, 3], 5),
          adv(2654, 0.515, 19.0, 119.5, 111.0),
        ),
        played(
          'valanjo01',
          'Jonas Valančiūnas',
          true,
          basic(1840, [6, 9, 0, 0, 2, 4], [4, 8, 1, 0, 2, 1, 5], -2),
          adv(1840, 0.669, 18.7, 125.0, 110.2),
        ),
        played(
          'vanvlfr01',
          'Fred VanVleet',
          false,
          basic(1460, [3, 8, 1, 4, 3, 3], [0, 2, 3, 1, 0, 1, 2], 1),
          adv(1460, 0.535, 17.2, 111.9, 117.0),
        ),
        dnp('cabocbr01', 'Bruno Caboclo', 'Did Not Dress'),
      ],
      totals: basic(265 * 60, [47, 93, 12, 31, 25, 33], [12, 36, 26, 7, 5, 11, 25], null),
      inactive: [{ playerId: 'noguelu01', name: 'Lucas Nogueira' }],
    },
  };
}

/** Spurs at Knicks, 3 January 2018: no advanced table, no four factors, text that needs quoting. */
export function plainBoxScore(): BoxScore {
  return {
    gameId: '201801030NYK',
    season: 2018,
    date: '2018-01-03',
    startTime: null,
    arena: 'Madison Square Garden (IV)',
    location: 'New York, New York',
    gameType: 'regular',
    playoffRound: null,
    overtimes: 0,
    attendance: null,
    durationMinutes: null,
    officials: [],
    visitor: {
      code: 'SAS',
      name: 'San Antonio Spurs',
      points: 91,
      record: '26-13',
      lineScore: [22, 25, 20, 24],
      fourFactors: null,
      players: [
        played(
          'aldrila01',
          'LaMarcus Aldridge',
          true,
          basic(2100, [9, 18, 0, 1, 4, 5], [3, 6, 2, 0, 1, 1, 2], -9),
          null,
        ),
        played(
          'gasolpa01',
          'Pau Gasol',
          true,
          { ...basic(1700, [3, 8, 0, 0, 2, 2], [1, 7, 3, 0, 1, 2, 3], -7), orb: null, stl: null },
          null,
        ),
        dnp('leonaka01', 'Kawhi Leonard', 'Not With Team'),
      ],
      totals: basic(240 * 60, [35, 84, 6, 22, 15, 19], [8, 33, 19, 6, 4, 12, 20], null),
      inactive: [],
    },
    home: {
      code: 'NYK',
      name: 'New York Knicks',
      points: 100,
      record: '19-19',
      lineScore: [24, 26, 28, 22],
      fourFactors: null,
      players: [
        played(
          'oquinky01',
          "Kyle O'Quinn",
          true,
          basic(1900, [5, 9, 0, 0, 2, 2], [3, 9, 4, 1, 2, 2, 4], 11),
          null,
        ),
        played(
          'porzikr01',
          'Kristaps Porziņģis "KP"',
          true,
          basic(2000, [8, 19, 2, 6, 4, 4], [1, 6, 1, 0, 3, 3, 3], 8),
          null,
        ),
      ],
      totals: basic(240 * 60, [38, 80, 7, 20, 17, 21], [10, 36, 22, 6, 6, 13, 18], null),
      inactive: [{ playerId: 'hardati02', name: 'Tim Hardaway, Jr.' }],
    },
  };
}

function listing(
  gameId: string,
  date: string,
  visitor: [string, string],
  home: [string, string],
  points: [number, number] | null,
  extra: Partial<ScheduleGame> = {},
): ScheduleGame {
  return {
    gameId,
    season: 2018,
    date,
    startTime: '19:30',
    visitor: { code: visitor[0], name: visitor[1] },
    home: { code: home[0], name: home[1] },
    visitorPoints: points?.[0] ?? null,
    homePoints: points?.[1] ?? null,
    overtimes: 0,
    attendance: points ? 18_000 : null,
    durationMinutes: null,
    arena: null,
    remarks: null,
    boxScorePath: points ? `/boxscores/${gameId}.html` : null,
    status: points ? 'final' : 'scheduled',
    gameType: null,
    ...extra,
  };
}

/** The January 2018 page: the two box score games (played) and one game not played yet. */
export function januaryListings(): ScheduleGame[] {
  return [
    listing(
      '201801010TOR',
      '2018-01-01',
      ['MIL', 'Milwaukee Bucks'],
      ['TOR', 'Toronto Raptors'],
      [127, 131],
      {
        overtimes: 1,
        attendance: 19_800,
        arena: 'Air Canada Centre',
      },
    ),
    listing(
      '201801030NYK',
      '2018-01-03',
      ['SAS', 'San Antonio Spurs'],
      ['NYK', 'New York Knicks'],
      [91, 100],
      {
        startTime: null,
        arena: 'Madison Square Garden (IV)',
        remarks: 'at "The Garden", New York',
      },
    ),
    listing('201801310BOS', '2018-01-31', ['NYK', 'New York Knicks'], ['BOS', 'Boston Celtics'], null),
  ];
}

/** The March 2018 page: the Celtics game moved from January 31 to March 8, and one more game. */
export function marchListings(): ScheduleGame[] {
  return [
    listing('201801310BOS', '2018-03-08', ['NYK', 'New York Knicks'], ['BOS', 'Boston Celtics'], null, {
      startTime: '20:00',
      remarks: 'Rescheduled',
    }),
    listing('201803090MIA', '2018-03-09', ['ATL', 'Atlanta Hawks'], ['MIA', 'Miami Heat'], null),
  ];
}

function totals(
  part: 'regular' | 'playoffs',
  playerId: string,
  name: string,
  team: string,
  games: number,
  pts: number,
  extra: Partial<PlayerSeasonTotals> = {},
): PlayerSeasonTotals {
  return {
    season: 2018,
    part,
    playerId,
    name,
    team,
    multiTeamSummary: false,
    age: 28,
    position: 'SG',
    stats: {
      games,
      games_started: games,
      mp: games * 33,
      fg: Math.round(pts * 0.38),
      fga: Math.round(pts * 0.8),
      fg_pct: 0.475,
      fg3: 80,
      fg3a: 230,
      fg3_pct: 0.348,
      ft: 300,
      fta: 350,
      ft_pct: 0.857,
      pts,
      tpl_dbl: null,
    },
    awards: null,
    ...extra,
  };
}

/** Regular season and playoff totals, with a traded player's summary and per-team rows. */
export function seasonTotals(): PlayerSeasonTotals[] {
  return [
    totals('regular', 'derozde01', 'DeMar DeRozan', 'TOR', 80, 1_910, { awards: 'AS,NBA2' }),
    totals('regular', 'bledser01', 'Eric Bledsoe', '2TM', 74, 1_306, {
      multiTeamSummary: true,
      position: 'PG',
    }),
    totals('regular', 'bledser01', 'Eric Bledsoe', 'PHO', 3, 45, { position: 'PG' }),
    totals('regular', 'bledser01', 'Eric Bledsoe', 'MIL', 71, 1_261, { position: 'PG' }),
    totals('playoffs', 'derozde01', 'DeMar DeRozan', 'TOR', 10, 218),
  ];
}

/** Season table rows of 2018 (season-tables.ts), by table and scope: what the season pages store. */
export function seasonPageWrites(): { table: SeasonTableName; scope: Row; rows: Row[] }[] {
  const standings = standingsRows(
    [
      ['TOR', 'Toronto Raptors', 1, 59],
      ['BOS', 'Boston Celtics', 2, 55],
    ].map(([team, teamName, rank, wins]) => ({
      season: 2018,
      grouping: 'division' as const,
      group: 'Atlantic Division',
      team: team as string,
      teamName: teamName as string,
      rank: rank as number,
      wins: wins as number,
      losses: 82 - (wins as number),
      winLossPct: Math.round(((wins as number) / 82) * 1000) / 1000,
      gamesBehind: rank === 1 ? 0 : 4,
      pointsPerGame: 111.7,
      opponentPointsPerGame: 103.9,
      srs: 7.29,
      playoffs: true,
      seed: null,
    })),
  );
  const team = teamSeasonRows({
    season: 2018,
    team: 'TOR',
    teamName: 'Toronto Raptors',
    roster: [
      {
        season: 2018,
        team: 'TOR',
        playerId: 'derozde01',
        name: 'DeMar DeRozan',
        number: '10',
        position: 'SG',
        heightInches: 78,
        weightPounds: 220,
        birthDate: '1989-08-07',
        country: 'US',
        experience: 8,
        college: 'USC',
      },
    ],
    stats: [{ season: 2018, team: 'TOR', side: 'team', basis: 'per_game', stats: { g: 82, pts: 111.7 } }],
    ratings: null,
  });
  const draft = draftRows([
    {
      season: 2018,
      round: 1,
      pick: 1,
      team: 'PHO',
      playerId: 'aytonde01',
      name: 'Deandre Ayton',
      college: 'University of Arizona',
      career: { seasons: 6, g: 384, pts: 6205, fg_pct: 0.587 },
    },
  ]);
  const awards = awardRows([
    {
      season: 2018,
      award: 'coy',
      kind: 'voting',
      place: '1',
      winner: true,
      playerId: null,
      coachId: 'caseydw99',
      name: 'Dwane Casey',
      team: 'TOR',
      votesFirst: 67,
      pointsWon: 365,
      pointsMax: 505,
      share: 0.723,
    },
  ]);
  return [
    { table: 'standings', scope: { season: 2018 }, rows: standings },
    { table: 'rosters', scope: { season: 2018, team: 'TOR' }, rows: team.rosters },
    { table: 'team_season_stats', scope: { season: 2018, team: 'TOR' }, rows: team.team_season_stats },
    { table: 'draft_picks', scope: { season: 2018 }, rows: draft },
    { table: 'awards', scope: { season: 2018 }, rows: awards },
  ];
}

/**
 * What the season-level pages of the 2018 listings above store while the season goes on (some
 * games not played): the standings, a roster for every team of the listings, the advanced stats
 * (no draft or awards before the last game). Stored with them the season can be complete.
 */
export function runningSeasonPageWrites(): { table: SeasonTableName; scope: Row; rows: Row[] }[] {
  const writes = seasonPageWrites();
  const standings = writes.find((w) => w.table === 'standings')!;
  const roster = writes.find((w) => w.table === 'rosters')!.rows;
  const teams = new Set(
    [...januaryListings(), ...marchListings()].flatMap((g) => [g.visitor.code, g.home.code]),
  );
  const advanced = playerAdvancedRows([
    {
      season: 2018,
      part: 'regular',
      playerId: 'derozde01',
      name: 'DeMar DeRozan',
      team: 'TOR',
      multiTeamSummary: false,
      age: 28,
      position: 'SG',
      stats: { games: 80, ws: 9.6 },
    },
  ]);
  return [
    standings,
    ...[...teams].map((team) => ({
      table: 'rosters' as const,
      scope: { season: 2018, team },
      rows: roster.map((r) => ({ ...r, team })),
    })),
    { table: 'player_advanced', scope: { season: 2018, part: 'regular' }, rows: advanced },
  ];
}
