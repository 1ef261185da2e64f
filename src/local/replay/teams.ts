/**
 * The league's teams as basketball-reference names them, season by season. Codes, names,
 * conferences and arenas follow the real history from the 1999-00 season (the replay site's
 * first season) on: VAN -> MEM (2002), CHH leaves Charlotte (2003) and the Charlotte slot
 * returns as CHA (2005) then CHO (2015), NOH / NOK / NOP, SEA -> OKC (2009), NJN -> BRK (2013).
 * Seasons 2000-2004 have 29 teams, later seasons 30. Seasons after the last listed change reuse
 * the latest names.
 */
import { hashString } from './prng.ts';

export const FIRST_REPLAY_SEASON = 2000;

export type Conference = 'E' | 'W';
export type TimeZone = 'ET' | 'CT' | 'MT' | 'PT';

/** One team in one season. */
export interface SeasonTeam {
  /** basketball-reference code (`TOR`, `BRK`, `CHO`, `PHO`). */
  code: string;
  name: string;
  /** Short name used in box score titles (`Raptors`, `Trail Blazers`). */
  nickname: string;
  /** Stable key of the franchise slot across code changes. */
  franchise: string;
  conference: Conference;
  arena: string;
  /** `Toronto, Canada`, `Atlanta, Georgia`. */
  location: string;
  timeZone: TimeZone;
  /** Seats, for attendance figures. */
  capacity: number;
}

interface Era {
  from: number;
  to: number;
  code: string;
  name: string;
  nickname: string;
  conference: Conference;
}

/** [first season, arena name, location, time zone]. */
type ArenaEra = readonly [number, string, string, TimeZone];

interface Franchise {
  key: string;
  eras: Era[];
  arenas: ArenaEra[];
}

const LAST = 9999;

function one(
  key: string,
  name: string,
  nickname: string,
  conference: Conference,
  arenas: ArenaEra[],
): Franchise {
  return {
    key,
    eras: [{ from: FIRST_REPLAY_SEASON, to: LAST, code: key, name, nickname, conference }],
    arenas,
  };
}

