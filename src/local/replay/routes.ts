/** Which kind of page a request path asks for. The query string is ignored. */

/** The season-level pages: summary (standings), a team's season, advanced stats, draft, awards. */
export const SEASON_PAGE_KINDS = ['summary', 'team', 'advanced', 'draft', 'awards'] as const;
export type SeasonPageKind = (typeof SEASON_PAGE_KINDS)[number];

export type PageKind = 'season' | 'month' | 'boxscore' | 'totals' | SeasonPageKind | 'other';

export const PAGE_KINDS: readonly PageKind[] = [
  'season',
  'month',
  'boxscore',
  'totals',
  ...SEASON_PAGE_KINDS,
  'other',
];

export type ParsedPath =
  | { kind: 'season'; season: number }
  | { kind: 'month'; season: number; month: string }
  | { kind: 'boxscore'; gameId: string }
  | { kind: 'totals'; season: number }
  | { kind: SeasonPageKind; season: number; team: string | null }
  | { kind: 'other' };

const SEASON_PAGES: ReadonlyArray<readonly [RegExp, SeasonPageKind]> = [
  [/^\/leagues\/NBA_(\d{4})\.html$/, 'summary'],
  [/^\/teams\/([A-Z0-9]{3})\/(\d{4})\.html$/, 'team'],
  [/^\/leagues\/NBA_(\d{4})_advanced\.html$/, 'advanced'],
  [/^\/draft\/NBA_(\d{4})\.html$/, 'draft'],
  [/^\/awards\/awards_(\d{4})\.html$/, 'awards'],
];

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
  for (const [pattern, kind] of SEASON_PAGES) {
    m = pattern.exec(path);
    if (!m) continue;
    return kind === 'team'
      ? { kind, season: Number(m[2]), team: m[1]! }
      : { kind, season: Number(m[1]), team: null };
  }
  return { kind: 'other' };
}
