/**
 * The box score's four factors (`table#four_factors`, served inside an HTML comment): one row per
 * team, `th[data-stat=team_id]` then `pace efg_pct tov_pct orb_pct ft_rate off_rtg`.
 * Optional: a page without the table gives no four factors (the domain allows null).
 */
import type { FourFactors } from '../../domain/box-score.ts';
import { findTable } from './commented-tables.ts';
import { allRows, type Element } from './dom.ts';
import { cellsByStat, cellText, linkHref, numberCell } from './table-cells.ts';
import { teamFromPath } from './urls.ts';

const FACTORS = ['pace', 'efg_pct', 'tov_pct', 'orb_pct', 'ft_rate', 'off_rtg'] as const;

/** Four factors by team code; empty when the page has no `table#four_factors`. */
export function parseFourFactors(content: Element): Map<string, FourFactors> {
  const byTeam = new Map<string, FourFactors>();
  const found = findTable(content, 'four_factors');
  if (!found) return byTeam;
  for (const tr of allRows(found.table)) {
    const cells = cellsByStat(tr);
    const teamCell = cells.get('team_id');
    if (teamCell === undefined || (teamCell.name === 'th' && teamCell.attribs.scope?.toLowerCase() === 'col'))
      continue;
    const code = teamFromPath(linkHref(teamCell) ?? '')?.code ?? (cellText(teamCell) || undefined);
    if (code === undefined || !/^[A-Z0-9]{2,4}$/.test(code)) continue; // header rows
    const where = `box score page, table#four_factors row ${code}`;
    const factors = {} as FourFactors;
    for (const f of FACTORS) factors[f] = numberCell(cells.get(f), `${where} ${f}`);
    byTeam.set(code, factors);
  }
  return byTeam;
}
