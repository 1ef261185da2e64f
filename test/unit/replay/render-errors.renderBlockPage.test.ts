import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlockedError } from '../../../src/errors/blocked-error.ts';
import {
  render404Page,
  renderBlockPage,
  renderRateLimitPage,
  renderServerErrorPage,
} from '../../../src/local/replay/render-errors.ts';
import { parseBoxScore } from '../../../src/sources/basketball-reference/box-score-page.ts';
import { parsePage } from '../../../src/sources/basketball-reference/index.ts';
import {
  hasContentDiv,
  isBlockPage,
  isCompletePage,
  isNotFoundPage,
} from '../../../src/sources/basketball-reference/page-guards.ts';

test('the replay site block and 429 pages are block pages; its 404 and 5xx pages are not', () => {
  assert.equal(isBlockPage(renderBlockPage(42)), true);
  assert.equal(isBlockPage(renderRateLimitPage(30)), true);
  assert.equal(isBlockPage(render404Page('')), false);
  assert.equal(isNotFoundPage(render404Page('')), true);
  assert.equal(isBlockPage(renderServerErrorPage(503)), false);
});

/** The page without what only the replay has: its element ids, and a title replaced by a plain one. */
function withoutReplayMarks(html: string): string {
  return html
    .replace(/\sid="replay_[a-z_]+"/g, '')
    .replace(/<title>[^<]*<\/title>/, '<title>Basketball-Reference.com</title>');
}

test('the guards recognise the block and 429 pages by what the real rate-limit page says, not by replay ids or titles', () => {
  for (const html of [
    renderBlockPage(1),
    renderBlockPage(60),
    renderRateLimitPage(1),
    renderRateLimitPage(45),
  ]) {
    // the words of Sports Reference's rate-limit page, which the guards take as a block anywhere
    assert.match(html, /triggered rate limiting by our cloud service provider/);
    const plain = withoutReplayMarks(html);
    assert.doesNotMatch(plain, /replay_/);
    assert.equal(isBlockPage(plain), true, plain);
    // small, complete pages without the site's div#content, like the real one
    assert.equal(hasContentDiv(html), false);
    assert.equal(isCompletePage(html), true);
  }
  assert.match(renderRateLimitPage(30), /<h1>Rate Limited Request \(429 error\)<\/h1>/);
});

test('the block and 429 pages take the parsers down the BlockedError path', () => {
  for (const html of [renderBlockPage(30), renderRateLimitPage(30)]) {
    assert.throws(() => parsePage(html), BlockedError);
    assert.throws(() => parseBoxScore(html, '201801010TOR'), BlockedError);
  }
});