const FRANCHISES: readonly Franchise[] = [
  one('ATL', 'Atlanta Hawks', 'Hawks', 'E', [
    [2000, 'Philips Arena', 'Atlanta, Georgia', 'ET'],
    [2019, 'State Farm Arena', 'Atlanta, Georgia', 'ET'],
  ]),
  one('BOS', 'Boston Celtics', 'Celtics', 'E', [
    [2000, 'FleetCenter', 'Boston, Massachusetts', 'ET'],
    [2006, 'TD Banknorth Garden', 'Boston, Massachusetts', 'ET'],
    [2010, 'TD Garden', 'Boston, Massachusetts', 'ET'],
  ]),
  {
    key: 'BRK',
    eras: [
      { from: 2000, to: 2012, code: 'NJN', name: 'New Jersey Nets', nickname: 'Nets', conference: 'E' },
      { from: 2013, to: LAST, code: 'BRK', name: 'Brooklyn Nets', nickname: 'Nets', conference: 'E' },
    ],
    arenas: [
      [2000, 'Continental Airlines Arena', 'East Rutherford, New Jersey', 'ET'],
      [2008, 'Izod Center', 'East Rutherford, New Jersey', 'ET'],
      [2011, 'Prudential Center', 'Newark, New Jersey', 'ET'],
      [2013, 'Barclays Center', 'Brooklyn, New York', 'ET'],
    ],
  },
  {
    key: 'CHO',
    eras: [
      { from: 2000, to: 2002, code: 'CHH', name: 'Charlotte Hornets', nickname: 'Hornets', conference: 'E' },
      { from: 2005, to: 2014, code: 'CHA', name: 'Charlotte Bobcats', nickname: 'Bobcats', conference: 'E' },
      { from: 2015, to: LAST, code: 'CHO', name: 'Charlotte Hornets', nickname: 'Hornets', conference: 'E' },
    ],
    arenas: [
      [2000, 'Charlotte Coliseum', 'Charlotte, North Carolina', 'ET'],
      [2006, 'Charlotte Bobcats Arena', 'Charlotte, North Carolina', 'ET'],
      [2009, 'Time Warner Cable Arena', 'Charlotte, North Carolina', 'ET'],
      [2017, 'Spectrum Center', 'Charlotte, North Carolina', 'ET'],
    ],
  },
  one('CHI', 'Chicago Bulls', 'Bulls', 'E', [[2000, 'United Center', 'Chicago, Illinois', 'CT']]),
  one('CLE', 'Cleveland Cavaliers', 'Cavaliers', 'E', [
    [2000, 'Gund Arena', 'Cleveland, Ohio', 'ET'],
    [2006, 'Quicken Loans Arena', 'Cleveland, Ohio', 'ET'],
    [2020, 'Rocket Mortgage FieldHouse', 'Cleveland, Ohio', 'ET'],
  ]),
  one('DAL', 'Dallas Mavericks', 'Mavericks', 'W', [
    [2000, 'Reunion Arena', 'Dallas, Texas', 'CT'],
    [2002, 'American Airlines Center', 'Dallas, Texas', 'CT'],
  ]),
  one('DEN', 'Denver Nuggets', 'Nuggets', 'W', [
    [2000, 'Pepsi Center', 'Denver, Colorado', 'MT'],
    [2021, 'Ball Arena', 'Denver, Colorado', 'MT'],
  ]),
  one('DET', 'Detroit Pistons', 'Pistons', 'E', [
    [2000, 'The Palace of Auburn Hills', 'Auburn Hills, Michigan', 'ET'],
    [2018, 'Little Caesars Arena', 'Detroit, Michigan', 'ET'],
  ]),
  one('GSW', 'Golden State Warriors', 'Warriors', 'W', [
    [2000, 'The Arena in Oakland', 'Oakland, California', 'PT'],
    [2007, 'Oracle Arena', 'Oakland, California', 'PT'],
    [2020, 'Chase Center', 'San Francisco, California', 'PT'],
  ]),
  one('HOU', 'Houston Rockets', 'Rockets', 'W', [
    [2000, 'Compaq Center', 'Houston, Texas', 'CT'],
    [2004, 'Toyota Center', 'Houston, Texas', 'CT'],
  ]),
  one('IND', 'Indiana Pacers', 'Pacers', 'E', [
    [2000, 'Conseco Fieldhouse', 'Indianapolis, Indiana', 'ET'],
    [2012, 'Bankers Life Fieldhouse', 'Indianapolis, Indiana', 'ET'],
    [2022, 'Gainbridge Fieldhouse', 'Indianapolis, Indiana', 'ET'],
  ]),
  one('LAC', 'Los Angeles Clippers', 'Clippers', 'W', [
    [2000, 'Staples Center', 'Los Angeles, California', 'PT'],
    [2022, 'Crypto.com Arena', 'Los Angeles, California', 'PT'],
    [2025, 'Intuit Dome', 'Inglewood, California', 'PT'],
  ]),
  one('LAL', 'Los Angeles Lakers', 'Lakers', 'W', [
    [2000, 'Staples Center', 'Los Angeles, California', 'PT'],
    [2022, 'Crypto.com Arena', 'Los Angeles, California', 'PT'],
  ]),
  {
    key: 'MEM',
    eras: [
      {
        from: 2000,
        to: 2001,
        code: 'VAN',
        name: 'Vancouver Grizzlies',
        nickname: 'Grizzlies',
        conference: 'W',
      },
      {
        from: 2002,
        to: LAST,
        code: 'MEM',
        name: 'Memphis Grizzlies',
        nickname: 'Grizzlies',
        conference: 'W',
      },
    ],
    arenas: [
      [2000, 'General Motors Place', 'Vancouver, Canada', 'PT'],
      [2002, 'Pyramid Arena', 'Memphis, Tennessee', 'CT'],
      [2005, 'FedExForum', 'Memphis, Tennessee', 'CT'],
    ],
  },
  one('MIA', 'Miami Heat', 'Heat', 'E', [
    [2000, 'American Airlines Arena', 'Miami, Florida', 'ET'],
    [2022, 'FTX Arena', 'Miami, Florida', 'ET'],
    [2024, 'Kaseya Center', 'Miami, Florida', 'ET'],
  ]),
  one('MIL', 'Milwaukee Bucks', 'Bucks', 'E', [
    [2000, 'Bradley Center', 'Milwaukee, Wisconsin', 'CT'],
    [2019, 'Fiserv Forum', 'Milwaukee, Wisconsin', 'CT'],
  ]),
  one('MIN', 'Minnesota Timberwolves', 'Timberwolves', 'W', [
    [2000, 'Target Center', 'Minneapolis, Minnesota', 'CT'],
  ]),
  {
    key: 'NOP',
    eras: [
      {
        from: 2003,
        to: 2004,
        code: 'NOH',
        name: 'New Orleans Hornets',
        nickname: 'Hornets',
        conference: 'E',
      },
      {
        from: 2005,
        to: 2005,
        code: 'NOH',
        name: 'New Orleans Hornets',
        nickname: 'Hornets',
        conference: 'W',
      },
      {
        from: 2006,
        to: 2007,
        code: 'NOK',
        name: 'New Orleans/Oklahoma City Hornets',
        nickname: 'Hornets',
        conference: 'W',
      },
      {
        from: 2008,
        to: 2013,
        code: 'NOH',
        name: 'New Orleans Hornets',
        nickname: 'Hornets',
        conference: 'W',
      },
      {
        from: 2014,
        to: LAST,
        code: 'NOP',
        name: 'New Orleans Pelicans',
        nickname: 'Pelicans',
        conference: 'W',
      },
    ],
    arenas: [
      [2003, 'New Orleans Arena', 'New Orleans, Louisiana', 'CT'],
      [2006, 'Ford Center', 'Oklahoma City, Oklahoma', 'CT'],
      [2008, 'New Orleans Arena', 'New Orleans, Louisiana', 'CT'],
      [2015, 'Smoothie King Center', 'New Orleans, Louisiana', 'CT'],
    ],
  },
  one('NYK', 'New York Knicks', 'Knicks', 'E', [
    [2000, 'Madison Square Garden (IV)', 'New York, New York', 'ET'],
  ]),
  {
    key: 'OKC',
    eras: [
      {
        from: 2000,
        to: 2008,
        code: 'SEA',
        name: 'Seattle SuperSonics',
        nickname: 'SuperSonics',
        conference: 'W',
      },
      {
        from: 2009,
        to: LAST,
        code: 'OKC',
        name: 'Oklahoma City Thunder',
        nickname: 'Thunder',
        conference: 'W',
      },
    ],
    arenas: [
      [2000, 'KeyArena', 'Seattle, Washington', 'PT'],
      [2009, 'Ford Center', 'Oklahoma City, Oklahoma', 'CT'],
      [2011, 'Oklahoma City Arena', 'Oklahoma City, Oklahoma', 'CT'],
      [2012, 'Chesapeake Energy Arena', 'Oklahoma City, Oklahoma', 'CT'],
      [2022, 'Paycom Center', 'Oklahoma City, Oklahoma', 'CT'],
    ],
  },
  one('ORL', 'Orlando Magic', 'Magic', 'E', [
    [2000, 'TD Waterhouse Centre', 'Orlando, Florida', 'ET'],
    [2007, 'Amway Arena', 'Orlando, Florida', 'ET'],
    [2011, 'Amway Center', 'Orlando, Florida', 'ET'],
    [2024, 'Kia Center', 'Orlando, Florida', 'ET'],
  ]),
  one('PHI', 'Philadelphia 76ers', '76ers', 'E', [
    [2000, 'First Union Center', 'Philadelphia, Pennsylvania', 'ET'],
    [2004, 'Wachovia Center', 'Philadelphia, Pennsylvania', 'ET'],
    [2011, 'Wells Fargo Center', 'Philadelphia, Pennsylvania', 'ET'],
  ]),
  one('PHO', 'Phoenix Suns', 'Suns', 'W', [
    [2000, 'America West Arena', 'Phoenix, Arizona', 'MT'],
    [2007, 'US Airways Center', 'Phoenix, Arizona', 'MT'],
    [2016, 'Talking Stick Resort Arena', 'Phoenix, Arizona', 'MT'],
    [2021, 'Phoenix Suns Arena', 'Phoenix, Arizona', 'MT'],
    [2022, 'Footprint Center', 'Phoenix, Arizona', 'MT'],
  ]),
  one('POR', 'Portland Trail Blazers', 'Trail Blazers', 'W', [
    [2000, 'Rose Garden Arena', 'Portland, Oregon', 'PT'],
    [2014, 'Moda Center', 'Portland, Oregon', 'PT'],
  ]),
  one('SAC', 'Sacramento Kings', 'Kings', 'W', [
    [2000, 'ARCO Arena (II)', 'Sacramento, California', 'PT'],
    [2012, 'Power Balance Pavilion', 'Sacramento, California', 'PT'],
    [2013, 'Sleep Train Arena', 'Sacramento, California', 'PT'],
    [2017, 'Golden 1 Center', 'Sacramento, California', 'PT'],
  ]),
  one('SAS', 'San Antonio Spurs', 'Spurs', 'W', [
    [2000, 'Alamodome', 'San Antonio, Texas', 'CT'],
    [2003, 'SBC Center', 'San Antonio, Texas', 'CT'],
    [2007, 'AT&T Center', 'San Antonio, Texas', 'CT'],
    [2024, 'Frost Bank Center', 'San Antonio, Texas', 'CT'],
  ]),
  one('TOR', 'Toronto Raptors', 'Raptors', 'E', [
    [2000, 'Air Canada Centre', 'Toronto, Canada', 'ET'],
    [2019, 'Scotiabank Arena', 'Toronto, Canada', 'ET'],
  ]),
  one('UTA', 'Utah Jazz', 'Jazz', 'W', [
    [2000, 'Delta Center', 'Salt Lake City, Utah', 'MT'],
    [2007, 'EnergySolutions Arena', 'Salt Lake City, Utah', 'MT'],
    [2016, 'Vivint Smart Home Arena', 'Salt Lake City, Utah', 'MT'],
    [2021, 'Vivint Arena', 'Salt Lake City, Utah', 'MT'],
    [2024, 'Delta Center', 'Salt Lake City, Utah', 'MT'],
  ]),
  one('WAS', 'Washington Wizards', 'Wizards', 'E', [
    [2000, 'MCI Center', 'Washington, District of Columbia', 'ET'],
    [2007, 'Verizon Center', 'Washington, District of Columbia', 'ET'],
    [2018, 'Capital One Arena', 'Washington, District of Columbia', 'ET'],
  ]),
];

