/**
 * One pick of a season's draft (`/draft/NBA_<Y>.html`) with the player's NBA career summary. A
 * forfeited pick (a row without a player) selected nobody and is no DraftPick.
 */
export interface DraftPick {
  /** The draft's year (the season that ends in it). */
  season: number;
  round: number;
  /** Overall pick number (not the row's position: the 1965 page lists territorial picks first). */
  pick: number;
  /** Team code (`ATL`). */
  team: string;
  /** Null for a pick whose player has no page. */
  playerId: string | null;
  name: string;
  college: string | null;
  /**
   * Career summary by the page's `data-stat` names (`seasons`, `g`, `mp`, `pts`, `trb`, `ast`,
   * `fg_pct`, `fg3_pct`, `ft_pct`, `mp_per_g`, ... `ws`, `ws_per_48`, `bpm`, `vorp`); every value
   * null for a player who never played.
   */
  career: Record<string, number | null>;
}
