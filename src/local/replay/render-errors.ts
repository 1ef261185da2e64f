/**
 * The replay site's non-content pages: the 404 page in the site's structure (title
 * `Page Not Found (404 error) | Basketball-Reference.com`, canonical `/404.html`), the block
 * page a client gets after ignoring rate limits, the 429 page and the 5xx page.
 *
 * The block and 429 pages are built like the real site's rate-limit page, so the production
 * page guards recognise them the way they recognise that page, with nothing replay-specific:
 * small pages without `div#content`, whose body says the client "triggered rate limiting by
 * our cloud service provider" (the 429 page also has the heading `Rate Limited Request (429
 * error)`), under block-page titles (`Access Blocked | ...`, `Too Many Requests (429 error) |
 * ...`). Their `div#replay_block` / `div#replay_rate_limited` only let the replay's own tests
 * find them; the guards do not look at these ids.
 */
import { renderPage } from './page-layout.ts';

export function render404Page(headerScores: string): string {
  return renderPage({
    title: 'Page Not Found (404 error) | Basketball-Reference.com',
    description: 'The requested page does not exist on the replay site',
    canonical: '/404.html',
    section: 'none',
    crumbs: [['Page Not Found', null]],
    headerScores,
    contentClass: 'index reading',
    content: `	<h1>Page Not Found (404 error)</h1>
<div class="section_wrapper" id="all_not_found">    <div class="section_content" id="div_not_found">
<p>The replay site has no page at this address.</p>
<p>It serves generated seasons (schedule, box score and totals pages) and, when configured, saved copies of real pages.
Check the season and the game id, or list the generated seasons at <a href="/__replay/seasons">/__replay/seasons</a>.</p>
    </div>
</div>`,
  });
}

/** The page sent with 403 (or as configured) while a client is blocked. */
export function renderBlockPage(minutesLeft: number): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Access Blocked | Basketball-Reference.com</title>
</head>
<body>
<div id="replay_block" class="block_notice">
<h1>Access Blocked</h1>
<p>We are sorry, but you have triggered rate limiting by our cloud service provider and kept sending requests, so your client is blocked for about ${minutesLeft} more minute${minutesLeft === 1 ? '' : 's'}.</p>
<p>Keep under the published request rate and honour Retry-After to avoid this.</p>
</div>
</body>
</html>
`;
}

/** The page sent with 429 and Retry-After to a client over the limit. */
export function renderRateLimitPage(retryAfterSeconds: number): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Too Many Requests (429 error) | Basketball-Reference.com</title>
</head>
<body>
<div id="replay_rate_limited">
<h1>Rate Limited Request (429 error)</h1>
<p>We are sorry, but you have triggered rate limiting by our cloud service provider.</p>
<p>Slow down: retry in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.</p>
</div>
</body>
</html>
`;
}

export function renderServerErrorPage(status: number): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Server Error (${status}) | Basketball-Reference.com</title>
</head>
<body>
<h1>Server Error (${status})</h1>
<p>The replay site answered with an injected ${status} error.</p>
</body>
</html>
`;
}
