/**
 * Round trip of the season-level pages: the real basketball-reference parsers read the replay
 * site's generated season summary, team, advanced, draft and awards pages (over HTTP) and must
 * give back the site's ground truth record for record, for a season of the three-point era with
 * conference tables, for the site's first season, and for a season in progress.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createReplaySite, type ReplaySite } from '../../../src/local/replay/replay-site.ts';
import { FIRST_REPLAY_SEASON } from '../../../src/local/replay/teams.ts';
import {
  detectKind,
  parseAwards,
  parseDraft,
  parsePlayerAdvanced,
  parseStandings,
  parseTeamSeason,
} from '../../../src/sources/basketball-reference/index.ts';

const SEASONS = [FIRST_REPLAY_SEASON, 2024];
let site: ReplaySite;

before(async () => {
  site = await createReplaySite({ seasons: SEASONS });
});

after(() => site.close());

async function page(path: string): Promise<string> {
  const res = await fetch(site.url + path);
  assert.equal(res.status, 200, path);
  return res.text();
}

/** Regular-season games played per team, from the schedule's ground truth. */
function playedPerTeam(season: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of site.groundTruth(season).games) {
    if (!g.played || g.gameType !== 'regular') continue;
    for (const t of [g.visitor.code, g.home.code]) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

test('season summary pages parse to the ground truth standings, with W-L from the played games', async () => {
  for (const season of SEASONS) {
    const html = await page(`/leagues/NBA_${season}.html`);
    assert.equal(detectKind(html), 'summary');
    const parsed = parseStandings(html, season);
    assert.deepEqual(parsed, site.standings(season));
    const played = playedPerTeam(season);
    const divisions = parsed.filter((r) => r.grouping === 'division');
    assert.equal(divisions.length, played.size, 'each team once in the division tables');
    for (const r of divisions) assert.equal(r.wins + r.losses, played.get(r.team), r.team);
    assert.equal(
      parsed.some((r) => r.grouping === 'conference'),
      season >= 2017,
      'conference tables from 2016-17 on',
    );
    assert.equal(new Set(divisions.map((r) => r.group)).size, season < 2005 ? 4 : 6);
    const inPlayoffs = new Set(
      site
        .groundTruth(season)
        .games.filter((g) => g.gameType === 'playoffs')
        .flatMap((g) => [g.home.code, g.visitor.code]),
    );
    assert.deepEqual(new Set(divisions.filter((r) => r.playoffs).map((r) => r.team)), inPlayoffs);
  }
});

test('every team page parses to its ground truth: roster, team and opponent stats, ratings', async () => {
  for (const season of SEASONS) {
    const truths = site.teamSeasons(season);
    const played = playedPerTeam(season);
    assert.equal(truths.length, played.size);
    for (const truth of truths) {
      const html = await page(`/teams/${truth.team}/${season}.html`);
      const parsed = parseTeamSeason(html, season, truth.team);
      assert.deepEqual(parsed, truth, `${truth.team} ${season}`);
      const total = parsed.stats.find((s) => s.side === 'team' && s.basis === 'total')!;
      assert.equal(total.stats.g, played.get(truth.team));
      assert.ok(parsed.roster.length >= 13, `${truth.team} lists its players`);
    }
    assert.equal(detectKind(await page(`/teams/${truths[0]!.team}/${season}.html`)), 'team');
  }
});

test('the advanced page parses to the ground truth, multi-team rows and playoffs included', async () => {
  for (const season of SEASONS) {
    const html = await page(`/leagues/NBA_${season}_advanced.html`);
    assert.equal(detectKind(html), 'advanced');
    const parsed = parsePlayerAdvanced(html, season);
    assert.deepEqual(parsed, site.playerAdvanced(season));
    assert.ok(
      parsed.some((r) => r.team === '3TM'),
      'the player traded twice',
    );
    assert.ok(parsed.some((r) => r.part === 'playoffs'));
    const totals = site.playerTotals(season);
    assert.equal(parsed.length, totals.length, 'one row per totals row');
  }
});

test('draft and awards pages of finished seasons parse to the ground truth', async () => {
  for (const season of SEASONS) {
    const draft = await page(`/draft/NBA_${season}.html`);
    assert.equal(detectKind(draft), 'draft');
    const picks = parseDraft(draft, season);
    assert.deepEqual(picks, site.draft(season));
    assert.deepEqual(new Set(picks.map((p) => p.round)), new Set([1, 2]));
    const awards = await page(`/awards/awards_${season}.html`);
    assert.equal(detectKind(awards), 'awards');
    const entries = parseAwards(awards, season);
    assert.deepEqual(entries, site.awards(season));
    for (const award of ['mvp', 'roy', 'coy', 'all_nba', 'all_defense', 'all_rookie'])
      assert.ok(
        entries.some((e) => e.award === award && e.winner),
        award,
      );
    assert.ok(awards.includes('<!--') && /<!--[\s\S]*id="coy"/.test(awards), 'coy inside a comment');
  }
});

test('a season in progress: standings of the played games only, no draft or awards yet', async () => {
  site.setAsOf('2024-01-15');
  try {
    const parsed = parseStandings(await page('/leagues/NBA_2024.html'), 2024);
    assert.deepEqual(parsed, site.standings(2024));
    const played = playedPerTeam(2024);
    for (const r of parsed) assert.equal(r.wins + r.losses, played.get(r.team), r.team);
    assert.ok(parsed.every((r) => r.wins + r.losses < 50 && !r.playoffs));
    const advanced = parsePlayerAdvanced(await page('/leagues/NBA_2024_advanced.html'), 2024);
    assert.deepEqual(advanced, site.playerAdvanced(2024));
    assert.ok(advanced.every((r) => r.part === 'regular'));
    const team = site.teamSeasons(2024)[0]!;
    assert.deepEqual(parseTeamSeason(await page(`/teams/${team.team}/2024.html`), 2024), team);
    for (const path of ['/draft/NBA_2024.html', '/awards/awards_2024.html'])
      assert.equal((await fetch(site.url + path)).status, 404, path);
    assert.equal(site.draft(2024), null);
    assert.equal(site.awards(2024), null);
    assert.equal((await fetch(`${site.url}/__replay/seasons/2024/draft.json`)).status, 404);
  } finally {
    site.setAsOf(null);
  }
});

test('the control endpoints serve the same ground truth', async () => {
  const get = async (name: string): Promise<unknown> => {
    const res = await fetch(`${site.url}/__replay/seasons/2024/${name}.json`);
    assert.equal(res.status, 200, name);
    return res.json();
  };
  assert.deepEqual(await get('standings'), site.standings(2024));
  assert.deepEqual(await get('teams'), site.teamSeasons(2024));
  assert.deepEqual(await get('advanced'), site.playerAdvanced(2024));
  assert.deepEqual(await get('draft'), site.draft(2024));
  assert.deepEqual(await get('awards'), site.awards(2024));
  assert.equal((await fetch(`${site.url}/__replay/seasons/2024/nothing.json`)).status, 404);
});
