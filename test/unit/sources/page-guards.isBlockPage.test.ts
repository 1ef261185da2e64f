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

test('a complete page without div#content is not a block page (a layout change); a cut one is truncated', () => {
  const bare = '<html><head><title>Service</title></head><body><p>Please try later</p></body></html>\n';
  assert.equal(isBlockPage(bare), false);
  assert.equal(isBlockPage('<html><head><title>Service</title></head><body><p>Please'), false);
  assert.equal(isCompletePage('<html><head><title>Service</title></head><body><p>Please'), false);
  assert.equal(isCompletePage(bare), true);
  assert.equal(isBlockPage(''), false);
});

test('block pages are recognised by their titles and markers: Sports Reference, CDN, captcha', () => {
  const page = (title: string, body = '<p>Sorry.</p>') =>
    `<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>\n`;
  for (const title of [
    '429 error',
    'Too Many Requests (429 error) | Basketball-Reference.com',
    '429 Too Many Requests',
    'Access Denied',
    'Access denied | www.basketball-reference.com used Cloudflare to restrict access',
    'Access Blocked | Basketball-Reference.com',
    'Blocked',
    '403 Forbidden',
    'Attention Required! | Cloudflare',
    'Just a moment...',
  ]) {
    assert.equal(isBlockPage(page(title)), true, title);
  }
  for (const body of [
    '<div id="cf-challenge-running"></div>',
    '<div class="g-recaptcha" data-sitekey="x"></div>',
    '<script src="https://hcaptcha.com/1/api.js"></script><div class="h-captcha"></div>',
  ]) {
    assert.equal(isBlockPage(page('Please wait', body)), true, body);
  }
  // small pages without div#content that say so in their heading or text
  assert.equal(isBlockPage(page('Error', '<h1>Access Denied</h1><p>Reference #18.2f</p>')), true);
  assert.equal(isBlockPage(page('Error', '<p>Your IP address has been blocked.</p>')), true);
  assert.equal(isBlockPage(page('Error', '<p>Please complete the captcha to continue.</p>')), true);
});

test('the words of block pages in a content page, or in a big page without div#content, are not a block', () => {
  const glossary =
    '<span data-tip="attempts blocked by the player">BLK%</span> <p>Too Many Requests? Access denied?</p>';
  const withContent = `<html><head><title>Box Score</title></head><body><div id="content">${glossary}</div></body></html>`;
  assert.equal(isBlockPage(withContent), false);
  // a real page that lost div#content in a redesign: hundreds of kilobytes, no block title
  const redesigned = `<html><head><title>Bucks vs Raptors, January 1, 2018 | Basketball-Reference.com</title></head><body><main id="main">${glossary}${'<p>row</p>'.repeat(10_000)}</main></body></html>`;
  assert.equal(isBlockPage(redesigned), false);
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
