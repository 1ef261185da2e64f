/**
 * Pages that answer 200 but are not content. Cheap string tests on the raw HTML, run before any
 * DOM parsing.
 *
 * - Block pages, recognised positively (a block makes every worker hold off the host for a long
 *   time, so a page is never taken for one just because something is missing):
 *   - Sports Reference's rate-limit page (title `429 error`, `<h1>Rate Limited Request (429 error)</h1>`,
 *     "you have triggered rate limiting by our cloud service provider");
 *   - CDN block, challenge and captcha pages (Cloudflare `Just a moment...`, `Attention Required!`,
 *     `Access denied`, `cf-challenge`, `challenge-platform`, `cf-turnstile`, reCAPTCHA, hCaptcha).
 *   Title markers (`429`, `Too Many Requests`, `Access Denied`, `Access Blocked`, `Blocked`,
 *   `Forbidden`, `Rate Limited`, `Captcha`) count wherever the page came from; the same words in
 *   the page's `<h1>` or text ("blocked", "too many requests", "access denied", "captcha") count
 *   only on a small page (under 32 KB) without the site's `div#content`, since real content pages
 *   use them (box score glossaries say "two-point field goal attempts blocked").
 * - A page that is none of these and has no `div#content` is not a block page: it is a layout
 *   change, and the parsers throw ParseError for it.
 * - The site's 404 page (title `Page Not Found (404 error)`, canonical `/404.html`).
 * - Truncated bodies: every real page ends with `</html>`; a body cut short would otherwise parse
 *   into a silently shorter table.
 */

/** How much of a page the marker tests read: block pages are small, real pages have these markers nowhere. */
const SCAN = 50_000;

/** Markers no content page carries anywhere (checked on every saved page of the site). */
const BLOCK_MARKERS =
  /Rate Limited Request|\(429 error\)|triggered rate limiting|cf-browser-verification|cf_chl_|cf-challenge|challenge-platform|cf-turnstile|g-recaptcha|h-captcha|hcaptcha\.com|captcha-delivery/i;

/** Titles of block, rate-limit and challenge pages. */
const BLOCK_TITLE =
  /^(?:Just a moment\.\.\.|Attention Required!|Access (?:Denied|Blocked)\b|Blocked\b|Forbidden\b|403 Forbidden\b|Too Many Requests\b|Rate Limit(?:ed)?\b|429\b|Security Check\b|Captcha\b)|\b429 error\b|\bToo Many Requests\b|\bAccess (?:Denied|Blocked)\b|\bcaptcha\b/i;

/** Words of block pages, trusted only on small pages without `div#content`. */
const BLOCK_TEXT =
  /\bToo Many Requests\b|\bAccess (?:Denied|Blocked)\b|\bblocked\b|\bcaptcha\b|\brate[- ]limit/i;

/** Block pages are a few kilobytes; a real page that lost `div#content` would still be hundreds. */
const SMALL_PAGE = 32_000;

const CONTENT_DIV = /<div\b[^>]*\sid\s*=\s*["']?content["'\s>/]/i;

/** The `<head>` part of a page (up to `</head>` or `<body>`; the first 200 000 characters when neither). */
export function headOf(html: string): string {
  const end = html.search(/<\/head\s*>|<body\b/i);
  return html.slice(0, end < 0 ? 200_000 : end);
}

/** The text of the page's `<title>` (entities left as they are), or undefined. */
export function titleOf(html: string): string | undefined {
  return /<title\b[^>]*>([^<]*)<\/title\s*>/i.exec(headOf(html))?.[1]?.trim();
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

/** True when the page has the site's `div#content` (every real page does, the 404 page included). */
export function hasContentDiv(html: string): boolean {
  return CONTENT_DIV.test(html);
}

/** The visible words of a small page: tags, scripts and styles dropped. */
function roughText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}

/**
 * True when a 200 page is positively recognised as a block, rate-limit or captcha page (Sports
 * Reference's or its CDN's) instead of content. Never true for a real content page or the 404
 * page, nor for a page that merely lacks `div#content` (a layout change).
 */
export function isBlockPage(html: string): boolean {
  const start = html.slice(0, SCAN);
  if (BLOCK_MARKERS.test(start)) return true;
  const title = titleOf(start);
  if (title !== undefined && BLOCK_TITLE.test(title)) return true;
  if (html.length > SMALL_PAGE || hasContentDiv(html)) return false;
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html)?.[1];
  if (h1 !== undefined && BLOCK_TITLE.test(roughText(h1).trim())) return true;
  return BLOCK_TEXT.test(roughText(html));
}
