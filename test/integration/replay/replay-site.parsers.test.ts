/**
 * Round trip: the project's real basketball-reference parsers read the replay site's generated
 * pages (fetched over HTTP) and must give back the generator's ground truth, field by field.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ScheduleGame } from '../../../src/domain/game.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import type { GroundTruthGame, SeasonGroundTruth } from '../../../src/local/replay/content.ts';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';
import {
  detectKind,
  isBlockPage,
  isNotFoundPage,
  parseBoxScore,
  parsePlayerTotals,
  parseSchedule,
} from '../../../src/sources/basketball-reference/index.ts';

const SEASONS = [2018, 2024];
let site: ReplaySite;
const truths = new Map<number, SeasonGroundTruth>();

before(async () => {
  site = await createReplaySite({ seasons: SEASONS });
  for (const s of SEASONS) truths.set(s, site.groundTruth(s));
});

after(() => site.close());

async function page(path: string): Promise<string> {
  const res = await fetch(site.url + path);
  assert.equal(res.status, 200, path);
  return res.text();
}

/**
 * What a schedule page can tell: the true type when the month has a Playoffs divider (seasons up
 * to 2018-19, months with both parts), `play-in` from the notes, otherwise nothing.
 */
function expectedListing(g: GroundTruthGame, monthHasDivider: boolean): ScheduleGame {
  const { played: _played, playoffRound: _round, gameNumber: _n, ...listing } = g;
  const gameType = monthHasDivider ? g.gameType : g.remarks === 'Play-In Game' ? 'play-in' : null;
  return { ...listing, gameType };
}

test('schedule pages parse to the ground truth: months, month shown and every game', async () => {
  for (const season of SEASONS) {
    const truth = truths.get(season)!;
    for (const [i, month] of truth.months.entries()) {
      const parsed = parseSchedule(await page(month.path), season);
      assert.equal(parsed.season, season);
      assert.deepEqual(parsed.months, truth.months);
      assert.equal(parsed.month, month.slug);
      const ids = new Set(parsed.games.map((g) => g.gameId));
      const inMonth = truth.games.filter((g) => ids.has(g.gameId));
      assert.equal(parsed.games.length, inMonth.length);
      const divider =
        season <= 2019 &&
        inMonth.some((g) => g.gameType === 'regular') &&
        inMonth.some((g) => g.gameType === 'playoffs');
      const expected = new Map(inMonth.map((g) => [g.gameId, expectedListing(g, divider)]));
      for (const game of parsed.games)
        assert.deepEqual(game, expected.get(game.gameId), `${month.slug} ${game.gameId}`);
      if (i === 0) {
        const seasonPage = parseSchedule(await page(`/leagues/NBA_${season}_games.html`), season);
        assert.deepEqual(seasonPage, parsed);
      }
    }
  }
});

test('box score pages parse to the ground truth BoxScore, field by field', async () => {
  for (const season of SEASONS) {
    const games = truths.get(season)!.games;
    const sample = games.filter(
      (g, i) =>
        i % 97 === 0 ||
        g.overtimes >= 2 ||
        g.gameType === 'play-in' ||
        g.playoffRound === 'Finals' ||
        g.remarks !== null,
    );
    assert.ok(sample.length > 20);
    for (const g of sample.slice(0, 25)) {
      const parsed = parseBoxScore(await page(`/boxscores/${g.gameId}.html`), g.gameId);
      assert.deepEqual(parsed, site.boxScore(g.gameId), g.gameId);
    }
  }
});

test('the totals page parses to the ground truth player totals', async () => {
  for (const season of SEASONS) {
    const parsed = parsePlayerTotals(await page(`/leagues/NBA_${season}_totals.html`), season);
    const truth = site.playerTotals(season);
    assert.equal(parsed.length, truth.length);
    assert.deepEqual(parsed, truth);
  }
});

test('an ongoing season parses with unplayed games and the months listed so far', async () => {
  site.setAsOf('2024-01-15');
  try {
    const truth = site.groundTruth(2024);
    const january = truth.months.find((m) => m.slug === 'january')!;
    const parsed = parseSchedule(await page(january.path), 2024);
    assert.deepEqual(parsed.months, truth.months);
    const byId = new Map(truth.games.map((g) => [g.gameId, g]));
    const unplayed = parsed.games.filter((g) => g.status === 'scheduled');
    assert.ok(unplayed.length > 50);
    for (const game of parsed.games) assert.deepEqual(game, expectedListing(byId.get(game.gameId)!, false));
  } finally {
    site.setAsOf(null);
  }
});

test('the parsers recognise the kinds of generated pages, the 404 page, and rate-limit / block pages', async () => {
  const box = truths.get(2018)!.games[50]!.gameId;
  assert.equal(detectKind(await page('/leagues/NBA_2018_games.html')), 'season');
  assert.equal(detectKind(await page('/leagues/NBA_2018_games-february.html')), 'schedule');
  const boxHtml = await page(`/boxscores/${box}.html`);
  assert.equal(detectKind(boxHtml), 'boxscore');
  assert.equal(isBlockPage(boxHtml), false);
  assert.equal(detectKind(await page('/leagues/NBA_2018_totals.html')), 'totals');
  const missing = await (await fetch(`${site.url}/nowhere.html`)).text();
  assert.equal(isNotFoundPage(missing), true);
  site.setFaults({ rateLimit: { maxPerMinute: 1, windowMs: 60_000, blockAfter: 1, blockMs: 60_000 } });
  try {
    const bodies: string[] = [];
    for (let i = 0; i < 3; i++) bodies.push(await (await fetch(`${site.url}/boxscores/${box}.html`)).text());
    assert.equal(isBlockPage(bodies[0]!), false);
    assert.equal(isBlockPage(bodies[1]!), true, 'the 429 page');
    assert.equal(isBlockPage(bodies[2]!), true, 'the block page');
  } finally {
    site.setFaults(null);
  }
});

test('pages broken by the layout fault make the box score parser throw ParseError', async () => {
  site.setFaults({ seed: 2, layoutChange: { rate: 0.02 } });
  try {
    const broken = site.permanentFaults(2018);
    assert.ok(broken.length > 10);
    for (const id of broken.slice(0, 5)) {
      const html = await page(`/boxscores/${id}.html`);
      assert.throws(() => parseBoxScore(html, id), ParseError, id);
    }
  } finally {
    site.setFaults(null);
  }
});
