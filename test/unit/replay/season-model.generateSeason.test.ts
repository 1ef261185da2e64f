import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateOf } from '../../../src/local/replay/dates.ts';
import {
  generateSeason,
  listedGames,
  monthPages,
  type SeasonGame,
  type SeasonModel,
  seasonModel,
} from '../../../src/local/replay/season-model.ts';

function fingerprint(m: SeasonModel): string {
  return m.games
    .map(
      (g) =>
        `${g.gameId}:${g.startMinutes}:${g.lines.visitor.join(',')}/${g.lines.home.join(',')}:${g.attendance}`,
    )
    .join('\n');
}

test('the same season generates the same games, times and scores twice; other seasons differ', () => {
  const a = generateSeason(2018);
  const b = generateSeason(2018);
  assert.notEqual(a, b);
  assert.equal(fingerprint(a), fingerprint(b));
  assert.deepEqual(
    a.rosters.players.map((p) => p.id),
    b.rosters.players.map((p) => p.id),
  );
  const c = generateSeason(2019);
  const scores = (m: SeasonModel): string =>
    m.games.map((g) => `${g.visitorPoints}-${g.homePoints}`).join(',');
  assert.notEqual(scores(a), scores(c));
  assert.notDeepEqual(
    a.rosters.players.map((p) => p.id),
    c.rosters.players.map((p) => p.id),
  );
});

function regular(m: SeasonModel): SeasonGame[] {
  return m.games.filter((g) => g.gameType === 'regular');
}

test('a full season has 1230 regular games, 82 per team, 41 at home, no team twice a day', () => {
  const m = seasonModel(2018);
  const games = regular(m);
  assert.equal(m.teams.length, 30);
  assert.equal(games.length, 1230);
  const played = new Map<string, number>();
  const home = new Map<string, number>();
  const perDay = new Set<string>();
  for (const g of games) {
    played.set(g.home.code, (played.get(g.home.code) ?? 0) + 1);
    played.set(g.visitor.code, (played.get(g.visitor.code) ?? 0) + 1);
    home.set(g.home.code, (home.get(g.home.code) ?? 0) + 1);
    for (const code of [g.home.code, g.visitor.code]) {
      const key = `${g.day}:${code}`;
      assert.ok(!perDay.has(key), `${code} plays twice on ${g.date}`);
      perDay.add(key);
    }
  }
  assert.deepEqual(new Set(played.values()), new Set([82]));
  assert.deepEqual(new Set(home.values()), new Set([41]));
  assert.equal(new Set(m.games.map((g) => g.gameId)).size, m.games.length);
  for (const g of m.games)
    assert.match(g.gameId, new RegExp(`^${g.date.replaceAll('-', '')}0${g.home.code}$`));
  assert.equal(games[0]!.date, '2017-10-17');
  assert.equal(dateOf(games[games.length - 1]!.day).month, 4);
});

test('29-team seasons (2000-2004) and the 2011-12 lockout keep every team balanced', () => {
  for (const [season, teams, perTeam] of [
    [2001, 29, 82],
    [2004, 29, 82],
    [2012, 30, 66],
  ] as const) {
    const m = seasonModel(season);
    assert.equal(m.teams.length, teams, `${season} teams`);
    const games = regular(m);
    assert.equal(games.length, (teams * perTeam) / 2, `${season} games`);
    const count = new Map<string, number>();
    for (const g of games) {
      count.set(g.home.code, (count.get(g.home.code) ?? 0) + 1);
      count.set(g.visitor.code, (count.get(g.visitor.code) ?? 0) + 1);
    }
    assert.deepEqual(new Set(count.values()), new Set([perTeam]), `${season} games per team`);
  }
  assert.equal(regular(seasonModel(2012))[0]!.date, '2011-12-25');
});

interface Series {
  games: SeasonGame[];
  wins: Map<string, number>;
}

function seriesOf(m: SeasonModel): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const g of m.games) {
    if (!g.playoff) continue;
    const s: Series = out.get(g.playoff.seriesKey) ?? { games: [], wins: new Map() };
    out.set(g.playoff.seriesKey, s);
    s.games.push(g);
    const winner = g.homePoints > g.visitorPoints ? g.home.code : g.visitor.code;
    s.wins.set(winner, (s.wins.get(winner) ?? 0) + 1);
  }
  return out;
}

test('playoffs: 15 best-of-7 series of 16 teams, the better seed at home in games 1, 2, 5 and 7', () => {
  for (const season of [2018, 2024]) {
    const m = seasonModel(season);
    const series = seriesOf(m);
    assert.equal(series.size, 15, `${season} series`);
    const teams = new Set<string>();
    for (const [key, s] of series) {
      const wins = [...s.wins.values()].sort((a, b) => b - a);
      assert.equal(wins[0], 4, `${key} winner has 4 wins`);
      assert.ok((wins[1] ?? 0) <= 3, `${key} loser has at most 3 wins`);
      assert.ok(s.games.length >= 4 && s.games.length <= 7, `${key} lasts 4 to 7 games`);
      assert.deepEqual(
        s.games.map((g) => g.playoff!.gameNumber),
        s.games.map((_, i) => i + 1),
      );
      const high = s.games[0]!.home.code;
      const pattern = key === 'F' && season <= 2013 ? [0, 1, 5, 6] : [0, 1, 4, 6];
      s.games.forEach((g, i) => {
        assert.equal(g.home.code === high, pattern.includes(i), `${key} game ${i + 1} home`);
      });
      for (let i = 1; i < s.games.length; i++) assert.ok(s.games[i]!.day > s.games[i - 1]!.day);
      for (const g of s.games) {
        teams.add(g.home.code);
        teams.add(g.visitor.code);
      }
    }
    assert.equal(teams.size, 16, `${season} playoff teams`);
    const rounds = new Map<string, number>();
    for (const s of series.values()) {
      const round = s.games[0]!.playoff!.round;
      rounds.set(round, (rounds.get(round) ?? 0) + 1);
    }
    assert.equal(rounds.get('Eastern Conference First Round'), 4);
    assert.equal(rounds.get('Western Conference First Round'), 4);
    assert.equal(rounds.get('Eastern Conference Semifinals'), 2);
    assert.equal(rounds.get('Western Conference Finals'), 1);
    assert.equal(rounds.get('Finals'), 1);
    const finals = series.get('F')!;
    const champion = [...finals.wins].find(([, w]) => w === 4)![0];
    assert.equal(m.champion.code, champion);
    const lastRegular = Math.max(...regular(m).map((g) => g.day));
    assert.ok(m.games.filter((g) => g.gameType !== 'regular').every((g) => g.day > lastRegular));
  }
});

