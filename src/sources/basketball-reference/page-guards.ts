/**
 * Pages that answer 200 but are not content. Cheap string tests on the raw HTML, run before any
 * DOM parsing.
 *
 * - Block pages: Sports Reference's rate-limit page (`<h1>Rate Limited Request (429 error)</h1>`,
 *   "you have triggered rate limiting by our cloud service provider"), Cloudflare challenge /
 *   captcha pages, and any complete HTML page without the site's `div#content` (every real page
 *   has one, the 404 page included).
 * - The site's 404 page (title `Page Not Found (404 error)`, canonical `/404.html`).
 * - Truncated bodies: every real page ends with `</html>`; a body cut short would otherwise parse
 *   into a silently shorter table.
 */

const BLOCK_MARKERS: readonly RegExp[] = [
  /Rate Limited Request/i,
  /\(429 error\)/i,
  /triggered rate limiting/i,
  /<title>\s*(?:Just a moment\.\.\.|Attention Required!|Access denied)/i,
  /cf-browser-verification|cf_chl_|challenge-platform|cf-turnstile/i,
  /g-recaptcha|h-captcha|hcaptcha\.com|captcha-delivery/i,
];

const CONTENT_DIV = /<div\b[^>]*\bid\s*=\s*["']?content["'\s>]/i;

/** The `<head>` part of a page (up to `</head>` or `<body>`; the first 200 000 characters when neither). */
export function headOf(html: string): string {
  const end = html.search(/<\/head\s*>|<body\b/i);
  return html.slice(0, end < 0 ? 200_000 : end);
}

/** True when the HTML is complete: it ends with `</html>` (trailing whitespace allowed). */
export function isCompletePage(html: string): boolean {
  return /<\/html>\s*$/i.test(html.slice(-4096));
}

/** True for the site's "Page Not Found (404 error)" page. */
export function isNotFoundPage(html: string): boolean {
  const head = headOf(html);
  return (
    /<title>\s*Page Not Found \(404 error\)/i.test(head) ||
    /<link\s+rel="canonical"\s+href="[^"]*\/404\.html"/i.test(head)
  );
}

/**
 * True when a 200 page is the site's (or its CDN's) block, rate-limit or captcha page, or a complete
 * page that has no `div#content`, instead of content. Never true for a real content page or the 404 page.
 */
export function isBlockPage(html: string): boolean {
  if (BLOCK_MARKERS.some((re) => re.test(html.slice(0, 50_000)))) {
    // Real pages never carry these markers (checked on every saved page); the 404 page neither.
    return true;
  }
  return isCompletePage(html) && !CONTENT_DIV.test(html);
}
