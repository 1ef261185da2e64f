import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { createSiteContent } from '../../../src/local/replay/content.ts';
import {
  breakLayout,
  decideFault,
  layoutBroken,
  noFaults,
  normaliseFaults,
} from '../../../src/local/replay/faults.ts';

test('no configuration means no faults, with documented defaults', () => {
  const f = normaliseFaults(null);
  assert.ok(noFaults(f));
  assert.equal(f.seed, 1);
  assert.equal(f.rateLimit, null);
  assert.deepEqual(decideFault(f, 'boxscore', '/boxscores/201801010TOR.html', 1), {
    type: 'none',
    latencyMs: 0,
  });
  const withLimit = normaliseFaults({ rateLimit: { maxPerMinute: 20 } });
  assert.deepEqual(withLimit.rateLimit, {
    maxPerMinute: 20,
    windowMs: 60_000,
    blockAfter: 3,
    blockMs: 3_600_000,
    blockStatus: 403,
    by: 'address',
  });
});

test('a bad configuration is rejected with every problem named', () => {
  assert.throws(
    () =>
      normaliseFaults({
        serverErrors: { rate: 2, statuses: [404] },
        resets: { rate: 0.5, phase: 'sometimes' },
        bogus: true,
        kinds: ['boxscore', 'nope'],
      }),
    (err: unknown) =>
      err instanceof RangeError &&
      /serverErrors\.rate must be a number from 0 to 1/.test(err.message) &&
      /serverErrors\.statuses must be a non-empty list of 5xx statuses/.test(err.message) &&
      /resets\.phase must be one of before-headers, mid-body, mixed/.test(err.message) &&
      /unknown fault "bogus"/.test(err.message) &&
      /kinds must be a list of/.test(err.message),
  );
  assert.throws(
    () => normaliseFaults({ serverErrors: { rate: 0.6 }, truncated: { rate: 0.6 } }),
    /add up to 1\.2/,
  );
  assert.throws(() => normaliseFaults('fast'), /must be a JSON object/);
});

test('per-request faults are deterministic for (seed, path, attempt) and follow their rates', () => {
  const f = normaliseFaults({
    seed: 7,
    serverErrors: { rate: 0.2 },
    resets: { rate: 0.1 },
    truncated: { rate: 0.05 },
    slowBody: { rate: 0.05, durationMs: 1000 },
    latency: { fixedMs: 5, jitterMs: 20 },
  });
  const counts = new Map<string, number>();
  const statuses = new Set<number>();
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const path = `/boxscores/2018${String(i).padStart(5, '0')}0TOR.html`;
    const d = decideFault(f, 'boxscore', path, 1);
    assert.deepEqual(decideFault(f, 'boxscore', path, 1), d);
    assert.ok(d.latencyMs >= 5 && d.latencyMs < 25);
    counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    if (d.type === 'server-error') statuses.add(d.status);
  }
  const share = (t: string): number => (counts.get(t) ?? 0) / n;
  assert.ok(Math.abs(share('server-error') - 0.2) < 0.015, `5xx ${share('server-error')}`);
  assert.ok(Math.abs(share('reset') - 0.1) < 0.01, `resets ${share('reset')}`);
  assert.ok(Math.abs(share('truncated') - 0.05) < 0.008, `truncated ${share('truncated')}`);
  assert.ok(Math.abs(share('slow-body') - 0.05) < 0.008, `slow ${share('slow-body')}`);
  assert.deepEqual([...statuses].sort(), [500, 502, 503]);
  // Another attempt of the same page is drawn afresh; another seed changes the draws.
  const path = '/leagues/NBA_2018_games.html';
  const attempts = Array.from({ length: 200 }, (_, i) => decideFault(f, 'season', path, i + 1).type);
  assert.ok(new Set(attempts).size > 1);
  const other = normaliseFaults({ seed: 8, serverErrors: { rate: 0.2 } });
  const differs = Array.from({ length: 200 }, (_, i) => `/p${i}`).some(
    (p) =>
      (decideFault(f, 'other', p, 1).type === 'server-error') !==
      (decideFault(other, 'other', p, 1).type === 'server-error'),
  );
  assert.ok(differs);
});

test('faults apply only to the configured page kinds', () => {
  const f = normaliseFaults({ kinds: ['boxscore'], serverErrors: { rate: 1 }, latency: { fixedMs: 50 } });
  assert.deepEqual(decideFault(f, 'season', '/leagues/NBA_2018_games.html', 1), {
    type: 'none',
    latencyMs: 0,
  });
  assert.equal(decideFault(f, 'boxscore', '/boxscores/201801010TOR.html', 1).type, 'server-error');
});

test('the layout fault breaks the same box scores every time, about `rate` of them', () => {
  const f = normaliseFaults({ seed: 3, layoutChange: { rate: 0.1 } });
  const ids = Array.from({ length: 5000 }, (_, i) => `2018${String(i).padStart(4, '0')}0BOS`);
  const broken = ids.filter((id) => layoutBroken(f, id));
  assert.deepEqual(
    ids.filter((id) => layoutBroken(normaliseFaults({ seed: 3, layoutChange: { rate: 0.1 } }), id)),
    broken,
  );
  assert.ok(broken.length > 400 && broken.length < 600, `${broken.length} broken`);
  // A higher rate keeps the pages already broken.
  const more = normaliseFaults({ seed: 3, layoutChange: { rate: 0.3 } });
  assert.ok(broken.every((id) => layoutBroken(more, id)));
  assert.equal(ids.filter((id) => layoutBroken(normaliseFaults({ seed: 3 }), id)).length, 0);
});

test('a broken page has no box-<TEAM>-game-basic table and renamed stat names', () => {
  const content = createSiteContent({ seasons: [2018] });
  const game = content.playedGames(2018)[40]!;
  const p = content.lookup(`/boxscores/${game.gameId}.html`);
  if (p?.type !== 'page') throw new Error('no page');
  const html = p.render();
  const $ = cheerio.load(breakLayout(html, 'both'));
  assert.equal($(`table#box-${game.home.code}-game-basic`).length, 0);
  assert.equal($(`table#players-${game.home.code.toLowerCase()}-summary`).length, 1);
  assert.equal($('[data-stat=pts]').length, 0);
  assert.ok($('[data-stat=points]').length > 20);
  const tableOnly = cheerio.load(breakLayout(html, 'rename-table'));
  assert.equal(tableOnly(`table#box-${game.visitor.code}-game-basic`).length, 0);
  assert.ok(tableOnly('[data-stat=pts]').length > 20);
  assert.equal(tableOnly(`table#box-${game.visitor.code}-q1-basic`).length, 1);
});
