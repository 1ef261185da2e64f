/**
 * Minimal hand-written pages with the structure the parsers look for (never copied from the
 * site): a head with the page's own URLs and a `div#content`.
 */
export function syntheticPage(options: {
  canonical?: string;
  title?: string;
  content: string;
  header?: string;
}): string {
  const canonical = options.canonical
    ? `<link rel="canonical" href="https://www.basketball-reference.com${options.canonical}" />`
    : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en" class="no-js"><head>',
    `<title>${options.title ?? 'Synthetic page'}</title>`,
    canonical,
    '</head><body>',
    `<div id="header">${options.header ?? ''}</div>`,
    `<div id="content">${options.content}</div>`,
    '</body></html>',
  ].join('\n');
}