const cache = new Map<number, readonly SeasonTeam[]>();

/** Every team of a season, ordered by code. Throws for seasons before FIRST_REPLAY_SEASON. */
export function teamsForSeason(season: number): readonly SeasonTeam[] {
  if (!Number.isInteger(season) || season < FIRST_REPLAY_SEASON) {
    throw new RangeError(`the replay site generates seasons from ${FIRST_REPLAY_SEASON} on, not ${season}`);
  }
  const hit = cache.get(season);
  if (hit) return hit;
  const teams: SeasonTeam[] = [];
  for (const f of FRANCHISES) {
    const era = f.eras.find((e) => e.from <= season && season <= e.to);
    if (!era) continue;
    let arena = f.arenas[0]!;
    for (const a of f.arenas) if (a[0] <= season) arena = a;
    teams.push({
      code: era.code,
      name: era.name,
      nickname: era.nickname,
      franchise: f.key,
      conference: era.conference,
      arena: arena[1],
      location: arena[2],
      timeZone: arena[3],
      capacity: 17_500 + (hashString(`capacity:${f.key}:${arena[1]}`) % 3_300),
    });
  }
  teams.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const frozen = Object.freeze(teams);
  cache.set(season, frozen);
  return frozen;
}

/** The team with this code in this season, or undefined. */
export function teamByCode(season: number, code: string): SeasonTeam | undefined {
  return teamsForSeason(season).find((t) => t.code === code);
}
