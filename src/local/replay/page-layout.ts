/**
 * The site-wide frame of every generated page, with the structure of basketball-reference.com's
 * 2024+ server pages: `html.no-js`, absolute canonical link, `div#wrap > div#header` with the
 * main navigation (whose `li#header_scores` carries its own `div.game_summaries` of the latest
 * scores, outside `div#content`), an optional `div#info` block, `div#content`, and the footer.
 * The wording, styles and scores are the replay site's own.
 */
import { esc } from './html.ts';

export const SITE_ORIGIN = 'https://www.basketball-reference.com';

export interface PageFrame {
  title: string;
  description: string;
  /** Path of the canonical URL (`/leagues/NBA_2018_games.html`). */
  canonical: string;
  /** Which main navigation entry is current. */
  section: 'leagues' | 'scores' | 'none';
  /** Breadcrumb trail after the home page: [label, href | null]. */
  crumbs: ReadonlyArray<readonly [string, string | null]>;
  /** Rendered `div.game_summary` blocks for the header's score menu (may be empty). */
  headerScores: string;
  /** Optional `div#info` block placed before `div#content`. */
  info?: string;
  /** Class of `div#content` (`box` on box scores). */
  contentClass?: string;
  content: string;
}

const STYLE = `html,body{margin:0;padding:0;font:14px/1.3 "Helvetica Neue",helvetica,arial,sans-serif;color:#111}
body{background:#d4d6d8}#wrap{background:#fff;max-width:1600px;margin:0 auto}
#header{background:#f1efed;border-bottom:3px solid #f2921a;min-height:50px;position:relative}
#header #nav ul{list-style:none;margin:0;padding:0}#header #main_nav>li{display:inline-block;padding:6px 12px;font-weight:bold}
#header #main_nav>li>div{display:none}#header #main_nav>li.hasmore:hover>div{display:block;position:absolute;background:#fff;z-index:9}
#subnav{display:flex;gap:12px;font-size:11px;background:#45433f;color:#ccc;margin:0;padding:3px 8px;list-style:none}
#subnav a{color:#ddd}.breadcrumbs{font-size:12px;padding:4px 12px}
#info{padding:8px 2%}#info h1{font-size:1.9em;margin:0 0 6px}.prevnext a{margin-right:14px}
#content{padding:0 2% 20px}#content h1{font-size:1.8em}
.filter{display:flex;flex-wrap:wrap;gap:4px;margin:10px 0}.filter>div{border:1px solid #ccc;padding:4px 9px;border-radius:3px}
.filter>div.current{background:#45433f}.filter>div.current a{color:#fff}
.section_heading h2{font-size:1.45em;margin:14px 0 4px}.placeholder{min-height:20px;background:#f5f5f5}
table.stats_table{border-collapse:collapse;font-size:12px;margin-bottom:12px}
table.stats_table th,table.stats_table td{padding:2px 5px;border-bottom:1px solid #e6e6e6;white-space:nowrap}
table.stats_table thead th{background:#f0f0ee;border-bottom:2px solid #999}table.stats_table tfoot td,table.stats_table tfoot th{font-weight:bold;border-top:2px solid #999}
tr.thead th{background:#ececec;color:#555}.right{text-align:right}.left{text-align:left}.center{text-align:center}
.iz{color:#888}.italic_text{font-style:italic}.gray_text{color:#777}tr.partial_table td,tr.partial_table th{color:#666}tr.norank{font-weight:bold}
.scorebox{display:flex;gap:24px;align-items:flex-start;padding:10px 0}.scorebox .score{font-size:2.4em;font-weight:800}
.scorebox_meta{font-size:12px;color:#333}.game_summaries .game_summary{display:inline-block;margin:4px;border:1px solid #ddd;padding:3px}
.game_summary tr.winner{font-weight:bold}.content_grid{display:flex;gap:20px;flex-wrap:wrap}
#footer{background:#45433f;color:#ddd;padding:18px 2%;font-size:12px}#footer a{color:#fff}
.block_notice{max-width:640px;margin:60px auto;padding:20px;border:2px solid #b12;background:#fff7f7}`;

