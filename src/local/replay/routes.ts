/** Which kind of page a request path asks for. The query string is ignored. */

export type PageKind = 'season' | 'month' | 'boxscore' | 'totals' | 'other';

export const PAGE_KINDS: readonly PageKind[] = ['season', 'month', 'boxscore', 'totals', 'other'];

export type ParsedPath =
  | { kind: 'season'; season: number }
  | { kind: 'month'; season: number; month: string }
  | { kind: 'boxscore'; gameId: string }
  | { kind: 'totals'; season: number }
  | { kind: 'other' };

export function parsePagePath(pathWithQuery: string): ParsedPath {
  const q = pathWithQuery.indexOf('?');
  const path = q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
  let m = /^\/leagues\/NBA_(\d{4})_games\.html$/.exec(path);
  if (m) return { kind: 'season', season: Number(m[1]) };
  m = /^\/leagues\/NBA_(\d{4})_games-([a-z]+(?:-\d{4})?)\.html$/.exec(path);
  if (m) return { kind: 'month', season: Number(m[1]), month: m[2]! };
  m = /^\/boxscores\/(\d{8}0[A-Z]{3})\.html$/.exec(path);
  if (m) return { kind: 'boxscore', gameId: m[1]! };
  m = /^\/leagues\/NBA_(\d{4})_totals\.html$/.exec(path);
  if (m) return { kind: 'totals', season: Number(m[1]) };
  return { kind: 'other' };
}
