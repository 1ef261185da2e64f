import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import {
  isBlockPage,
  isCompletePage,
  isNotFoundPage,
} from '../../../src/sources/basketball-reference/page-guards.ts';
import { FIXTURES_DIR, readFixture, skipWithoutFixtures } from '../../helpers/fixtures.ts';

/** What Sports Reference serves with a 429 when a client exceeds the limit (wording from a user's report). */
const RATE_LIMITED = `<!DOCTYPE html><html><head><title>429 error</title></head><body>
<h1>Rate Limited Request (429 error)</h1>
<p>We apologize, but you have triggered rate limiting by our cloud service provider.</p>
</body></html>`;

const CLOUDFLARE = `<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>
<div id="challenge-running"></div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>
</body></html>`;

test('the rate-limit page, a CDN challenge and a captcha page are block pages', () => {
  assert.equal(isBlockPage(RATE_LIMITED), true);
  assert.equal(isBlockPage(CLOUDFLARE), true);
  assert.equal(
    isBlockPage(
      '<html><head><title>Verify</title></head><body><div id="content"><div class="g-recaptcha"></div></div></body></html>',
    ),
    true,
  );
});

test('a complete page without div#content is a block page; a cut one is not (it is truncated)', () => {
  const bare = '<html><head><title>Service</title></head><body><p>Please try later</p></body></html>\n';
  assert.equal(isBlockPage(bare), true);
  assert.equal(isBlockPage('<html><head><title>Service</title></head><body><p>Please'), false);
  assert.equal(isCompletePage('<html><head><title>Service</title></head><body><p>Please'), false);
  assert.equal(isCompletePage(bare), true);
  assert.equal(isBlockPage(''), false);
});

test('no saved page is a block page; only the 404 page is the 404 page; all are complete', {
  skip: skipWithoutFixtures,
}, () => {
  for (const file of readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.html'))) {
    const html = readFixture(file);
    assert.equal(isBlockPage(html), false, file);
    assert.equal(isNotFoundPage(html), file === 'errors__404_page_not_found.html', file);
    assert.equal(isCompletePage(html), true, file);
    assert.equal(isCompletePage(html.slice(0, Math.floor(html.length * 0.9))), false, file);
  }
});