test('the Play-In exists from 2020-21 on: 6 games, 7v8 and 9v10 then one decider per conference', () => {
  assert.equal(seasonModel(2019).games.filter((g) => g.gameType === 'play-in').length, 0);
  for (const season of [2021, 2024]) {
    const m = seasonModel(season);
    const playIn = m.games.filter((g) => g.gameType === 'play-in');
    assert.equal(playIn.length, 6, `${season}`);
    assert.ok(playIn.every((g) => g.remarks === 'Play-In Game'));
    const firstPlayoff = m.games.find((g) => g.gameType === 'playoffs')!;
    assert.ok(playIn.every((g) => g.day < firstPlayoff.day));
    // The decider is played by the loser of 7v8 and the winner of 9v10.
    const last = playIn.filter((g) => g.day === Math.max(...playIn.map((x) => x.day)));
    assert.equal(last.length, 2);
    const eightSeeds = last.map((g) => (g.homePoints > g.visitorPoints ? g.home.code : g.visitor.code));
    const firstRound = m.games.filter(
      (g) => g.playoff?.round.endsWith('First Round') && g.playoff.gameNumber === 1,
    );
    for (const code of eightSeeds)
      assert.ok(
        firstRound.some((g) => g.visitor.code === code),
        `${code} plays a 1 seed`,
      );
  }
});

test('scores look like basketball: era scoring level, about 6% overtime games, 4 quarters + OTs', () => {
  const m = seasonModel(2024);
  const games = regular(m);
  const avg = games.reduce((a, g) => a + g.homePoints + g.visitorPoints, 0) / (2 * games.length);
  assert.ok(avg > 108 && avg < 121, `average points ${avg}`);
  const ot = games.filter((g) => g.overtimes > 0).length / games.length;
  assert.ok(ot > 0.03 && ot < 0.11, `overtime share ${ot}`);
  for (const g of m.games) {
    assert.equal(g.lines.home.length, 4 + g.overtimes);
    assert.notEqual(g.homePoints, g.visitorPoints);
    const reg = (l: number[]): number => l.slice(0, 4).reduce((a, b) => a + b, 0);
    if (g.overtimes > 0)
      assert.equal(reg(g.lines.home), reg(g.lines.visitor), `${g.gameId} tied after regulation`);
  }
  const homeWins = games.filter((g) => g.homePoints > g.visitorPoints).length / games.length;
  assert.ok(homeWins > 0.5 && homeWins < 0.65, `home win share ${homeWins}`);
});

test('month pages follow the games: October to June, and 2019-20 has two Octobers and no April-June', () => {
  const months = (season: number): string[] =>
    monthPages(listedGames(seasonModel(season), Infinity)).map((p) => p.slug);
  assert.deepEqual(months(2018), [
    'october',
    'november',
    'december',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
  ]);
  const y2020 = months(2020);
  assert.equal(y2020[0], 'october-2019');
  assert.equal(y2020[y2020.length - 1], 'october-2020');
  assert.ok(!y2020.includes('april') && !y2020.includes('may') && !y2020.includes('june'));
  assert.equal(months(2000)[0], 'november');
  assert.equal(months(2012)[0], 'december');
});

test('until the regular season ends only regular-season games are listed', () => {
  const m = seasonModel(2018);
  const lastRegular = Math.max(...regular(m).map((g) => g.day));
  assert.equal(listedGames(m, lastRegular - 1).length, 1230);
  const later = listedGames(m, lastRegular + 3);
  assert.ok(later.length > 1230 && later.length < m.games.length);
  assert.equal(listedGames(m, Infinity).length, m.games.length);
});

test('era-correct teams: codes and names change in the right seasons', () => {
  const codes = (season: number): string[] => seasonModel(season).teams.map((t) => t.code);
  assert.ok(codes(2012).includes('NJN') && codes(2013).includes('BRK'));
  assert.ok(codes(2014).includes('CHA') && codes(2015).includes('CHO'));
  assert.ok(codes(2013).includes('NOH') && codes(2014).includes('NOP'));
  assert.ok(codes(2008).includes('SEA') && codes(2009).includes('OKC'));
  assert.ok(codes(2001).includes('VAN') && codes(2002).includes('MEM'));
  assert.ok(codes(2002).includes('CHH') && !codes(2003).includes('CHH'));
  assert.ok(codes(2006).includes('NOK'));
});
