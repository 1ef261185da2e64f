import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { NetworkError } from '../../../src/errors/network-error.ts';
import { PageNotFoundError } from '../../../src/errors/page-not-found-error.ts';
import { ParseError } from '../../../src/errors/parse-error.ts';
import { textOf } from '../../../src/sources/basketball-reference/dom.ts';
import { basketballReference, detectKind } from '../../../src/sources/basketball-reference/index.ts';
import {
  contentOf,
  loadPage,
  pageText,
  pageUrls,
  statedGameId,
  statedSeason,
  statedTeam,
} from '../../../src/sources/basketball-reference/page.ts';
import type { PageBody, PageKind } from '../../../src/sources/source.ts';
import { FIXTURES_DIR, readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';

const site = basketballReference;
const bytes = (html: string): Uint8Array => new TextEncoder().encode(html);

/** The records (or the error's class and message) of `body` parsed as a page of `kind`. */
function outcome(body: PageBody, kind: PageKind, html: string): unknown {
  const urls = pageUrls(html);
  const season = statedSeason(urls) ?? 0;
  try {
    switch (kind) {
      case 'boxscore':
        return site.parseBoxScore(body, statedGameId(urls) ?? '');
      case 'season':
      case 'schedule':
        return site.parseSchedule(body, season);
      case 'totals':
        return site.parsePlayerTotals!(body, season);
      case 'summary':
        return site.parseStandings!(body, season);
      case 'team':
        return site.parseTeamSeason!(body, season, statedTeam(urls));
      case 'advanced':
        return site.parsePlayerAdvanced!(body, season);
      case 'draft':
        return site.parseDraft!(body, season);
      case 'awards':
        return site.parseAwards!(body, season);
    }
  } catch (err) {
    return { error: (err as Error).constructor.name, message: (err as Error).message };
  }
}

test('every saved page parses to the same records from its bytes as from its text', {
  skip: skipWithoutFixtures,
}, () => {
  const names = readdirSync(FIXTURES_DIR).filter((n) => n.endsWith('.html'));
  let compared = 0;
  for (const name of names) {
    const html = readFixture(name);
    const kind = detectKind(html);
    if (kind === null) continue;
    const fromText = outcome(html, kind, html);
    assert.ok(
      !('error' in (fromText as object)),
      `${name} parses from its text: ${JSON.stringify(fromText)}`,
    );
    assert.deepEqual(outcome(bytes(html), kind, html), fromText, name);
    compared++;
  }
  assert.ok(compared >= 30, `compared ${compared} pages`);
});

test('a character of several bytes on the boundary of two decoded pieces is decoded whole', () => {
  // Each name ends on the boundary of the 32 KB pieces at one of the four byte positions of a
  // four-byte character, and of a two- and a three-byte one.
  for (const char of ['ć', '€', '𝄞']) {
    for (let shift = 0; shift < 4; shift++) {
      const head = '<html><head><title>t</title></head><body><div id="content"><p>';
      const filler = 'a'.repeat(32_768 - bytes(head).length - shift);
      const html = `${head}${filler}${char}${char}b</p></div></body></html>`;
      const content = contentOf(bytes(html));
      assert.ok(content !== undefined);
      assert.equal(textOf(content), `${filler}${char}${char}b`, `${char} at shift ${shift}`);
    }
  }
});

test('the guards answer the same for bytes: 404 page, truncated body, no div#content', () => {
  const notFound =
    '<html><head><title>Page Not Found (404 error) | Basketball-Reference.com</title></head><body><div id="content"></div></body></html>';
  assert.throws(() => loadPage(bytes(notFound), 'box score page'), PageNotFoundError);
  assert.throws(
    () =>
      loadPage(bytes('<html><head><title>x</title></head><body><div id="content"><p>cut'), 'box score page'),
    (err: unknown) => err instanceof NetworkError && /truncated \(\d+ bytes/.test(err.message),
  );
  const noContent = `<html><head><title>x</title></head><body>${'<p>text</p>'.repeat(4000)}</body></html>`;
  assert.throws(() => loadPage(bytes(noContent), 'box score page'), ParseError);
});

test("the title and URLs of a page read from bytes are its text's, non-Latin-1 characters included", () => {
  const html =
    '<html><head><title>Nikola Jokić &amp; Luka Dončić</title><link rel="canonical" href="https://www.basketball-reference.com/boxscores/201801010TOR.html"></head>' +
    '<body><div id="content"><h1>x</h1></div></body></html>';
  const page = loadPage(bytes(html), 'box score page');
  assert.equal(page.title(), 'Nikola Jokić & Luka Dončić');
  assert.equal(page.urls.canonical, 'https://www.basketball-reference.com/boxscores/201801010TOR.html');
  assert.equal(pageText(bytes(html)), html);
});
