/**
 * One row of a season's advanced player stats page (`/leagues/NBA_<Y>_advanced.html`), treated
 * like the totals page: a player's season for one team, or the summary row of a player who
 * played for several teams.
 */
import type { SeasonPart } from './player-totals.ts';

export interface PlayerAdvanced {
  season: number;
  part: SeasonPart;
  playerId: string;
  name: string;
  /** Team code (`BOS`), or the multi-team summary code (`2TM`, `3TM`; older pages `TOT`). */
  team: string;
  multiTeamSummary: boolean;
  age: number | null;
  position: string | null;
  /**
   * Stats by the page's `data-stat` names (`games`, `games_started`, `mp`, `per`, `ts_pct`,
   * `fg3a_per_fga_pct`, ... `ws`, `ws_per_48`, `obpm`, `dbpm`, `bpm`, `vorp`), full precision
   * from `csk` where the page has it; every percentage is a fraction, including the rates the
   * page shows as percentages (`orb_pct` ... `usg_pct`: `11.3` is 0.113, as their `csk` gives
   * them); what an era lacks is absent or null.
   */
  stats: Record<string, number | null>;
}
