/**
 * A season's draft `/draft/NBA_<Y>.html`: one live `table#stats` (caption `<N> Selections Table`).
 * Columns `ranker pick_overall team_id player college_name` then the player's NBA career
 * (`seasons g mp pts trb ast fg_pct fg3_pct ft_pct mp_per_g pts_per_g trb_per_g ast_per_g ws
 * ws_per_48 bpm vorp`, every cell empty for a player who never played).
 *
 * Rounds: the first round's `Round 1` over-header is in `thead`; each later round is announced
 * inside `tbody` by a `tr.over_header.thead` row (`Round 2`) and a repeated `tr.thead` header row,
 * both skipped. A row belongs to the last round announced before it (round 1 before any).
 * The pick is `pick_overall`, never the row's position: in 1965 the territorial picks come first
 * (picks 2, 3 and 10 before pick 1). The team is the `team_id` text (`NYK`; its link goes to the
 * franchise's draft page), the college empty for international picks. A row without a player is a
 * forfeited pick (2024: picks 59 and 60, whose rows keep only the team): nobody was selected, so
 * it is no DraftPick.
 */
import type { DraftPick } from '../../domain/draft.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody } from '../source.ts';
import { cleanText } from './cells.ts';
import { findTable } from './commented-tables.ts';
import { bodyRows, type Element, hasClass, textOf } from './dom.ts';
import { checkSeason, loadPage, ownStrings } from './page.ts';
import { cellsByStat, cellText, firstLink, linkHref, numberCell, requiredNumberCell } from './table-cells.ts';
import { playerIdFromPath } from './urls.ts';

const WHAT = 'draft page';

/** Columns that say who was picked, by whom, when. */
const NOT_CAREER = new Set(['ranker', 'pick_overall', 'team_id', 'player', 'college_name']);

/** The pick of one row; undefined for a forfeited pick (no player). */
function parsePick(tr: Element, n: number, season: number, round: number): DraftPick | undefined {
  const cells = cellsByStat(tr);
  const playerCell = cells.get('player');
  const name = cleanText(textOf((playerCell && firstLink(playerCell)) ?? playerCell));
  if (name === '') return undefined;
  const where = `${WHAT}, table#stats row ${n} ("${name}")`;
  const team = cellText(cells.get('team_id'));
  if (team === '') throw new ParseError(`${where}: no team`);
  const career: Record<string, number | null> = {};
  for (const [stat, cell] of cells) {
    if (!NOT_CAREER.has(stat)) career[stat] = numberCell(cell, `${where} ${stat}`);
  }
  return {
    season,
    round,
    pick: requiredNumberCell(cells.get('pick_overall'), `${where} pick_overall`),
    team,
    playerId: playerIdFromPath(linkHref(playerCell) ?? '') ?? null,
    name,
    college: cellText(cells.get('college_name')) || null,
    career,
  };
}

function parseRows(table: Element, season: number): DraftPick[] {
  const picks: DraftPick[] = [];
  let round = 1;
  bodyRows(table).forEach((tr, i) => {
    if (hasClass(tr, 'over_header')) {
      const m = /\bRound (\d+)\b/.exec(cleanText(textOf(tr)));
      if (!m) throw new ParseError(`${WHAT}: table#stats row ${i + 1} is an over-header without a round`);
      round = Number(m[1]);
    } else if (!hasClass(tr, 'thead')) {
      const pick = parsePick(tr, i + 1, season, round);
      if (pick) picks.push(pick);
    }
  });
  return picks;
}

/**
 * Every pick of the draft, in the page's order. Throws ParseError when `table#stats` is missing
 * or the page is another season's, EmptyPageError when the table lists no pick.
 */
export function parseDraft(html: PageBody, season: number): DraftPick[] {
  const { content, urls } = loadPage(html, WHAT);
  checkSeason(urls, season, WHAT);
  const found = findTable(content, 'stats');
  if (!found) throw new ParseError(`${WHAT} has no table#stats: the layout changed`);
  const picks = parseRows(found.table, season);
  if (picks.length === 0) throw new EmptyPageError(`${WHAT} for ${season}: table#stats lists no pick`);
  return ownStrings(picks);
}