const NAV: ReadonlyArray<readonly [string, string, string]> = [
  ['header_players', '/players/', 'Players'],
  ['header_teams', '/teams/', 'Teams'],
  ['header_leagues', '/leagues/', 'Seasons'],
  ['header_leaders', '/leaders/', 'Leaders'],
  ['header_scores', '/boxscores/', 'Scores'],
  ['header_draft', '/draft/', 'Draft'],
];

function header(frame: PageFrame): string {
  const items = NAV.map(([id, href, label]) => {
    const current =
      (id === 'header_leagues' && frame.section === 'leagues') ||
      (id === 'header_scores' && frame.section === 'scores');
    if (id === 'header_scores' && frame.headerScores !== '') {
      const cls = current ? 'hasmore current' : 'hasmore';
      return `<li id="${id}" class="${cls}"><a href="${href}">${label}</a><div><div class="list"><span>Latest games on the replay site</span></div>
<div class="game_summaries">
${frame.headerScores}
</div></div></li>`;
    }
    return `<li id="${id}" ${current ? 'class="current"' : ''}><a href="${href}">${label}</a></li>`;
  }).join('\n');
  const crumbs = frame.crumbs
    .map(([label, href]) =>
      href ? `<a href="${esc(href)}">${esc(label)}</a>` : `<strong>${esc(label)}</strong>`,
    )
    .join(' &gt; ');
  return `<div id="header" role="banner">
<ul id="subnav" class="notranslate">
	<li><a href="/">Replay Home</a></li>
	<li class="current"><a href="/leagues/">Basketball</a></li>
	<li><a href="/__replay/stats">Replay statistics</a></li>
</ul>
<a href="/"><img src="/replay-logo.svg" alt="Basketball-Reference.com Logo &amp; Link to home page" /></a>
<div id="nav_trigger" role="button"><a href="#site_menu_link">MENU</a></div>
<div id="nav" role="navigation" aria-label="Basketball-Reference.com sections">
	<ul id="main_nav" class="hoversmooth nohover">
${items}
	</ul>
	<div class="breadcrumbs">You are here: <a href="/">Home</a>${crumbs ? ` &gt; ${crumbs}` : ''}</div>
</div>
<div class="search"><form action="/search/search.fcgi" method="get"><input type="search" name="search" placeholder="Enter a person, team or season"><input type="submit" value="Search"></form></div>
</div>`;
}

const FOOTER = `<div id="footer" role="contentinfo">
	<div id="footer_header"><p>This page was generated by the nba-scraper replay site, a local stand-in used for tests and benchmarks.
	Its games, players and numbers are made up; its markup follows the structure of the real site's pages.</p></div>
	<div id="site_menu"><div class="section_heading"><span class="section_anchor" id="site_menu_link" data-label="Site Menu"></span><h2>Site Menu</h2></div>
	<ul>
		<li><a href="/leagues/">Seasons and leagues</a></li>
		<li><a href="/boxscores/">Scores</a></li>
		<li><a href="/teams/">Teams</a></li>
		<li><a href="/players/">Players</a></li>
	</ul></div>
</div>`;

/** A whole page. */
export function renderPage(frame: PageFrame): string {
  const contentClass = frame.contentClass ? ` class="${frame.contentClass}"` : '';
  return `
<!DOCTYPE html>
<html data-version="klecko-" data-root="/home/bbr/build" lang="en" class="no-js" >
<head>
    <meta charset="utf-8">
    <meta http-equiv="x-ua-compatible" content="ie=edge">
    <meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=2.0" />
    <meta name="generator" content="nba-scraper replay site">
    <title>${esc(frame.title)}</title>
    <meta name="Description" content="${esc(frame.description)}">
    <link rel="canonical" href="${SITE_ORIGIN}${frame.canonical}" />
<style>
${STYLE}
</style>
</head>
<body class="bbr">
<div id="wrap">
${header(frame)}
${frame.info ?? ''}
<div id="content" role="main"${contentClass}>
${frame.content}
</div><!-- div#content -->

${FOOTER}
</div>
</body>
</html>
`;
}
