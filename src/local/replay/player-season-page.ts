/**
 * The frame shared by the league-wide player season pages (totals, advanced): one row per player
 * and team in the 2024 markup (`ranker`, `name_display` with the player id in `data-append-csv`,
 * `age`, `team_name_abbr` linked unless it is a `2TM` / `3TM` summary, `pos`, the page's stat
 * cells, `awards`), `tr.partial_table` rows after a summary row, the `table.stats_table` of a part
 * of the season, and the tabbed `div#all_<id>` section that switches between the regular season
 * and playoffs tables, in a whole page.
 */
import type { SeasonPart } from '../../domain/player-totals.ts';
import { seasonLabel } from '../../domain/season-range.ts';
import { esc, playerHref, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import type { TotalsRow } from './season-totals.ts';

/** [data-stat, label, tip]. */
export type HeadColumn = readonly [string, string, string];

/** The columns every player season table starts with: who, then games, starts and minutes. */
export const LEADING_COLUMNS: readonly HeadColumn[] = [
  ['ranker', 'Rk', 'Rank'],
  ['name_display', 'Player', ''],
  ['age', 'Age', "Player's age on February 1 of the season"],
  ['team_name_abbr', 'Team', ''],
  ['pos', 'Pos', 'Position'],
  ['games', 'G', 'Games'],
  ['games_started', 'GS', 'Games Started'],
  ['mp', 'MP', 'Minutes Played'],
];

/** Numbers each player's rows for their `csk` (`Last First-1`), in page order. */
export function rowNumbering(): (r: TotalsRow) => number {
  const perPlayer = new Map<string, number>();
  return (r) => {
    if (!r.partial) return r.summary ? 0 : 1;
    const k = (perPlayer.get(r.player.id) ?? 0) + 1;
    perPlayer.set(r.player.id, k);
    return k;
  };
}

/** One player row: identity cells, then `cells` (rendered), then an empty awards cell. */
export function playerRow(season: number, r: TotalsRow, k: number, cells: string): string {
  const nameCsk = `${r.player.name.last} ${r.player.name.first}-${k}`;
  const team = r.summary ? r.team : `<a href="${teamHref(r.team, season)}">${r.team}</a>`;
  return (
    `<tr ${r.partial ? 'class="partial_table" ' : ''}> <th scope="row" class="right " data-stat="ranker" csk="${r.rank}" >${r.rank}</th> ` +
    `<td class="left " data-append-csv="${r.player.id}" data-stat="name_display" csk="${esc(nameCsk)}" ><a href="${playerHref(r.player.id)}">${esc(r.player.display)}</a></td> ` +
    `<td class="right " data-stat="age" >${r.player.age}</td> <td class="left " data-stat="team_name_abbr" >${team}</td> ` +
    `<td class="center " data-stat="pos" >${r.player.position}</td> ${cells} ` +
    `<td class="left iz" data-stat="awards" ></td> </tr>`
  );
}

/** The `League Average` row closing a body. */
export function leagueAverageRow(cells: string): string {
  return (
    `<tr class="norank" > <th scope="row" class="right " data-stat="ranker" ></th> <td class="left " data-stat="name_display" csk="zzzzz" >League Average</td> ` +
    `<td class="right " data-stat="age" ></td> <td class="left " data-stat="team_name_abbr" ></td> <td class="center " data-stat="pos" ></td> ${cells} <td class="left " data-stat="awards" ></td> </tr>`
  );
}

/** The table of one part of the season. */
export function partTable(
  id: string,
  caption: string,
  head: readonly HeadColumn[],
  part: SeasonPart,
  rows: readonly string[],
): string {
  const ths = head
    .map(
      ([stat, label, tip]) =>
        `<th aria-label="${label}" data-stat="${stat}" scope="col" class=" poptip center"${tip ? ` data-tip="${tip}"` : ''} >${label}</th>`,
    )
    .join(' ');
  return `<table class="stats_table sortable soc" id="${id}" data-cols-to-freeze="2,4" data-soc-sum-phase-type="${part === 'regular' ? 'reg' : 'post'}"> <caption>${caption} Table</caption> <colgroup>${'<col>'.repeat(head.length)}</colgroup> <thead> 
<tr> ${ths} </tr> </thead> <tbody>
${rows.join(' \n')} </tbody> </table>`;
}

/** One part's table and the records it shows. */
export interface RenderedPart<T> {
  html: string;
  truth: T[];
}

export interface PlayerSeasonPageSpec<T> {
  season: number;
  /** Id of the regular season table (`totals_stats`, `advanced`); the playoffs one adds `_post`. */
  id: string;
  /** `Totals`, `Advanced`. */
  label: string;
  /** Path suffix: `totals`, `advanced`. */
  slug: string;
  regular: RenderedPart<T>;
  /** Null when the page has no playoffs table. */
  playoffs: RenderedPart<T> | null;
  headerScores: string;
}

/** The whole page around the two tables, and the records of both. */
export function renderPlayerSeasonPage<T>(spec: PlayerSeasonPageSpec<T>): RenderedPart<T> {
  const { season, id, label: what } = spec;
  const label = seasonLabel(season);
  const post = `${id}_post`;
  const heading = (
    tid: string,
    hidden: boolean,
  ): string => `<div class="section_heading${hidden ? ' hidden' : ''} assoc_${tid}" id="${tid}_sh">
  <span class="section_anchor" id="${tid}_link" data-label="${what}" data-no-inpage="1"></span><h2>${what}</h2>
</div>`;
  const playoffs =
    spec.playoffs === null
      ? ''
      : `
	<div class="table_container tabbed" id="div_${post}">
		${spec.playoffs.html}
	</div>`;
  const content = `<div id="all_${id}" class="table_wrapper tabbed">
${heading(id, false)}
${heading(post, true)}
<div class="filter switcher" data-controls="#switcher_${id}">
<div class=" current">
	<a class="sr_preset" data-show=".assoc_${id}">Regular Season</a>
</div><div class="">
	<a class="sr_preset" data-show=".assoc_${post}">Playoffs</a>
</div></div>
<div id="switcher_${id}">
	<div class="table_container tabbed current" id="div_${id}">
		${spec.regular.html}
	</div>${playoffs}</div>
</div>`;
  const title = what === 'Totals' ? 'Player Totals' : `Player ${what}`;
  const info = `<div id="info" class="seasons">
	<div id="meta">
		<div>
			<h1><span>${label}</span> <span>NBA</span> <span class="header_end">Player Stats: ${what}</span></h1>
		</div>
	</div>
</div>`;
  const html = renderPage({
    title: `${label} NBA Player Stats: ${what} | Basketball-Reference.com`,
    description: `Generated player season ${what.toLowerCase()} of the ${label} season on the nba-scraper replay site`,
    canonical: `/leagues/NBA_${season}_${spec.slug}.html`,
    section: 'leagues',
    crumbs: [
      ['Leagues', '/leagues/'],
      [`${label} NBA`, `/leagues/NBA_${season}.html`],
      [title, null],
    ],
    headerScores: spec.headerScores,
    info,
    content,
  });
  return { html, truth: [...spec.regular.truth, ...(spec.playoffs?.truth ?? [])] };
}
