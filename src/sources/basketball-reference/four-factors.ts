/**
 * The box score's four factors (`table#four_factors`, served inside an HTML comment): one row per
 * team, `th[data-stat=team_id]` then `pace efg_pct tov_pct orb_pct ft_rate off_rtg`.
 * Optional: a page without the table gives no four factors (the domain allows null).
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { FourFactors } from '../../domain/box-score.ts';
import { findTable } from './commented-tables.ts';
import { cellsByStat, cellText, linkHref, numberCell } from './table-cells.ts';
import { teamFromPath } from './urls.ts';

const FACTORS = ['pace', 'efg_pct', 'tov_pct', 'orb_pct', 'ft_rate', 'off_rtg'] as const;

/** Four factors by team code; empty when the page has no `table#four_factors`. */
export function parseFourFactors($: CheerioAPI, content: Cheerio<Element>): Map<string, FourFactors> {
  const byTeam = new Map<string, FourFactors>();
  const found = findTable($, content, 'four_factors');
  if (!found) return byTeam;
  const trs = found.table.find('tr');
  trs.each((i) => {
    const cells = cellsByStat(trs.eq(i));
    const teamCell = cells.get('team_id');
    if (teamCell === undefined || teamCell.is('th[scope=col]')) return;
    const code = teamFromPath(linkHref(teamCell) ?? '')?.code ?? (cellText(teamCell) || undefined);
    if (code === undefined || !/^[A-Z0-9]{2,4}$/.test(code)) return; // header rows
    const where = `box score page, table#four_factors row ${code}`;
    const factors = {} as FourFactors;
    for (const f of FACTORS) factors[f] = numberCell(cells.get(f), `${where} ${f}`);
    byTeam.set(code, factors);
  });
  return byTeam;
}
